// Package oracle checks the simulator against the exact Erlang C and Erlang A
// formulas of package erlang, on stationary M/M/c and M/M/c+M systems.
package oracle

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
)

// Case is a stationary system with a known exact answer.
type Case struct {
	Name         string
	Agents       int
	Load         float64 // offered load, erlangs
	AHT          float64 // mean handle time, seconds
	Patience     float64 // mean patience, seconds; 0: customers never abandon (Erlang C)
	Threshold    float64 // service-level threshold, seconds
	Customers    int     // customers per replication (approximately)
	Replications int
}

// Cases are the built-in validation cases: 1 to 500 agents, loads from 0.5 to
// 1.1 per agent (at or above 1 only with abandonment).
func Cases() []Case {
	return []Case{
		{"C c=1 rho=0.5", 1, 0.5, 60, 0, 20, 100_000, 10},
		{"C c=5 rho=0.8", 5, 4, 120, 0, 30, 100_000, 10},
		{"C textbook c=14", 14, 10, 180, 0, 20, 100_000, 10},
		{"C c=50 rho=0.9", 50, 45, 300, 0, 20, 150_000, 10},
		{"C c=100 rho=0.95", 100, 95, 45, 0, 20, 300_000, 10},
		{"A c=1 rho=1.1", 1, 1.1, 60, 60, 20, 100_000, 10},
		{"A c=10 rho=0.9", 10, 9, 180, 120, 20, 100_000, 10},
		{"A c=20 rho=0.5 impatient", 20, 10, 300, 30, 10, 100_000, 10},
		{"A reference c=95", 95, 90, 45, 120, 20, 200_000, 10},
		{"A overload c=100 rho=1.05", 100, 105, 45, 120, 20, 200_000, 10},
		{"A c=200 rho=1.1", 200, 220, 240, 300, 20, 200_000, 10},
		{"A c=500 rho=0.95", 500, 475, 180, 600, 20, 300_000, 10},
	}
}

// Queue is the exact model of the case.
func (c Case) Queue() erlang.Queue {
	return erlang.Queue{Rate: c.Load / c.AHT, AHT: c.AHT, Agents: c.Agents, Patience: c.Patience}
}

// Scenario is the simulation of the case: a long steady-state run with a
// warm-up of a twentieth of the horizon.
func (c Case) Scenario(seed uint64) *sim.Scenario {
	rate := c.Load / c.AHT // per second
	horizon := time.Duration(float64(c.Customers) / rate * float64(time.Second))
	sc := &sim.Scenario{
		Name: c.Name, Seed: seed, Replications: c.Replications,
		Horizon: horizon + horizon/20, Warmup: horizon / 20,
		ServiceLevel: sim.ServiceLevel{Threshold: time.Duration(c.Threshold * float64(time.Second)), Target: 0.8},
		Arrivals:     sim.Arrivals{Rate: rate * 3600},
		Intents:      []sim.Intent{{Name: "call", Share: 1, HandleTime: sim.Exponential{MeanS: c.AHT}}},
		Groups:       []sim.Group{{Name: "agents", Count: c.Agents}},
	}
	if c.Patience > 0 {
		sc.Patience = sim.Exponential{MeanS: c.Patience}
	}
	return sc
}

// Check compares one metric: the simulated mean and its standard error with the exact value.
type Check struct {
	Metric string
	Sim    float64 // mean over replications
	SE     float64 // standard error of the mean
	Exact  float64
	Z      float64 // (Sim - Exact) / SE
}

// Comparison is every check of one case.
type Comparison struct {
	Case   Case
	Checks []Check
}

// Worst is the largest |z| of the comparison.
func (cmp Comparison) Worst() float64 {
	w := 0.0
	for _, ch := range cmp.Checks {
		w = math.Max(w, math.Abs(ch.Z))
	}
	return w
}

// Compare simulates case c and compares it with the exact formulas.
func Compare(ctx context.Context, c Case, seed uint64, workers int) (Comparison, error) {
	res, err := sim.Run(ctx, c.Scenario(seed), sim.Options{Workers: workers})
	if err != nil {
		return Comparison{}, fmt.Errorf("oracle: case %q: %w", c.Name, err)
	}
	q := c.Queue()
	f := q.Figures()
	exact := []struct {
		metric string
		value  float64
	}{
		{sim.MPWait, f.PWait},
		{sim.MServiceLevel, q.ServiceLevel(c.Threshold, erlang.Offered)},
		{sim.MASA, f.ASA},
		{sim.MQueueLength, f.QueueLength},
		{sim.MOccupancy, f.Occupancy},
	}
	if c.Patience > 0 {
		exact = append(exact, struct {
			metric string
			value  float64
		}{sim.MAbandonRate, f.PAbandon})
	}
	cmp := Comparison{Case: c}
	for _, e := range exact {
		mean, se := meanSE(res, e.metric)
		cmp.Checks = append(cmp.Checks, Check{Metric: e.metric, Sim: mean, SE: se, Exact: e.value, Z: (mean - e.value) / se})
	}
	return cmp, nil
}

// meanSE returns the mean over replications of a metric and its standard error.
func meanSE(res *sim.Results, metric string) (mean, se float64) {
	var xs []float64
	for _, r := range res.PerReplication {
		xs = append(xs, r.Metrics[metric])
	}
	n := float64(len(xs))
	for _, x := range xs {
		mean += x
	}
	mean /= n
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / (n - 1) / n)
}

package reports

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
)

// StaffingOptions tune SimulateStaffing; zero values use the defaults.
type StaffingOptions struct {
	Replications int     // per agent count; 0: 10
	Points       int     // agent counts simulated, at most; 0: 12
	Contacts     float64 // contacts per replication after warm-up; 0: 6000
	Workers      int     // replication workers; 0: one per CPU
}

func (o StaffingOptions) withDefaults() StaffingOptions {
	if o.Replications <= 0 {
		o.Replications = 10
	}
	if o.Points <= 0 {
		o.Points = 12
	}
	if o.Contacts <= 0 {
		o.Contacts = 6000
	}
	return o
}

// ErrNoLoad is returned when no contacts reached the human queue, so there
// is no staffing curve to draw.
var ErrNoLoad = errors.New("reports: no contacts reached the human queue")

// BusiestInterval returns the index of the interval in which most contacts
// reached the human queue, or -1 if there are no intervals.
func BusiestInterval(res *sim.Results) int {
	best, most := -1, math.Inf(-1)
	for i, iv := range res.Intervals {
		if v := stat(iv.Metrics, sim.MToHuman).Mean; v > most {
			best, most = i, v
		}
	}
	return best
}

// SimulateStaffing builds the staffing curve of the busiest interval of a
// run of sc (the whole run if it has no intervals): it simulates the
// interval's stationary equivalent, a steady state with the interval's rate
// of contacts to agents, exponential handle times of the run's mean handle
// time and the scenario's patience, at a range of agent counts around the
// offered load, with common random numbers across counts.
func SimulateStaffing(ctx context.Context, sc *sim.Scenario, res *sim.Results, opts StaffingOptions) (Staffing, error) {
	opts = opts.withDefaults()
	st, err := staffingQueue(sc, res)
	if err != nil {
		return st, err
	}
	lo, hi := st.agentRange()
	st.MinAgents, st.MaxAgents = lo, hi
	rate, aht := st.Queue.Rate, st.Queue.AHT
	warmup := time.Duration(3 * aht * float64(time.Second))
	horizon := warmup + time.Duration(opts.Contacts/rate*float64(time.Second))
	for _, n := range agentCounts(lo, hi, opts.Points, st.Staffed) {
		s := sim.Scenario{
			Name:         fmt.Sprintf("%s, %s at %d agents", sc.Name, st.Interval, n),
			Seed:         sc.Seed,
			Replications: opts.Replications,
			Horizon:      horizon,
			Warmup:       warmup,
			ServiceLevel: sc.ServiceLevel,
			Arrivals:     sim.Arrivals{Rate: 3600 * rate},
			Patience:     sc.Patience,
			Intents:      []sim.Intent{{Name: "contact", Share: 1, HandleTime: sim.Exponential{MeanS: aht}}},
			Groups:       []sim.Group{{Name: "agents", Count: n}},
		}
		r, err := sim.Run(ctx, &s, sim.Options{Workers: opts.Workers})
		if err != nil {
			return st, fmt.Errorf("staffing curve at %d agents: %w", n, err)
		}
		st.Points = append(st.Points, StaffingPoint{Agents: n, Metrics: r.Metrics})
	}
	return st, nil
}

// staffingQueue derives the queue of the busiest interval from a run.
func staffingQueue(sc *sim.Scenario, res *sim.Results) (Staffing, error) {
	st := Staffing{
		Threshold: sc.ServiceLevel.Threshold.Seconds(), Target: sc.ServiceLevel.Target,
		Definition: sc.ServiceLevel.Definition, Interval: "whole run",
	}
	period := (sc.Horizon - sc.Warmup).Seconds()
	toHuman := stat(res.Metrics, sim.MToHuman).Mean
	st.Staffed = stat(res.Metrics, sim.MAgents).Mean
	if b := BusiestInterval(res); b >= 0 {
		iv := res.Intervals[b]
		st.Interval = "busiest interval " + iv.Start
		period = sc.Arrivals.Interval.Seconds()
		toHuman = stat(iv.Metrics, sim.MToHuman).Mean
		st.Staffed = stat(iv.Metrics, sim.MAgents).Mean
	}
	if !(toHuman > 0) || !(period > 0) {
		return st, ErrNoLoad
	}
	aht := stat(res.Metrics, sim.MMeanHandle).Mean
	if !(aht > 0) {
		aht = 0
		for _, in := range sc.Intents {
			aht += in.Share * in.HandleTime.Mean()
		}
	}
	st.Queue = erlang.Queue{Rate: toHuman / period, AHT: aht}
	if sc.Patience != nil {
		st.Queue.Patience = sc.Patience.Mean()
	}
	if !finite(st.Staffed) {
		st.Staffed = 0
	}
	lo, hi := staffingRange(st.Queue, st.Staffed)
	st.MinAgents, st.MaxAgents = lo, hi
	return st, nil
}

// staffingRange spans the agent counts of interest: from below the offered
// load to well above it, and the agents actually staffed. Without patience
// (Erlang C) it starts above the load, where a steady state exists, at
// 95 % occupancy at most.
func staffingRange(q erlang.Queue, staffed float64) (lo, hi int) {
	a := q.Load()
	lo, hi = int(math.Floor(0.85*a)), int(math.Ceil(a+3.5*math.Sqrt(a)))+1
	if staffed > 0 {
		lo, hi = min(lo, int(math.Floor(staffed))-1), max(hi, int(math.Ceil(staffed))+2)
	}
	if q.Patience == 0 {
		lo = max(lo, int(math.Ceil(a/0.95))) // occupancy ≤ 95 %: waits near ρ = 1 swamp the chart
	}
	lo = max(lo, 1)
	return lo, max(hi, lo+2)
}

// agentCounts picks at most k counts evenly from lo to hi, including the
// count nearest to staffed.
func agentCounts(lo, hi, k int, staffed float64) []int {
	step := max(1, int(math.Ceil(float64(hi-lo+1)/float64(k))))
	seen := map[int]bool{}
	var out []int
	for n := lo; n <= hi; n += step {
		out = append(out, n)
		seen[n] = true
	}
	if s := int(math.Round(staffed)); staffed > 0 && s >= lo && s <= hi && !seen[s] {
		out = append(out, s)
		for i := len(out) - 1; i > 0 && out[i] < out[i-1]; i-- {
			out[i], out[i-1] = out[i-1], out[i]
		}
	}
	return out
}

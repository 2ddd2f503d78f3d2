package staff

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
)

// Curve is the data of a staffing curve for one interval: simulated
// figures at several agent counts, and the queue the Erlang C and Erlang A
// curves describe.
type Curve struct {
	Interval   string         // what the curve is for, e.g. "busiest interval 10:30"
	Queue      erlang.Queue   // arrivals per second, mean handle and patience in seconds; Agents is ignored
	Threshold  float64        // service-level threshold, seconds
	Target     float64        // service-level target, a share in [0, 1]
	Definition sim.Definition // service-level definition; empty means offered
	Staffed    float64        // agents actually on duty, marked on the chart; 0: none
	Points     []CurvePoint
	MinAgents  int // range of the Erlang curves; 0: from the points and the load
	MaxAgents  int
}

// CurvePoint is the simulated figures at one agent count (Metrics holds
// at least service_level, asa_seconds and abandon_rate).
type CurvePoint struct {
	Agents  int
	Metrics sim.Metrics
}

// AgentRange returns the agent counts the Erlang curves span.
func (s Curve) AgentRange() (lo, hi int) {
	lo, hi = s.MinAgents, s.MaxAgents
	for _, p := range s.Points {
		if lo == 0 || p.Agents < lo {
			lo = p.Agents
		}
		hi = max(hi, p.Agents)
	}
	if lo == 0 && hi == 0 {
		a := s.Queue.Load()
		lo, hi = max(1, int(a*0.9)), int(math.Ceil(a+3*math.Sqrt(a)))+2
	}
	return max(lo, 1), max(hi, lo+1)
}

// CurveOptions tune SimulateCurve; zero values use the defaults.
type CurveOptions struct {
	Replications int     // per agent count; 0: 10
	Points       int     // agent counts simulated, at most; 0: 12
	Contacts     float64 // contacts per replication after warm-up; 0: 6000
	Workers      int     // replication workers; 0: one per CPU
	// Simulate runs one agent count's scenario; nil means sim.Run. A caller
	// may wrap sim.Run to show progress or count simulations.
	Simulate func(context.Context, *sim.Scenario, sim.Options) (*sim.Results, error)
}

// simulate runs s with o.Simulate, or sim.Run.
func (o CurveOptions) simulate(ctx context.Context, s *sim.Scenario, opts sim.Options) (*sim.Results, error) {
	if o.Simulate != nil {
		return o.Simulate(ctx, s, opts)
	}
	return sim.Run(ctx, s, opts)
}

func (o CurveOptions) withDefaults() CurveOptions {
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
var ErrNoLoad = errors.New("staff: no contacts reached the human queue")

// BusiestInterval returns the index of the interval in which most contacts
// reached the human queue, or -1 if there are no intervals.
func BusiestInterval(res *sim.Results) int {
	best, most := -1, math.Inf(-1)
	for i, iv := range res.Intervals {
		if v := iv.Metrics.Get(sim.MToHuman).Mean; v > most {
			best, most = i, v
		}
	}
	return best
}

// SimulateCurve builds the staffing curve of the busiest interval of a
// run of sc (the whole run if it has no intervals): it simulates the
// interval's stationary equivalent, a steady state with the interval's rate
// of contacts to agents, exponential handle times of the run's mean handle
// time and the scenario's patience, at a range of agent counts around the
// offered load, with common random numbers across counts.
func SimulateCurve(ctx context.Context, sc *sim.Scenario, res *sim.Results, opts CurveOptions) (Curve, error) {
	opts = opts.withDefaults()
	st, err := staffingQueue(sc, res)
	if err != nil {
		return st, err
	}
	lo, hi := st.AgentRange()
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
		r, err := opts.simulate(ctx, &s, sim.Options{Workers: opts.Workers})
		if err != nil {
			return st, fmt.Errorf("staffing curve at %d agents: %w", n, err)
		}
		st.Points = append(st.Points, CurvePoint{Agents: n, Metrics: r.Metrics})
	}
	return st, nil
}

// staffingQueue derives the queue of the busiest interval from a run.
func staffingQueue(sc *sim.Scenario, res *sim.Results) (Curve, error) {
	st := Curve{
		Threshold: sc.ServiceLevel.Threshold.Seconds(), Target: sc.ServiceLevel.Target,
		Definition: sc.ServiceLevel.Definition, Interval: "whole run",
	}
	period := (sc.Horizon - sc.Warmup).Seconds()
	toHuman := res.Metrics.Get(sim.MToHuman).Mean
	st.Staffed = res.Metrics.Get(sim.MAgents).Mean
	if b := BusiestInterval(res); b >= 0 {
		iv := res.Intervals[b]
		st.Interval = "busiest interval " + iv.Start
		period = sc.Arrivals.Interval.Seconds()
		toHuman = iv.Metrics.Get(sim.MToHuman).Mean
		st.Staffed = iv.Metrics.Get(sim.MAgents).Mean
	}
	if !(toHuman > 0) || !(period > 0) {
		return st, ErrNoLoad
	}
	aht := res.Metrics.Get(sim.MMeanHandle).Mean
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
	if math.IsNaN(st.Staffed) || math.IsInf(st.Staffed, 0) {
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

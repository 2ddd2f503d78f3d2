package staff

import (
	"fmt"
	"math"

	"github.com/ccsim/ccsim/sim"
)

// plan turns the staffing found into a Plan.
func (p *problem) plan(n [][]int, ev *evaluation) *Plan {
	sc, res := p.orig, ev.res
	pl := &Plan{
		Scenario: sc.Name, Seed: res.Seed, Replications: res.Replications, Evaluations: p.evals,
		Goals: GoalsJSON{Target: p.goals.Target, ThresholdSeconds: p.goals.Threshold.Seconds(),
			MaxAbandon: p.goals.MaxAbandon, MaxOccupancy: p.goals.MaxOccupancy, Confidence: p.goals.Confidence},
		Results: res, Method: p.method(res),
	}
	if sc.Costs != nil {
		pl.Currency = sc.Costs.Currency
		pl.Cost = new(float64)
	}
	for _, g := range sc.Groups {
		pl.Groups = append(pl.Groups, g.Name)
	}
	sched := p.scheduled(n)
	for k := 0; k < p.periods; k++ {
		iv := p.interval(k, n, sched, res)
		iv.Skills = ev.skills[k]
		pl.AgentHours += iv.AgentHours
		if pl.Cost != nil {
			*pl.Cost += *iv.Cost
		}
		pl.Intervals = append(pl.Intervals, iv)
	}
	pl.Staffed = p.staffed(sched)
	return pl
}

// interval reports period k.
func (p *problem) interval(k int, n, sched [][]int, res *sim.Results) Interval {
	sc := p.orig
	m := res.Metrics
	iv := Interval{Start: "all"}
	if p.day {
		m, iv.Start = res.Intervals[k].Metrics, res.Intervals[k].Start
	}
	iv.ServiceLevel, iv.AbandonRate, iv.Occupancy, iv.ASA = m[sim.MServiceLevel], m[sim.MAbandonRate], m[sim.MOccupancy], m[sim.MASA]
	hours := p.width / 3600
	staffCost := 0.0
	for g := range sc.Groups {
		need := GroupNeed{Group: sc.Groups[g].Name, ErlangC: p.erlangC[g][k], ErlangA: p.erlangA[g][k], Simulated: n[g][k], Scheduled: sched[g][k]}
		if p.day {
			need.Occupancy = res.Intervals[k].Groups[g].Metrics[sim.MOccupancy]
		} else {
			need.Occupancy = res.Groups[g].Metrics[sim.MOccupancy]
		}
		iv.ErlangC += need.ErlangC
		iv.ErlangA += need.ErlangA
		iv.Simulated += need.Simulated
		iv.Scheduled += need.Scheduled
		iv.AgentHours += float64(need.Scheduled) * hours
		staffCost += float64(need.Scheduled) * hours * sc.HourCost(g)
		iv.Groups = append(iv.Groups, need)
	}
	if sc.Costs != nil {
		c := staffCost + meanOr0(m[sim.MCostBot]) + meanOr0(m[sim.MCostAbandoned])
		iv.Cost = &c
	}
	return iv
}

func meanOr0(s sim.Stat) float64 {
	if math.IsNaN(s.Mean) {
		return 0
	}
	return s.Mean
}

// scheduled is the headcount to schedule for n available agents: n / (1 −
// shrinkage), rounded up.
func (p *problem) scheduled(n [][]int) [][]int {
	out := clone(n)
	for g, gr := range p.orig.Groups {
		if len(gr.Shrinkage) == 0 {
			continue
		}
		for k := range out[g] {
			s := gr.Shrinkage[min(k, len(gr.Shrinkage)-1)]
			out[g][k] = int(math.Ceil(float64(n[g][k])/(1-s) - 1e-9))
		}
	}
	return out
}

// staffed is the input scenario with every group planned by the scheduled
// headcount per interval (a steady state: one count), shrinkage kept.
func (p *problem) staffed(sched [][]int) *sim.Scenario {
	sc := *p.orig
	sc.Groups = make([]sim.Group, len(p.orig.Groups))
	for g, gr := range p.orig.Groups {
		gr.Shifts, gr.Count, gr.Counts = nil, 0, nil
		if p.day {
			gr.Counts = append([]int(nil), sched[g]...)
		} else {
			gr.Count = sched[g][0]
		}
		sc.Groups[g] = gr
	}
	return &sc
}

// method describes how the plan was found.
func (p *problem) method(res *sim.Results) string {
	on := "the means"
	if c := p.goals.Confidence; c > 0 {
		on = fmt.Sprintf("one-sided %g %% confidence bounds", 100*c)
	}
	return fmt.Sprintf("Erlang A per interval and group, then %d simulations of the whole day on common random numbers "+
		"(seed %d, %d replications each): calibrated to the measured figures, repaired and trimmed one agent at a time; goals on %s",
		p.evals, res.Seed, res.Replications, on)
}

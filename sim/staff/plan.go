package staff

import (
	"fmt"
	"math"

	"github.com/ccsim/ccsim/sim"
)

// plan turns the staffing found and its verification res into a Plan.
func (p *problem) plan(n [][]int, res *sim.Results) *Plan {
	sc := p.orig
	missed, v := p.check(res)
	skills, chans := p.skillFigures(res), p.channelFigures(res)
	for i := range res.PerReplication {
		res.PerReplication[i].Details = nil // measured; free the memory
	}
	pl := &Plan{
		Scenario: sc.Name, Seed: p.seed, Replications: p.reps, Evaluations: p.evals,
		MaxReplications: p.level * p.reps, Verification: v,
		Goals: GoalsJSON{Target: p.goals.Target, ThresholdSeconds: p.goals.Threshold.Seconds(),
			MaxAbandon: p.goals.MaxAbandon, MaxOccupancy: p.goals.MaxOccupancy, Confidence: p.goals.level(), Tolerance: p.goals.tolerance(),
			MaxASASeconds: p.goals.MaxASA.Seconds(), Channels: p.channelGoalsJSON()},
		Results: res, Method: p.method(),
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
		iv.Skills, iv.Channels, iv.Missed, iv.Met = skills[k], chans[k], missed[k], len(missed[k]) == 0
		pl.AgentHours += iv.AgentHours
		if pl.Cost != nil {
			*pl.Cost += *iv.Cost
		}
		pl.Intervals = append(pl.Intervals, iv)
	}
	pl.Staffed = p.staffed(sched)
	return pl
}

// skillFigures summarizes each skill's service level and abandonment per
// period of res, which carries Details.
func (p *problem) skillFigures(res *sim.Results) [][]SkillFigures {
	out := make([][]SkillFigures, p.periods)
	for k := range out {
		for s, name := range p.skills {
			f := SkillFigures{Skill: name}
			if g := p.owner[s]; g >= 0 {
				f.Group = p.orig.Groups[g].Name
			}
			var sl, ab []float64
			for _, rep := range res.PerReplication {
				v := rep.Details[k].Skills[s]
				if x := v[sim.MServiceLevel]; !math.IsNaN(x) {
					sl = append(sl, x)
				}
				if x := v[sim.MAbandonRate]; !math.IsNaN(x) {
					ab = append(ab, x)
				}
			}
			f.ServiceLevel, f.AbandonRate = sim.SummarizeMetric(sim.MServiceLevel, sl), sim.SummarizeMetric(sim.MAbandonRate, ab)
			out[k] = append(out[k], f)
		}
	}
	return out
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
		iv.StaffCost = &staffCost
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
func (p *problem) method() string {
	on := "the means"
	if c := p.goals.level(); c > 0 {
		on = fmt.Sprintf("one-sided %g %% confidence bounds", 100*c)
	}
	return fmt.Sprintf("Erlang A per interval and group, then %d simulations of the whole day on common random numbers "+
		"(seed %d, batches of %d replications, up to %d where a decision was close): calibrated to the measured figures, "+
		"repaired and trimmed one agent at a time; goals on %s; checked on fresh replications with another seed",
		p.evals, p.seed, p.reps, p.level*p.reps, on)
}

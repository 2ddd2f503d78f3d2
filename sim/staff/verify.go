package staff

import (
	"context"

	"github.com/ccsim/ccsim/sim"
)

// Verification is the check of a plan on fresh replications, independent
// of every replication the search measured: how many intervals meet each
// goal on the means of these replications.
type Verification struct {
	Seed         uint64      `json:"seed"`
	Replications int         `json:"replications"`
	Intervals    int         `json:"intervals"`
	AllMet       int         `json:"all_met"` // intervals that meet every goal
	Goals        []GoalCheck `json:"goals"`
}

// GoalCheck counts the intervals that meet one goal out of sample.
type GoalCheck struct {
	Goal string `json:"goal"` // "service_level", "abandonment" or "occupancy"
	Met  int    `json:"met"`
}

// Names of the goals in GoalCheck and Interval.Missed.
const (
	GoalServiceLevel = "service_level"
	GoalAbandonment  = "abandonment"
	GoalOccupancy    = "occupancy"
)

// DefaultVerifyReplications are the fresh replications of a plan's check
// unless Options say otherwise.
const DefaultVerifyReplications = 40

// verify simulates staffing n on fresh replications with another seed.
func (p *problem) verify(ctx context.Context, n [][]int) (*sim.Results, error) {
	sc := p.withStaffing(n)
	sc.Seed = verifySeed(p.seed)
	if p.opts.VerifySeed != nil {
		sc.Seed = *p.opts.VerifySeed
	}
	reps := p.verifyReps
	res, err := sim.Run(ctx, &sc, sim.Options{Workers: p.opts.Workers, Replications: reps, Details: true})
	if err != nil {
		return nil, err
	}
	if p.opts.Progress != nil {
		p.opts.Progress(Progress{Evaluation: p.evals, Phase: "verify", Agents: total(n), Replications: reps})
	}
	return res, nil
}

// check measures the goals of every period of res (which carries Details)
// on the means: the goals each period misses, and the count of periods
// meeting each goal.
func (p *problem) check(res *sim.Results) ([][]string, Verification) {
	s := p.newSample()
	s.add(res, p.layout())
	e := &estimator{}
	o := p.observe(s, e)
	v := Verification{Seed: res.Seed, Replications: res.Replications, Intervals: p.periods}
	met := map[string]int{}
	missed := make([][]string, p.periods)
	buf := make([]float64, 0, s.reps)
	for k := range missed {
		miss := map[string]bool{}
		for g := range o {
			sl, ab, occ := p.missed(o[g][k], est.lo, est.hi, 0)
			miss[GoalServiceLevel] = miss[GoalServiceLevel] || sl
			miss[GoalAbandonment] = miss[GoalAbandonment] || ab
			miss[GoalOccupancy] = miss[GoalOccupancy] || occ
		}
		for _, cg := range p.chans {
			for name, m := range p.channelMisses(cg, s, k, e, buf) {
				miss[name] = m
			}
		}
		for _, name := range p.goalNames() {
			if miss[name] {
				missed[k] = append(missed[k], name)
			} else {
				met[name]++
			}
		}
		if len(missed[k]) == 0 {
			v.AllMet++
		}
	}
	for _, name := range p.goalNames() {
		v.Goals = append(v.Goals, GoalCheck{Goal: name, Met: met[name]})
	}
	return missed, v
}

// goalNames lists the goals of the search, in the order of the output.
func (p *problem) goalNames() []string {
	names := []string{GoalServiceLevel}
	if p.goals.MaxAbandon > 0 {
		names = append(names, GoalAbandonment)
	}
	if p.goals.MaxOccupancy > 0 {
		names = append(names, GoalOccupancy)
	}
	for _, cg := range p.chans {
		sl, asa, ab := cg.names()
		if cg.sl {
			names = append(names, sl)
		}
		if cg.maxASA > 0 {
			names = append(names, asa)
		}
		if cg.maxAbandon > 0 {
			names = append(names, ab)
		}
	}
	return names
}

// channelMisses reports, by goal name, which goals of channel cg period k
// of s misses on the means.
func (p *problem) channelMisses(cg chanGoal, s sample, k int, e *estimator, buf []float64) map[string]bool {
	l := p.layout()
	sl, asa, ab := cg.names()
	missed := func(f int, limit float64, atLeast bool) bool {
		m := margin(e.of(s.series(k, l.channel(cg.index, f), buf)), limit, atLeast)
		return m.defined() && m.mean < -eps
	}
	return map[string]bool{
		sl:  cg.sl && missed(cSL, cg.target, true),
		asa: cg.maxASA > 0 && missed(cASA, cg.maxASA, false),
		ab:  cg.maxAbandon > 0 && missed(cAb, cg.maxAbandon, false),
	}
}

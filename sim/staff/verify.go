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
	o := p.observe(s, &estimator{})
	v := Verification{Seed: res.Seed, Replications: res.Replications, Intervals: p.periods}
	names := []string{GoalServiceLevel}
	if p.goals.MaxAbandon > 0 {
		names = append(names, GoalAbandonment)
	}
	if p.goals.MaxOccupancy > 0 {
		names = append(names, GoalOccupancy)
	}
	met := make([]int, len(names))
	missed := make([][]string, p.periods)
	for k := range missed {
		var miss [3]bool
		for g := range o {
			sl, ab, occ := p.missed(o[g][k], est.lo, est.hi)
			miss[0], miss[1], miss[2] = miss[0] || sl, miss[1] || ab, miss[2] || occ
		}
		for i, name := range names {
			if miss[goalIndex(name)] {
				missed[k] = append(missed[k], name)
			} else {
				met[i]++
			}
		}
		if len(missed[k]) == 0 {
			v.AllMet++
		}
	}
	for i, name := range names {
		v.Goals = append(v.Goals, GoalCheck{Goal: name, Met: met[i]})
	}
	return missed, v
}

// goalIndex is the position of a goal in the triple missed returns.
func goalIndex(name string) int {
	switch name {
	case GoalAbandonment:
		return 1
	case GoalOccupancy:
		return 2
	}
	return 0
}

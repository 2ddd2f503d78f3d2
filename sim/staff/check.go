package staff

import (
	"context"

	"github.com/ccsim/ccsim/sim"
)

// Checked is a staffing checked on fresh replications: the goals each
// interval misses on the means and the groups charged with the misses.
type Checked struct {
	Verification Verification
	Missed       [][]string // per interval: the goals missed
	Short        [][]bool   // [group][interval]: charged with a miss
	Results      *sim.Results
}

// Check simulates sc as it is staffed (counts, shifts with breaks,
// shrinkage) on fresh replications with the seed and replications of a
// plan's check (Options.VerifySeed, VerifyReplications), and measures the
// goals on the means as Search's check does.
func Check(ctx context.Context, sc *sim.Scenario, goals Goals, opts Options) (*Checked, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	if err := goals.Validate(); err != nil {
		return nil, err
	}
	p, err := newProblem(sc, goals, opts)
	if err != nil {
		return nil, err
	}
	run := *sc
	run.ServiceLevel.Threshold = p.goals.Threshold
	run.Seed = verifySeed(p.seed)
	if opts.VerifySeed != nil {
		run.Seed = *opts.VerifySeed
	}
	res, err := sim.Run(ctx, &run, sim.Options{Workers: opts.Workers, Replications: p.verifyReps, Details: true})
	if err != nil {
		return nil, err
	}
	c := &Checked{Results: res}
	c.Missed, c.Verification = p.check(res)
	s := p.newSample()
	s.add(res, p.layout())
	for _, row := range p.observe(s, &estimator{}) {
		short := make([]bool, len(row))
		for k, ob := range row {
			short[k] = ob.short
		}
		c.Short = append(c.Short, short)
	}
	return c, nil
}

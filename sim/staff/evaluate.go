package staff

import (
	"context"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// evaluation is one staffing measured on some batches of replications.
type evaluation struct {
	obs   [][]obs
	short []cell
	reps  int // replications measured
}

// entry is what the search knows of one staffing: the figures of the
// batches simulated so far and its evaluation at each level.
type entry struct {
	batches []sample
	evs     map[int]*evaluation // by level (batches)
}

// evaluate measures staffing n (available agents per group and period) on
// the first p.level batches of replications, simulating only the batches
// it has not simulated before.
func (p *problem) evaluate(ctx context.Context, n [][]int, phase string) (*evaluation, error) {
	k := key(n)
	en, ok := p.cache[k]
	if !ok {
		en = &entry{evs: map[int]*evaluation{}}
		p.cache[k] = en
	}
	if ev, ok := en.evs[p.level]; ok {
		return ev, nil
	}
	if missing := p.level - len(en.batches); missing > 0 {
		bs, err := p.simulate(ctx, n, len(en.batches), missing)
		if err != nil {
			return nil, err
		}
		en.batches = append(en.batches, bs...)
		p.evals++
		p.levelEvals++
	}
	s := join(en.batches[:p.level])
	ev := &evaluation{obs: p.observe(s, &p.est), reps: s.reps}
	ev.short = shortCells(ev.obs)
	en.evs[p.level] = ev
	if p.opts.Progress != nil {
		p.opts.Progress(Progress{Evaluation: p.evals, Phase: phase, Agents: total(n), Short: len(ev.short), Replications: s.reps})
	}
	return ev, nil
}

// simulate runs batches from, …, from+count−1 of staffing n on one pool of workers.
func (p *problem) simulate(ctx context.Context, n [][]int, from, count int) ([]sample, error) {
	base := p.withStaffing(n)
	scs := make([]*sim.Scenario, count)
	for i := range scs {
		sc := base
		sc.Seed = batchSeed(p.seed, from+i)
		scs[i] = &sc
	}
	res, err := sim.RunCounts(ctx, scs, sim.Options{Workers: p.opts.Workers, Replications: p.reps})
	if err != nil {
		return nil, err
	}
	out := make([]sample, count)
	for i, r := range res {
		out[i] = p.newSample()
		out[i].addCounts(r, p.layout(), &base)
	}
	return out, nil
}

// withStaffing is the evaluated scenario with n available agents per group
// and period (counts, no shifts, no shrinkage).
func (p *problem) withStaffing(n [][]int) sim.Scenario {
	sc := p.eval
	sc.Groups = make([]sim.Group, len(p.eval.Groups))
	for g, gr := range p.eval.Groups {
		gr.Shifts, gr.Shrinkage, gr.Count, gr.Counts = nil, nil, 0, nil
		if p.day {
			gr.Counts = append([]int(nil), n[g]...)
		} else {
			gr.Count = n[g][0]
		}
		sc.Groups[g] = gr
	}
	return sc
}

// key identifies a staffing.
func key(n [][]int) string {
	var b strings.Builder
	for _, row := range n {
		for _, v := range row {
			b.WriteString(strconv.Itoa(v))
			b.WriteByte(',')
		}
		b.WriteByte(';')
	}
	return b.String()
}

// total is the number of agents summed over groups and periods.
func total(n [][]int) int {
	t := 0
	for _, row := range n {
		for _, v := range row {
			t += v
		}
	}
	return t
}

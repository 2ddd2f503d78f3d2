package staff

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// evaluation is one simulated staffing and its measured goals.
type evaluation struct {
	res    *sim.Results // Details dropped once measured
	obs    [][]obs
	short  []cell
	skills [][]SkillFigures // [period][skill]
}

// defaultBudget is the number of evaluations after which calibration and
// trimming stop (repair goes on until the goals are met).
const defaultBudget = 80

// hardLimit stops a search whose goals cannot be met.
const hardLimit = 400

// search runs the three phases and returns the staffing found and its evaluation.
func (p *problem) search(ctx context.Context) ([][]int, *evaluation, error) {
	n, err := p.calibratePhase(ctx)
	if err != nil {
		return nil, nil, err
	}
	if n, err = p.repair(ctx, n); err != nil {
		return nil, nil, err
	}
	return p.trim(ctx, n)
}

func (p *problem) budget() int {
	if p.opts.MaxEvaluations > 0 {
		return p.opts.MaxEvaluations
	}
	return defaultBudget
}

// calibratePhase starts from Erlang A and applies calibrate until the
// staffing repeats (a fixed point or a cycle) or half the budget is spent.
func (p *problem) calibratePhase(ctx context.Context) ([][]int, error) {
	n := clone(p.erlangA)
	for g := range n {
		for k := range n[g] {
			n[g][k] = max(n[g][k], p.floor[g][k])
		}
	}
	seen := map[string]bool{}
	phase := "erlang"
	for {
		ev, err := p.evaluate(ctx, n, phase)
		if err != nil {
			return nil, err
		}
		seen[key(n)] = true
		next := p.calibrate(n, ev.obs)
		if seen[key(next)] || p.evals >= p.budget()/2 {
			return n, nil
		}
		n, phase = next, "calibrate"
	}
}

// repair adds agents where goals are missed until none is.
func (p *problem) repair(ctx context.Context, n [][]int) ([][]int, error) {
	for {
		ev, err := p.evaluate(ctx, n, "repair")
		if err != nil {
			return nil, err
		}
		if len(ev.short) == 0 {
			return n, nil
		}
		if p.evals >= hardLimit {
			return nil, fmt.Errorf("%w after %d simulations", ErrUnreachable, p.evals)
		}
		next := p.calibrate(n, ev.obs)
		for _, c := range ev.short {
			n[c.g][c.k] = max(n[c.g][c.k]+1, next[c.g][c.k])
		}
	}
}

// trim takes agents away where the goals allow it. Each round removes one
// agent from every other period of one group (so that a miss points at one
// removal: the one in its period or the period before, whose queue it
// inherited); removals followed by a miss are put back and not tried again.
// It ends when a pass over all groups and both parities removes nothing, or
// when the budget is spent.
func (p *problem) trim(ctx context.Context, n [][]int) ([][]int, *evaluation, error) {
	binding := make([][]bool, len(n))
	for g := range binding {
		binding[g] = make([]bool, p.periods)
	}
	for {
		progress := false
		for g := range n {
			for par := range 2 {
				if p.evals >= p.budget() {
					return p.final(ctx, n)
				}
				ok, err := p.trimRound(ctx, n, binding, g, par)
				if err != nil {
					return nil, nil, err
				}
				progress = progress || ok
			}
		}
		if !progress {
			return p.final(ctx, n)
		}
	}
}

// trimRound tries one agent fewer in the periods of parity par of group g;
// it updates n and binding and reports whether any agent was removed.
func (p *problem) trimRound(ctx context.Context, n [][]int, binding [][]bool, g, par int) (bool, error) {
	var cand []int
	for k := par; k < p.periods; k += 2 {
		if !binding[g][k] && n[g][k] > p.floor[g][k] {
			cand = append(cand, k)
		}
	}
	if len(cand) == 0 {
		return false, nil
	}
	trial := clone(n)
	for _, k := range cand {
		trial[g][k]--
	}
	ev, err := p.evaluate(ctx, trial, "trim")
	if err != nil {
		return false, err
	}
	blamed := map[int]bool{}
	for _, c := range ev.short {
		blamed[culprit(cand, c.k)] = true
	}
	var keep []int
	for _, k := range cand {
		if blamed[k] {
			binding[g][k] = true
		} else {
			keep = append(keep, k)
		}
	}
	if len(keep) == 0 {
		return false, nil
	}
	if len(keep) < len(cand) {
		trial = clone(n)
		for _, k := range keep {
			trial[g][k]--
		}
		ev, err := p.evaluate(ctx, trial, "trim")
		if err != nil {
			return false, err
		}
		if len(ev.short) > 0 {
			for _, k := range keep {
				binding[g][k] = true
			}
			return false, nil
		}
	}
	for _, k := range keep {
		n[g][k]--
	}
	return true, nil
}

// culprit is the removal a miss in period k points at: the latest removal
// in period k or before (its queue carries over), else the first.
func culprit(cand []int, k int) int {
	best := cand[0]
	for _, c := range cand {
		if c <= k {
			best = c
		}
	}
	return best
}

// final returns n with its (cached) evaluation.
func (p *problem) final(ctx context.Context, n [][]int) ([][]int, *evaluation, error) {
	ev, err := p.evaluate(ctx, n, "trim")
	if err != nil {
		return nil, nil, err
	}
	return n, ev, nil
}

// evaluate simulates staffing n (available agents per group and period)
// with the search's seed, or returns the evaluation it already made.
func (p *problem) evaluate(ctx context.Context, n [][]int, phase string) (*evaluation, error) {
	k := key(n)
	if ev, ok := p.cache[k]; ok {
		return ev, nil
	}
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
	res, err := sim.Run(ctx, &sc, sim.Options{Workers: p.opts.Workers, Seed: p.opts.Seed, Replications: p.opts.Replications, Details: true})
	if err != nil {
		return nil, err
	}
	p.evals++
	ev := &evaluation{res: res, obs: p.observe(res), skills: p.skillFigures(res)}
	ev.short = shortCells(ev.obs)
	for i := range res.PerReplication {
		res.PerReplication[i].Details = nil // measured; free the memory
	}
	p.cache[k] = ev
	if p.opts.Progress != nil {
		p.opts.Progress(Progress{Evaluation: p.evals, Phase: phase, Agents: total(n), Short: len(ev.short)})
	}
	return ev, nil
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

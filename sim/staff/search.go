package staff

import (
	"context"
	"fmt"
)

// defaultBudget is the number of evaluations per level of replications
// after which calibration and trimming stop (repair goes on until the
// goals are met).
const defaultBudget = 80

// hardLimit stops a search whose goals cannot be met.
const hardLimit = 400

// search runs the phases and returns the staffing found. Calibration,
// repair and trimming run on one batch of replications; while some removal
// was refused on a miss that more replications might settle (its bound
// misses the goal, the bound of the most replications at the same mean
// would not), the search doubles the batches (up to the maximum), repairs,
// and tries those removals again. Every candidate is measured on the same
// batches (common random numbers).
func (p *problem) search(ctx context.Context) ([][]int, error) {
	n, err := p.calibratePhase(ctx)
	if err != nil {
		return nil, err
	}
	var cand []cell // nil: every cell
	for {
		before := clone(n)
		if n, err = p.repair(ctx, n); err != nil {
			return nil, err
		}
		if cand != nil {
			cand = append(cand, raised(before, n)...)
		}
		var open []cell
		if n, open, err = p.trim(ctx, n, cand); err != nil {
			return nil, err
		}
		if len(open) == 0 || p.level >= p.maxLevel {
			return n, nil
		}
		p.level, p.levelEvals, cand = min(2*p.level, p.maxLevel), 0, open
	}
}

// raised lists the cells where staffing after has more agents than before:
// the repair at a new level of replications added them to a staffing the
// level before accepted, so one agent fewer is close to the goals again.
func raised(before, after [][]int) []cell {
	var out []cell
	for g := range after {
		for k := range after[g] {
			if after[g][k] > before[g][k] {
				out = append(out, cell{g, k})
			}
		}
	}
	return out
}

func (p *problem) budget() int {
	if p.opts.MaxEvaluations > 0 {
		return p.opts.MaxEvaluations
	}
	return defaultBudget
}

// calibratePhase starts from Erlang A and applies calibrate until the
// staffing repeats (a fixed point or a cycle), calibrateStall evaluations
// in a row leave as many cells short as before or more, or half the budget
// is spent.
func (p *problem) calibratePhase(ctx context.Context) ([][]int, error) {
	n := clone(p.erlangA)
	for g := range n {
		for k := range n[g] {
			n[g][k] = max(n[g][k], p.floor[g][k])
		}
	}
	seen := map[string]bool{}
	phase := "erlang"
	best, stalled := -1, 0 // fewest cells short so far; evaluations since
	for {
		ev, err := p.evaluate(ctx, n, phase)
		if err != nil {
			return nil, err
		}
		seen[key(n)] = true
		if best < 0 || len(ev.short) < best {
			best, stalled = len(ev.short), 0
		} else {
			stalled++
		}
		if stalled >= calibrateStall || p.evals >= p.budget()/2 {
			return n, nil // before calibrating again, which would be wasted
		}
		next := p.calibrate(n, ev.obs)
		if seen[key(next)] {
			return n, nil
		}
		n, phase = next, "calibrate"
	}
}

// calibrateStall is how many evaluations in a row calibration may go on
// without fewer cells short of a goal than before. With many groups and
// periods, whose figures pull on each other through overflow and queues
// carried over, the calibrated staffings can cycle through ever new
// staffings of about the same quality instead of repeating one; repair
// and trimming take it from there.
const calibrateStall = 5

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
		for _, c := range ev.short { // calibrated, but at least one more
			have := n[c.g][c.k]
			n[c.g][c.k] = max(have+1, p.proposal(c.g, c.k, have, ev.obs[c.g][c.k]))
		}
	}
}

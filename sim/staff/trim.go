package staff

import "context"

// trimState is what trimming knows of each (group, period): whether one
// agent fewer is known to miss a goal (binding), and whether that miss
// was open (more replications might settle it).
type trimState struct {
	binding, open [][]bool
}

// trim takes agents away where the goals allow it, trying the cells of cand
// (nil: every cell). Each round removes one agent from every other period
// of one group (so that a miss points at one removal: the one in its
// period or the period before, whose queue it inherited); removals followed
// by a miss are put back and not tried again. It ends when a pass over all
// groups and both parities removes nothing, or when the level's budget is
// spent, and returns the cells whose removal was refused on an open miss.
func (p *problem) trim(ctx context.Context, n [][]int, cand []cell) ([][]int, []cell, error) {
	st := trimState{binding: make([][]bool, len(n)), open: make([][]bool, len(n))}
	for g := range n {
		st.binding[g], st.open[g] = make([]bool, p.periods), make([]bool, p.periods)
		for k := range st.binding[g] {
			st.binding[g][k] = cand != nil
		}
	}
	for _, c := range cand {
		st.binding[c.g][c.k] = false
	}
	for progress := true; progress; {
		progress = false
		for g := range n {
			for par := range 2 {
				if p.levelEvals >= p.budget() {
					return n, st.openCells(), nil
				}
				ok, err := p.trimRound(ctx, n, st, g, par)
				if err != nil {
					return nil, nil, err
				}
				progress = progress || ok
			}
		}
	}
	return n, st.openCells(), nil
}

// openCells lists the binding cells whose miss was open.
func (st trimState) openCells() []cell {
	var out []cell
	for g := range st.open {
		for k, o := range st.open[g] {
			if o && st.binding[g][k] {
				out = append(out, cell{g, k})
			}
		}
	}
	return out
}

// trimRound tries one agent fewer in the periods of parity par of group g;
// it updates n and st and reports whether any agent was removed.
func (p *problem) trimRound(ctx context.Context, n [][]int, st trimState, g, par int) (bool, error) {
	var cand []int
	for k := par; k < p.periods; k += 2 {
		if !st.binding[g][k] && n[g][k] > p.floor[g][k] {
			cand = append(cand, k)
		}
	}
	if len(cand) == 0 {
		return false, nil
	}
	ev, err := p.evaluate(ctx, without(n, g, cand), "trim")
	if err != nil {
		return false, err
	}
	blamed, clear := map[int]bool{}, map[int]bool{}
	for _, c := range ev.short {
		k := culprit(cand, c.k)
		blamed[k] = true
		clear[k] = clear[k] || !ev.obs[c.g][c.k].open
	}
	var keep []int
	for _, k := range cand {
		if blamed[k] {
			st.binding[g][k], st.open[g][k] = true, !clear[k]
		} else {
			keep = append(keep, k)
		}
	}
	if len(keep) == 0 {
		return false, nil
	}
	if len(keep) < len(cand) {
		ev, err := p.evaluate(ctx, without(n, g, keep), "trim")
		if err != nil {
			return false, err
		}
		if len(ev.short) > 0 {
			open := allOpen(ev)
			for _, k := range keep {
				st.binding[g][k], st.open[g][k] = true, open
			}
			return false, nil
		}
	}
	for _, k := range keep {
		n[g][k]--
	}
	return true, nil
}

// without is n with one agent fewer in periods ks of group g.
func without(n [][]int, g int, ks []int) [][]int {
	trial := clone(n)
	for _, k := range ks {
		trial[g][k]--
	}
	return trial
}

// allOpen reports whether every miss of ev is open.
func allOpen(ev *evaluation) bool {
	for _, c := range ev.short {
		if !ev.obs[c.g][c.k].open {
			return false
		}
	}
	return true
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

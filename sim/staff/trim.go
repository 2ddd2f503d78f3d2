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
// of one class of groups that share no skill, not even through a third
// (trimClasses), so that a miss points at one removal: the one in its
// period or the period before, whose queue it inherited, of its own group
// or the group of the round near it); removals followed
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
	groups := trimClasses(p.near) // the groups each round removes from
	if cand != nil {
		groups = [][]int{groups[0][:0]} // a retry of few cells: all groups at once
		for g := range n {
			groups[0] = append(groups[0], g)
		}
	}
	for progress := true; progress; {
		progress = false
		for _, gs := range groups {
			for par := range 2 {
				if p.levelEvals >= p.budget() {
					return n, st.openCells(), nil
				}
				ok, err := p.trimRound(ctx, n, st, gs, par)
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

// trimRound tries one agent fewer in the periods of parity par of groups
// gs; it updates n and st and reports whether any agent was removed.
func (p *problem) trimRound(ctx context.Context, n [][]int, st trimState, gs []int, par int) (bool, error) {
	var cand []cell
	for _, g := range gs {
		for k := par; k < p.periods; k += 2 {
			if !st.binding[g][k] && n[g][k] > p.floor[g][k] {
				cand = append(cand, cell{g, k})
			}
		}
	}
	if len(cand) == 0 {
		return false, nil
	}
	ev, err := p.evaluate(ctx, without(n, cand), "trim")
	if err != nil {
		return false, err
	}
	blamed, clear := map[cell]bool{}, map[cell]bool{}
	for _, c := range ev.short {
		r := culprit(cand, c, p.near)
		blamed[r] = true
		clear[r] = clear[r] || !ev.obs[c.g][c.k].open
	}
	var keep []cell
	for _, c := range cand {
		if blamed[c] {
			st.binding[c.g][c.k], st.open[c.g][c.k] = true, !clear[c]
		} else {
			keep = append(keep, c)
		}
	}
	if len(keep) == 0 {
		return false, nil
	}
	if len(keep) < len(cand) {
		ev, err := p.evaluate(ctx, without(n, keep), "trim")
		if err != nil {
			return false, err
		}
		if len(ev.short) > 0 {
			open := allOpen(ev)
			for _, c := range keep {
				st.binding[c.g][c.k], st.open[c.g][c.k] = true, open
			}
			return false, nil
		}
	}
	for _, c := range keep {
		n[c.g][c.k]--
	}
	return true, nil
}

// without is n with one agent fewer in cells cs.
func without(n [][]int, cs []cell) [][]int {
	trial := clone(n)
	for _, c := range cs {
		trial[c.g][c.k]--
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

// culprit is the removal a miss in cell m points at: the latest removal
// in its period or before (its queue carries over), of its own group if
// there is one, else of a group near it (near[m.g]), else of any; else the
// first removal.
func culprit(cand []cell, m cell, near [][]bool) cell {
	var own, nearby, any *cell
	latest := func(best **cell, c *cell) {
		if *best == nil || c.k >= (*best).k {
			*best = c
		}
	}
	for i := range cand {
		c := &cand[i]
		if c.k > m.k {
			continue
		}
		latest(&any, c)
		if near[m.g][c.g] {
			latest(&nearby, c)
		}
		if c.g == m.g {
			latest(&own, c)
		}
	}
	switch {
	case own != nil:
		return *own
	case nearby != nil:
		return *nearby
	case any != nil:
		return *any
	}
	return cand[0]
}

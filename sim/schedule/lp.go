package schedule

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// cover is one group's covering problem: shift patterns whose agents on
// duty meet the need of every slot, within the cap and the share limits,
// at least cost.
type cover struct {
	need   []int // agents needed on duty per slot
	cap    int   // most agents on duty in a slot; 0: no cap
	cols   []pattern
	shares []share
}

// share is a share limit as a row Σ coef[j]·x[j] ≥ 0: for a minimum m of
// type T, coef = (1[T] − m)·w; for a maximum M, coef = (M − 1[T])·w, with
// w a shift's weight (1, or its paid hours).
type share struct {
	typ  int
	min  bool
	coef []float64
}

// lpTol is the simplex's tolerance on reduced costs.
const lpTol = 1e-9

// perturb is the most any row's bound is loosened (agents, or share
// weights) against degeneracy.
const perturb = 1e-6

// relax solves the linear relaxation of c with gonum's simplex: the cost
// of the cheapest fractional schedule, a lower bound on every integer
// schedule's cost, and the shifts of each pattern in it.
func (c *cover) relax() (float64, []float64, error) { return c.residual(newTally(c), nil) }

// residual solves the relaxation of what schedule t leaves to cover: the
// cheapest fractional shifts to add to t. Banned patterns, and those that
// no remaining row involves, get none.
func (c *cover) residual(t *tally, banned map[int]bool) (float64, []float64, error) {
	var rows [][]float64 // coefficients of the patterns
	var b []float64
	var sign []float64 // −1: a surplus (≥ row), +1: a slack (≤ row)
	for s, need := range c.need {
		if need > t.on[s] {
			rows, b, sign = append(rows, c.slotRow(s)), append(b, float64(need-t.on[s])), append(sign, -1)
		}
	}
	if c.cap > 0 {
		for s := range c.need {
			if row := c.slotRow(s); nonzero(row) {
				rows, b, sign = append(rows, row), append(b, float64(c.cap-t.on[s])), append(sign, 1)
			}
		}
	}
	for r, sh := range c.shares {
		rows, b, sign = append(rows, sh.coef), append(b, -t.share[r]), append(sign, -1)
	}
	return solve(c.cols, rows, b, sign, banned)
}

// solve minimises the unbanned patterns' cost subject to rows·x (≥ or ≤ by sign) b,
// x ≥ 0, in the standard form gonum's simplex takes: a surplus or slack
// per row, and only the patterns some row involves.
func solve(cols []pattern, rows [][]float64, b, sign []float64, banned map[int]bool) (float64, []float64, error) {
	x := make([]float64, len(cols))
	var use []int
	for j := range cols {
		if banned[j] {
			continue
		}
		for _, row := range rows {
			if row[j] != 0 {
				use = append(use, j)
				break
			}
		}
	}
	if len(rows) == 0 || len(use) == 0 {
		for _, v := range b {
			if v > 0 {
				return 0, nil, errInfeasible
			}
		}
		return 0, x, nil
	}
	m, n := len(rows), len(use)
	a := mat.NewDense(m, n+m, nil)
	cost := make([]float64, n+m)
	for i, j := range use {
		cost[i] = cols[j].cost
		for r, row := range rows {
			a.Set(r, i, row[j])
		}
	}
	relaxed := make([]float64, m)
	for r := range rows {
		a.Set(r, n+r, sign[r])
		// Loosen every row by a distinct tiny amount: gonum's simplex can
		// cycle on the degenerate vertices covering problems have, and a
		// looser problem's optimum is still a lower bound.
		relaxed[r] = b[r] + sign[r]*perturb*float64(r+1)/float64(m)
	}
	opt, sol, err := lp.Simplex(cost, a, relaxed, lpTol, nil)
	switch {
	case errors.Is(err, lp.ErrInfeasible):
		return 0, nil, errInfeasible
	case err != nil:
		return 0, nil, fmt.Errorf("schedule: linear relaxation: %w", err)
	}
	for i, j := range use {
		x[j] = sol[i]
	}
	return opt, x, nil
}

// errInfeasible says the relaxation has no solution.
var errInfeasible = errors.New("no schedule meets the share limits and the cap together with the need")

// slotRow is 1 for the patterns on duty in slot s.
func (c *cover) slotRow(s int) []float64 {
	row := make([]float64, len(c.cols))
	for j, p := range c.cols {
		if p.onDuty(s) {
			row[j] = 1
		}
	}
	return row
}

func nonzero(row []float64) bool {
	for _, v := range row {
		if v != 0 {
			return true
		}
	}
	return false
}

// onDuty reports whether p's agents are on duty in slot s.
func (p *pattern) onDuty(s int) bool {
	if s < p.start || s >= p.end {
		return false
	}
	lo, hi := 0, len(p.work)
	for lo < hi {
		mid := (lo + hi) / 2
		if p.work[mid] < s {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo < len(p.work) && p.work[lo] == s
}

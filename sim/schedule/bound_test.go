package schedule

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// smallRules are rules small enough to enumerate every integer schedule:
// two shift types, three starts, one break with two placements.
func smallRules() *Rules {
	h, m := time.Hour, time.Minute
	return &Rules{
		Starts:  Window{8 * h, 9 * h, 30 * m},
		ShareOf: ShareAgents,
		Types: []ShiftType{
			{Name: "long", Length: 3 * h, MaxShare: 1, Breaks: []Break{{Name: "b", Length: 30 * m, Earliest: time.Hour, Latest: 90 * m, Step: 30 * m}}},
			{Name: "short", Length: 90 * m, MaxShare: 0.5, CostPerShift: 5},
		},
	}
}

// bruteForce returns the cheapest feasible integer schedule of c with at
// most most shifts of each pattern.
func bruteForce(c *cover, most int) float64 {
	best := math.Inf(1)
	t := newTally(c)
	var walk func(j int)
	walk = func(j int) {
		if j == len(c.cols) {
			if t.shortfall() == 0 && t.withinCap() {
				best = min(best, t.cost())
			}
			return
		}
		for n := 0; n <= most; n++ {
			if n > 0 {
				t.add(j, 1)
			}
			walk(j + 1)
		}
		t.add(j, -t.x[j])
	}
	walk(0)
	return best
}

// TestBoundExhaustive solves small cases exhaustively: the LP bound is
// never above the best integer schedule, and the heuristic's schedule is
// feasible and within one cheapest shift of the optimum.
func TestBoundExhaustive(t *testing.T) {
	needs := [][]int{
		{1, 2, 2, 1},
		{2, 3, 3, 2},
		{0, 1, 3, 2},
		{3, 1, 1, 3},
		{1, 1, 1, 1},
		{2, 2, 0, 1},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 14 {
		nd := make([]int, 4)
		for k := range nd {
			nd[k] = rng.IntN(4)
		}
		needs = append(needs, nd)
	}
	worst := 0.0
	hours := smallRules()
	hours.ShareOf, hours.MaxAgents = ShareHours, 4
	hours.Types[0].MinShare = 0.5
	for _, r := range []*Rules{smallRules(), hours} {
		worst = max(worst, exhaust(t, r, needs))
	}
	t.Logf("the heuristic's worst excess over the optimum: %.2f", worst)
}

// exhaust checks the bound and the heuristic against enumeration for each
// need under r, and returns the heuristic's worst excess over the optimum.
func exhaust(t *testing.T, r *Rules, needs [][]int) float64 {
	t.Helper()
	worst := 0.0
	for i, nd := range needs {
		need := Need{Groups: []string{"g"}, Open: 8 * time.Hour, Interval: time.Hour, Agents: [][]int{nd}, HourCost: []float64{10}}
		g := newGrid(r, need.Open, len(nd), need.Interval)
		c, err := newCover(r, g, need, 0)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		bound, tl, err := c.solve()
		if errors.Is(err, errInfeasible) && math.IsInf(bruteForce(c, 3), 1) {
			t.Logf("case %d %v (share of %s): infeasible, as enumeration agrees", i, nd, r.ShareOf)
			continue
		}
		if err != nil {
			t.Fatalf("case %d %v: %v", i, nd, err)
		}
		opt := bruteForce(c, 3)
		cheapest := math.Inf(1)
		for _, p := range c.cols {
			cheapest = min(cheapest, p.cost)
		}
		switch {
		case math.IsInf(opt, 1):
			t.Errorf("case %d: no integer schedule found by enumeration", i)
		case bound > opt+1e-6:
			t.Errorf("case %d: LP bound %.3f > optimum %.3f: not a bound", i, bound, opt)
		case tl.shortfall() != 0 || !tl.withinCap():
			t.Errorf("case %d: heuristic schedule infeasible (shortfall %g)", i, tl.shortfall())
		case tl.cost() < opt-1e-6:
			t.Errorf("case %d: heuristic cost %.3f below the enumerated optimum %.3f", i, tl.cost(), opt)
		case tl.cost() > opt+cheapest+1e-6:
			t.Errorf("case %d: heuristic cost %.3f, optimum %.3f: more than one cheapest shift (%.1f) above", i, tl.cost(), opt, cheapest)
		}
		worst = max(worst, tl.cost()-opt)
		t.Logf("case %d %v (share of %s): %d patterns, bound %.2f, optimum %.2f, heuristic %.2f", i, nd, r.ShareOf, len(c.cols), bound, opt, tl.cost())
	}
	return worst
}

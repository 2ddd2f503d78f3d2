package schedule

import (
	"errors"
	"math"
	"sort"
)

// shareTol absorbs rounding in share rows.
const shareTol = 1e-9

// tally is an integer schedule of a cover with what it puts on duty.
type tally struct {
	c     *cover
	x     []int     // shifts per pattern
	on    []int     // agents on duty per slot
	share []float64 // Σ coef·x per share row
	scale []float64 // per share row: the mean |coef|, to weigh a share's shortfall like agents
}

func newTally(c *cover) *tally {
	t := &tally{c: c, x: make([]int, len(c.cols)), on: make([]int, len(c.need)), share: make([]float64, len(c.shares))}
	for _, sh := range c.shares {
		sum := 0.0
		for _, v := range sh.coef {
			sum += math.Abs(v)
		}
		t.scale = append(t.scale, max(sum/float64(len(sh.coef)), 1e-9))
	}
	return t
}

// add puts d more shifts of pattern j (d may be negative).
func (t *tally) add(j, d int) {
	t.x[j] += d
	for _, s := range t.c.cols[j].work {
		t.on[s] += d
	}
	for r, sh := range t.c.shares {
		t.share[r] += float64(d) * sh.coef[j]
	}
}

// cost is the schedule's cost.
func (t *tally) cost() float64 {
	sum := 0.0
	for j, n := range t.x {
		sum += float64(n) * t.c.cols[j].cost
	}
	return sum
}

// shortfall is how far the schedule is from feasible: agents missing in
// slots plus every share limit's shortfall in shifts of average weight.
func (t *tally) shortfall() float64 {
	v := 0.0
	for s, need := range t.c.need {
		v += float64(max(0, need-t.on[s]))
	}
	for r, val := range t.share {
		v += max(0, -val-shareTol) / t.scale[r]
	}
	return v
}

// gain is how much one more shift of pattern j reduces the shortfall, or
// −1 if it would break the cap.
func (t *tally) gain(j int) float64 {
	g := 0.0
	for _, s := range t.c.cols[j].work {
		if t.c.cap > 0 && t.on[s] >= t.c.cap {
			return -1
		}
		if t.on[s] < t.c.need[s] {
			g++
		}
	}
	for r, sh := range t.c.shares {
		before, after := max(0, -t.share[r]-shareTol), max(0, -(t.share[r]+sh.coef[j])-shareTol)
		g += (before - after) / t.scale[r]
	}
	return g
}

// errRepair says greedy repair found no shift that helps.
var errRepair = errors.New("rounding found no whole-shift schedule within max_agents and the share limits " +
	"(a fractional one exists; the heuristic can miss schedules when the cap leaves no slack: raise max_agents or loosen the shares)")

// round turns the relaxation's solution x into an integer schedule: the
// cheapest of four starts, each repaired and improved (dive; x rounded
// down; x rounded up; nothing, so that repair builds it greedily). No one
// of them wins on every need.
func (c *cover) round(x []float64) (*tally, error) {
	var best *tally
	var err error
	for _, start := range []func([]float64) *tally{c.dive, c.floor, c.ceil, c.empty} {
		t := start(x)
		if e := t.repair(); e != nil {
			err = e
			continue
		}
		t.improve()
		if !t.withinCap() {
			err = errRepair // rounding up put more agents on duty than the cap
			continue
		}
		if best == nil || t.cost() < best.cost()-1e-9 {
			best = t
		}
	}
	if best == nil {
		return nil, err
	}
	return best, nil
}

// empty is no shift at all: repair then builds the schedule greedily.
func (c *cover) empty([]float64) *tally { return newTally(c) }

// floor is x rounded down; ceil is x rounded up.
func (c *cover) floor(x []float64) *tally { return c.rounded(x, 1e-6) }
func (c *cover) ceil(x []float64) *tally  { return c.rounded(x, 1-1e-6) }

// rounded is the schedule of x + up, rounded down.
func (c *cover) rounded(x []float64, up float64) *tally {
	t := newTally(c)
	for j, v := range x {
		if n := int(math.Floor(v + up)); n > 0 {
			t.add(j, n)
		}
	}
	return t
}

// dive keeps x rounded down, adds one shift of the pattern with the
// largest fraction whose relaxation of what is left stays feasible, solves
// that relaxation, and repeats until it is integral. When no fraction can
// be rounded up (a cap or share limit), it rounds one down instead: the
// pattern with the smallest fraction is banned from the relaxation.
func (c *cover) dive(x []float64) *tally {
	t := newTally(c)
	banned := map[int]bool{}
	for x != nil {
		var cand []int
		for j, v := range x {
			n := int(math.Floor(v + 1e-6))
			if n > 0 {
				t.add(j, n)
			}
			if v-float64(n) > 1e-6 {
				cand = append(cand, j)
			}
		}
		sort.SliceStable(cand, func(a, b int) bool { return frac(x[cand[a]]) > frac(x[cand[b]]) })
		x = nil
		for _, j := range cand {
			t.add(j, 1)
			if _, next, err := c.residual(t, banned); err == nil {
				x = next
				break
			}
			t.add(j, -1)
		}
		for i := len(cand) - 1; x == nil && i >= 0; i-- {
			banned[cand[i]] = true
			x, _ = c.residualX(t, banned)
		}
	}
	return t
}

// residualX is the solution of residual, nil when it has none.
func (c *cover) residualX(t *tally, banned map[int]bool) ([]float64, error) {
	_, x, err := c.residual(t, banned)
	return x, err
}

// frac is v's fractional part.
func frac(v float64) float64 { return v - math.Floor(v+1e-6) }

// withinCap reports whether no slot has more agents on duty than the cap.
func (t *tally) withinCap() bool {
	for _, on := range t.on {
		if t.c.cap > 0 && on > t.c.cap {
			return false
		}
	}
	return true
}

// repair adds shifts until the schedule is feasible.
func (t *tally) repair() error {
	for t.shortfall() > 0 {
		best, bestRatio := -1, 0.0
		for j, p := range t.c.cols {
			if g := t.gain(j); g > 0 && g/p.cost > bestRatio+1e-12 {
				best, bestRatio = j, g/p.cost
			}
		}
		if best >= 0 {
			t.add(best, 1)
			continue
		}
		if !t.repairSwap() {
			return errRepair
		}
	}
	return nil
}

// repairSwap replaces one shift by another where that reduces the
// shortfall most within the cap (when no added shift helps: the cap or a
// share limit blocks every addition); it reports whether it found one.
func (t *tally) repairSwap() bool {
	before := t.shortfall()
	bj, bk, bv := -1, -1, before-1e-9
	for _, j := range t.used() {
		t.add(j, -1)
		for k := range t.c.cols {
			if k == j || t.gain(k) < 0 {
				continue
			}
			t.add(k, 1)
			if v := t.shortfall(); v < bv {
				bj, bk, bv = j, k, v
			}
			t.add(k, -1)
		}
		t.add(j, 1)
	}
	if bj < 0 {
		return false
	}
	t.add(bj, -1)
	t.add(bk, 1)
	return true
}

// improve drops shifts the schedule can do without and replaces shifts by
// cheaper ones that keep it feasible, until neither helps.
func (t *tally) improve() {
	for changed := true; changed; {
		changed = t.drop()
		if t.swap() {
			changed = true
		}
		if t.merge() {
			changed = true
		}
	}
}

// used lists the patterns in the schedule, dearest first.
func (t *tally) used() []int {
	var js []int
	for j, n := range t.x {
		if n > 0 {
			js = append(js, j)
		}
	}
	sort.SliceStable(js, func(a, b int) bool { return t.c.cols[js[a]].cost > t.c.cols[js[b]].cost })
	return js
}

// drop removes shifts whose removal keeps the schedule feasible.
func (t *tally) drop() bool {
	changed := false
	for _, j := range t.used() {
		for t.x[j] > 0 && t.canSwap(j, -1) {
			t.add(j, -1)
			changed = true
		}
	}
	return changed
}

// swap replaces a shift by the cheapest pattern that keeps the schedule
// feasible, if cheaper.
func (t *tally) swap() bool {
	changed := false
	for _, j := range t.used() {
		for t.x[j] > 0 {
			best := -1
			for k, p := range t.c.cols {
				if p.cost < t.c.cols[j].cost-1e-9 && (best < 0 || p.cost < t.c.cols[best].cost) && t.canSwap(j, k) {
					best = k
				}
			}
			if best < 0 {
				break
			}
			t.add(j, -1)
			t.add(best, 1)
			changed = true
		}
	}
	return changed
}

// canSwap reports whether one shift of pattern j can be replaced by one of
// pattern k (k < 0: removed) with the schedule still feasible.
func (t *tally) canSwap(j, k int) bool {
	pj := &t.c.cols[j]
	for _, s := range pj.work {
		if t.on[s] <= t.c.need[s] && (k < 0 || !t.c.cols[k].onDuty(s)) {
			return false
		}
	}
	if k >= 0 {
		for _, s := range t.c.cols[k].work {
			if t.c.cap > 0 && t.on[s] >= t.c.cap && !pj.onDuty(s) {
				return false
			}
		}
	}
	for r, sh := range t.c.shares {
		v := t.share[r] - sh.coef[j]
		if k >= 0 {
			v += sh.coef[k]
		}
		if v < -shareTol && v < t.share[r]-shareTol {
			return false
		}
	}
	return true
}

// merge replaces two shifts by one pattern that costs less than both and
// keeps the schedule feasible.
func (t *tally) merge() bool {
	changed := false
	used := t.used()
	for a, j1 := range used {
		for _, j2 := range used[a:] {
			for t.x[j1] > 0 && t.x[j2] > 0 && (j1 != j2 || t.x[j1] > 1) {
				limit := t.c.cols[j1].cost + t.c.cols[j2].cost - 1e-9
				t.add(j1, -1)
				t.add(j2, -1)
				k := t.cheapestFix(limit)
				if k < 0 {
					t.add(j1, 1)
					t.add(j2, 1)
					break
				}
				t.add(k, 1)
				changed = true
			}
		}
	}
	return changed
}

// cheapestFix returns the cheapest pattern costing less than limit whose
// one more shift makes the schedule feasible, or −1.
func (t *tally) cheapestFix(limit float64) int {
	var short []int
	for s, need := range t.c.need {
		switch {
		case t.on[s] < need-1:
			return -1
		case t.on[s] < need:
			short = append(short, s)
		}
	}
	best := -1
	for k := range t.c.cols {
		p := &t.c.cols[k]
		if p.cost >= limit || (best >= 0 && p.cost >= t.c.cols[best].cost) {
			continue
		}
		if t.fixes(k, short) {
			best = k
		}
	}
	return best
}

// fixes reports whether one more shift of pattern k covers every slot of
// short, within the cap and the share limits.
func (t *tally) fixes(k int, short []int) bool {
	p := &t.c.cols[k]
	for _, s := range short {
		if !p.onDuty(s) {
			return false
		}
	}
	for _, s := range p.work {
		if t.c.cap > 0 && t.on[s] >= t.c.cap {
			return false
		}
	}
	for r, sh := range t.c.shares {
		if t.share[r]+sh.coef[k] < -shareTol {
			return false
		}
	}
	return true
}

package staff

import (
	"math"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// TestEstimator checks the bounds against hand calculations: xs = 0.7,
// 0.8, 0.9 has mean 0.8 and standard deviation 0.1.
func TestEstimator(t *testing.T) {
	xs := []float64{0.7, math.NaN(), 0.8, 0.9}
	t95 := sim.StudentT(0.95, 2)
	mean95 := t95 * 0.1 / math.Sqrt(3) // the mean's own bound
	tests := []struct {
		name               string
		e                  estimator
		half, halfMax, err float64
	}{
		{"on the means", estimator{}, 0, 0, 0},
		{"confidence bound", estimator{conf: 0.95, most: 3}, mean95, mean95, mean95},
		{"prediction bound for a check of 40", estimator{conf: 0.95, check: 40, most: 3},
			t95 * 0.1 * math.Sqrt(1.0/3+1.0/40), t95 * 0.1 * math.Sqrt(1.0/3+1.0/40), mean95},
		{"up to twice the replications", estimator{conf: 0.95, check: 40, most: 8},
			t95 * 0.1 * math.Sqrt(1.0/3+1.0/40), sim.StudentT(0.95, 5) * 0.1 * math.Sqrt(1.0/6+1.0/40), mean95},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.e.of(xs)
			if math.Abs(got.mean-0.8) > 1e-12 || math.Abs(got.half-tc.half) > 1e-9 || math.Abs(got.halfMax-tc.halfMax) > 1e-9 ||
				math.Abs(got.err-tc.err) > 1e-9 {
				t.Errorf("of(%v) = %+v, want mean 0.8, half %g, halfMax %g, err %g", xs, got, tc.half, tc.halfMax, tc.err)
			}
			if best := got.mean + tc.err - tc.halfMax; math.Abs(got.loBest()-best) > 1e-9 {
				t.Errorf("loBest = %g, want the bound of the most replications at the mean's upper bound, %g", got.loBest(), best)
			}
		})
	}
	if got := (&estimator{conf: 0.95}).of([]float64{0.5}); got.defined() {
		t.Errorf("a bound from one value = %+v, want undefined", got)
	}
	if got := (&estimator{}).of([]float64{math.NaN()}); got.defined() {
		t.Errorf("the mean of no value = %+v, want undefined", got)
	}
}

// TestTolerance: the tolerance holds only for goals on bounds measured on
// the most replications, and moves each goal by its share of it.
func TestTolerance(t *testing.T) {
	e := estimator{conf: 0.95, most: 60, tol: 0.005}
	if got := e.tolerance(30); got != 0 {
		t.Errorf("tolerance with 30 of 60 replications = %g, want 0 (more replications may settle it)", got)
	}
	if got := e.tolerance(60); got != 0.005 {
		t.Errorf("tolerance with the most replications = %g, want 0.005", got)
	}
	if got := (&estimator{most: 1, tol: 0.005}).tolerance(1); got != 0 {
		t.Errorf("tolerance on the means = %g, want 0", got)
	}
	p := &problem{goals: Goals{Target: 0.8, MaxAbandon: 0.05}}
	at := func(sl, ab float64) obs {
		return obs{sl: est{sl, 0, 0, 0}, ab: est{ab, 0, 0, 0}, occ: undefined, channel: undefined}
	}
	for _, tc := range []struct {
		name    string
		ob      obs
		tol     float64
		missing bool
	}{
		{"79.7 % without tolerance", at(0.797, 0.04), 0, true},
		{"79.7 % within 0.5 % of 80 %", at(0.797, 0.04), 0.005, false},
		{"79.5 % beyond it", at(0.795, 0.04), 0.005, true},
		{"abandonment 5.02 % within 0.5 % of 5 %", at(0.85, 0.0502), 0.005, false},
		{"abandonment 5.03 % beyond it", at(0.85, 0.0503), 0.005, true},
	} {
		if got := p.misses(tc.ob, tc.tol); got != tc.missing {
			t.Errorf("%s: misses = %v, want %v", tc.name, got, tc.missing)
		}
	}
}

// TestOpenMiss: a removal missed on the bound of 30 replications is open
// while the mean's own confidence bound, measured on the most replications,
// would meet the goal; it is settled only when even that misses. The first
// case is the flat day's 08:30 with 43 agents (mean 0.844, standard
// deviation 0.16): the same mean on 60 replications would still miss the
// bound, but the true mean may well be 0.86, where it is met.
func TestOpenMiss(t *testing.T) {
	p := &problem{goals: Goals{Target: 0.8}}
	e := &estimator{conf: 0.95, check: 40, most: 60, tol: 0.005}
	for _, tc := range []struct {
		name          string
		mean          float64
		short, settle bool
	}{
		{"close: more replications may settle it", 0.844, true, false},
		{"far: missed for good", 0.70, true, true},
		{"met", 0.90, false, false},
	} {
		ob := obs{sl: e.of(spread(tc.mean, 0.16, 30)), ab: undefined, occ: undefined, channel: undefined}
		if got := p.misses(ob, e.tolerance(30)); got != tc.short {
			t.Errorf("%s: misses = %v, want %v (bound %g)", tc.name, got, tc.short, ob.sl.lo())
		}
		if got := p.clearlyMisses(ob, e.tol); got != tc.settle {
			t.Errorf("%s: clearlyMisses = %v, want %v (best bound %g)", tc.name, got, tc.settle, ob.sl.loBest())
		}
		if sameMean := ob.sl.mean - ob.sl.halfMax; tc.short && !tc.settle && sameMean >= 0.8 {
			t.Errorf("%s: at the same mean the bound of the most replications, %g, meets the goal: not the case this tests", tc.name, sameMean)
		}
	}
}

// spread is n values of mean m and standard deviation sd: m ± sd·√((n−1)/n).
func spread(m, sd float64, n int) []float64 {
	d := sd * math.Sqrt(float64(n-1)/float64(n))
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = m + d
		if i%2 == 1 {
			xs[i] = m - d
		}
	}
	return xs
}

// TestRaised lists the cells a repair added agents to.
func TestRaised(t *testing.T) {
	got := raised([][]int{{3, 4, 5}, {1, 1, 1}}, [][]int{{3, 6, 5}, {2, 1, 1}})
	if len(got) != 2 || got[0] != (cell{0, 1}) || got[1] != (cell{1, 0}) {
		t.Errorf("raised = %v, want [{0 1} {1 0}]", got)
	}
}

// TestSeeds: batch 0 is the search's seed; later batches and the check get
// seeds of their own.
func TestSeeds(t *testing.T) {
	seen := map[uint64]string{}
	for b := range 8 {
		s := batchSeed(7, b)
		if b == 0 && s != 7 {
			t.Errorf("batchSeed(7, 0) = %d, want 7", s)
		}
		if prev, ok := seen[s]; ok {
			t.Errorf("batch %d has the seed of %s", b, prev)
		}
		seen[s] = "a batch"
	}
	if _, ok := seen[verifySeed(7)]; ok {
		t.Errorf("the check's seed %d is a batch's", verifySeed(7))
	}
}

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

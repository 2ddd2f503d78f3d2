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
	tests := []struct {
		name          string
		e             estimator
		half, halfMax float64
	}{
		{"on the means", estimator{}, 0, 0},
		{"confidence bound", estimator{conf: 0.95, most: 3}, t95 * 0.1 / math.Sqrt(3), t95 * 0.1 / math.Sqrt(3)},
		{"prediction bound for a check of 40", estimator{conf: 0.95, check: 40, most: 3},
			t95 * 0.1 * math.Sqrt(1.0/3+1.0/40), t95 * 0.1 * math.Sqrt(1.0/3+1.0/40)},
		{"up to twice the replications", estimator{conf: 0.95, check: 40, most: 8},
			t95 * 0.1 * math.Sqrt(1.0/3+1.0/40), sim.StudentT(0.95, 5) * 0.1 * math.Sqrt(1.0/6+1.0/40)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.e.of(xs)
			if math.Abs(got.mean-0.8) > 1e-12 || math.Abs(got.half-tc.half) > 1e-9 || math.Abs(got.halfMax-tc.halfMax) > 1e-9 {
				t.Errorf("of(%v) = %+v, want mean 0.8, half %g, halfMax %g", xs, got, tc.half, tc.halfMax)
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

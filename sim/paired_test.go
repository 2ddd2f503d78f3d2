package sim

import (
	"math"
	"testing"
)

func TestPairedAndWelch(t *testing.T) {
	nan := math.NaN()
	t4 := 2.7764451051977987 // t(0.975, 4)
	tests := []struct {
		name       string
		a, b       []float64
		paired     Stat
		welchMean  float64
		welchHalf  float64
		pairedHalf float64
	}{
		{
			name: "constant shift", a: []float64{1, 2, 3, 4, 5}, b: []float64{2, 3, 4, 5, 6},
			paired: Stat{Mean: 1, N: 5}, pairedHalf: 0,
			// equal variances 2.5, n 5: se = 1, Welch df = 8
			welchMean: 1, welchHalf: 2.306004135204166,
		},
		{
			name: "noisy differences", a: []float64{0, 0, 0, 0, 0}, b: []float64{1, 2, 3, 4, 5},
			paired: Stat{Mean: 3, N: 5}, pairedHalf: t4 * math.Sqrt(2.5/5),
			welchMean: 3, welchHalf: t4 * math.Sqrt(2.5/5),
		},
		{
			name: "undefined pairs left out", a: []float64{1, nan, 3, 4, 5, 6}, b: []float64{2, 3, nan, 5, 6, 7},
			paired: Stat{Mean: 1, N: 4}, pairedHalf: 0,
			welchMean: (2+3+5+6+7)/5.0 - (1+3+4+5+6)/5.0, welchHalf: -1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := PairedDiff(tc.a, tc.b)
			near(t, "paired mean", p.Mean, tc.paired.Mean, 1e-12)
			near(t, "paired half-width", p.HalfWidth(), tc.pairedHalf, 1e-9)
			if p.N != tc.paired.N {
				t.Errorf("paired N = %d, want %d", p.N, tc.paired.N)
			}
			w := WelchDiff(tc.a, tc.b)
			near(t, "Welch mean", w.Mean, tc.welchMean, 1e-12)
			if tc.welchHalf >= 0 {
				near(t, "Welch half-width", w.HalfWidth(), tc.welchHalf, 1e-9)
			}
		})
	}
}

func TestBounds(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5}
	t95 := 2.131846786326649 // t(0.95, 4)
	tests := []struct {
		name      string
		conf      float64
		low, high float64
	}{
		{"no confidence: the mean", 0, 3, 3},
		{"95 %", 0.95, 3 - t95*math.Sqrt(0.5), 3 + t95*math.Sqrt(0.5)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			near(t, "LowerBound", LowerBound(xs, tc.conf), tc.low, 1e-9)
			near(t, "UpperBound", UpperBound(xs, tc.conf), tc.high, 1e-9)
		})
	}
	if !math.IsNaN(LowerBound([]float64{1}, 0.9)) {
		t.Errorf("LowerBound of one value at 90 %% is defined, want NaN")
	}
	near(t, "StudentT(0.975, 4)", StudentT(0.975, 4), 2.7764451051977987, 1e-9)
}

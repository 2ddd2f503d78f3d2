package sim

import (
	"math"
	"testing"
)

func TestSummarizeMetricBounds(t *testing.T) {
	tests := []struct {
		name   string
		metric string
		xs     []float64
	}{
		{"share near 1", MServiceLevel, []float64{1, 0.98, 1, 0.9, 1}},
		{"share near 0", MAbandonRate, []float64{0, 0, 0.05, 0, 0.01}},
		{"all equal to a bound", MAbandonRate, []float64{0, 0, 0}},
		{"wait near 0", MASA, []float64{0, 0, 30, 0}},
		{"cost near 0", MCostAbandoned, []float64{0, 0, 28, 0, 12}},
		{"score near 10", MSatisfaction, []float64{10, 9.5, 10, 10}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := SummarizeMetric(tc.metric, tc.xs)
			plain := Summarize(tc.xs)
			m, _ := Metric(tc.metric)
			lo, hi := m.Range()
			if s.Mean != plain.Mean || s.N != plain.N {
				t.Errorf("SummarizeMetric(%s) mean %v n %d, want %v %d", tc.metric, s.Mean, s.N, plain.Mean, plain.N)
			}
			if s.CI95[0] < lo || s.CI95[1] > hi || s.CI95[0] > s.Mean || s.CI95[1] < s.Mean {
				t.Errorf("SummarizeMetric(%s).CI95 = %v, want within [%v, %v] around %v", tc.metric, s.CI95, lo, hi, s.Mean)
			}
		})
	}
}

// TestSummarizeMetricLogit checks the logit interval against its formula
// computed by hand, and that it is close to the t interval away from the bounds.
func TestSummarizeMetricLogit(t *testing.T) {
	xs := []float64{0.82, 0.78, 0.85, 0.80}
	s, plain := SummarizeMetric(MServiceLevel, xs), Summarize(xs)
	// mean 0.8125, s = 0.029861, t(0.975, 3) = 3.182446, half = 0.047515
	p, half := 0.8125, 3.182446305284263*0.02986078811194819/2
	d := half / (p * (1 - p))
	l := math.Log(p / (1 - p))
	want := [2]float64{1 / (1 + math.Exp(-(l - d))), 1 / (1 + math.Exp(-(l + d)))}
	for i := range want {
		if math.Abs(s.CI95[i]-want[i]) > 1e-9 {
			t.Errorf("CI95[%d] = %.12f, want %.12f", i, s.CI95[i], want[i])
		}
		if math.Abs(s.CI95[i]-plain.CI95[i]) > 0.01 {
			t.Errorf("CI95[%d] = %v, far from the t interval's %v", i, s.CI95[i], plain.CI95[i])
		}
	}
}

func TestSummarizeMetricUnknown(t *testing.T) {
	xs := []float64{-3, 1, 2}
	if s, plain := SummarizeMetric("no_such_metric", xs), Summarize(xs); s != plain {
		t.Errorf("SummarizeMetric(unknown) = %+v, want the t interval %+v", s, plain)
	}
}

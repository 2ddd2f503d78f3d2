package erlang

import (
	"math"
	"testing"
)

// This file computes Erlang A outcomes a second way, independent of the
// queue-tail sums and negative binomial steps: summing the waiting-time
// densities of the stationary queue tail gives one smooth function,
//
//	Σ_j r_j·f_j(s) = g(s) = cμ·exp(−cμs + x(1 − e^{−θs})),  x = λ/θ,
//
// the density (up to 1/T) of V, the time a waiting arrival would take to
// reach an agent if it never gave up. Then T = Σ_j r_j = ∫ g, and for a
// waiting arrival P(served, W ≤ t) = ∫_0^t g(s)e^{−θs} ds / T and
// P(W > t) = e^{−θt}∫_t^∞ g / T. The integrals use the composite Simpson rule.

// simpson integrates f over [a, b] with the composite Simpson rule on n panels (n even).
func simpson(f func(float64) float64, a, b float64, n int) float64 {
	h := (b - a) / float64(n)
	sum := f(a) + f(b)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		sum += w * f(a+float64(i)*h)
	}
	return sum * h / 3
}

// quadOutcomes returns, for an Erlang A queue and threshold t seconds, the
// probabilities of being served within t, of being served, and of
// abandoning after t, and the mean wait of served customers, by quadrature.
func quadOutcomes(tb testing.TB, q Queue, t float64) (within, served, late, asa float64) {
	tb.Helper()
	c := float64(q.Agents)
	cm, theta, lambda := c/q.AHT, 1/q.Patience, q.Rate
	x := lambda / theta
	peak := 0.0 // where g is largest
	if lambda > cm {
		peak = math.Log(lambda/cm) / theta
	}
	logG := func(s float64) float64 { return -cm*s - x*math.Expm1(-theta*s) }
	top := logG(peak)
	end := (x - top + 45) / cm // beyond it g < e^{−45}·g(peak) and falls faster than e^{−cμs}
	end = math.Max(end, t)
	g := func(s float64) float64 { return cm * math.Exp(logG(s)-top) }
	const n = 100000
	integral := func(f func(float64) float64, a, b float64) float64 {
		if b <= a {
			return 0
		}
		return simpson(f, a, b, n)
	}
	stay := func(s float64) float64 { return g(s) * math.Exp(-theta*s) }
	total := integral(g, 0, end) // T·e^{−top}

	b := B(q.Agents, q.Load())
	pw := 1 / (1 + (1-b)/(b*total)*math.Exp(-top))
	servedBy := integral(stay, 0, t) / total
	servedAll := integral(stay, 0, end) / total
	waitLonger := math.Exp(-theta*t) * integral(g, t, end) / total
	within = (1 - pw) + pw*servedBy
	served = (1 - pw) + pw*servedAll
	late = pw * (waitLonger - (servedAll - servedBy))
	asa = pw * integral(func(s float64) float64 { return s * stay(s) }, 0, end) / total / served
	return within, served, late, asa
}

var quadCases = []struct {
	name      string
	q         Queue
	threshold float64
}{
	{"one agent", Queue{Rate: 1.0 / 200, AHT: 180, Agents: 1, Patience: 300}, 30},
	{"one agent overloaded", Queue{Rate: 1.0 / 60, AHT: 180, Agents: 1, Patience: 120}, 60},
	{"50 agents", Queue{Rate: 48.0 / 240, AHT: 240, Agents: 50, Patience: 90}, 15},
	{"50 agents long threshold", Queue{Rate: 48.0 / 240, AHT: 240, Agents: 50, Patience: 90}, 120},
	{"50 agents impatient", Queue{Rate: 60.0 / 240, AHT: 240, Agents: 50, Patience: 8}, 5},
	{"500 agents overloaded", Queue{Rate: 520.0 / 180, AHT: 180, Agents: 500, Patience: 200}, 10},
	{"500 agents 90 percent", Queue{Rate: 450.0 / 180, AHT: 180, Agents: 500, Patience: 600}, 20},
}

// TestServiceLevelQuadrature checks P(served, W ≤ t) and the three
// service-level definitions against quadrature.
func TestServiceLevelQuadrature(t *testing.T) {
	for _, tc := range quadCases {
		t.Run(tc.name, func(t *testing.T) {
			within, served, late, _ := quadOutcomes(t, tc.q, tc.threshold)
			for _, d := range []struct {
				def  Definition
				want float64
			}{
				{Offered, within},
				{Answered, within / served},
				{ExclShortAbandons, within / (served + late)},
			} {
				if got := tc.q.ServiceLevel(tc.threshold, d.def); !near(got, d.want, 1e-12) {
					t.Errorf("ServiceLevel(%v, %s) = %v, want %v", tc.threshold, d.def, got, d.want)
				}
			}
			if got, want := 1-tc.q.Figures().PAbandon, served; !near(got, want, 1e-12) {
				t.Errorf("1 − PAbandon = %v, want P(served) = %v", got, want)
			}
		})
	}
}

// TestASAQuadrature checks the mean wait of served customers against quadrature.
func TestASAQuadrature(t *testing.T) {
	for _, tc := range quadCases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, want := quadOutcomes(t, tc.q, tc.threshold)
			if got := tc.q.Figures().ASA; !near(got, want, 1e-12) {
				t.Errorf("Figures().ASA = %v, want %v", got, want)
			}
		})
	}
}

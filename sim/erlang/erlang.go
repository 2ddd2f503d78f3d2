// Package erlang computes Erlang B, C and A (M/M/c+M) queue figures exactly.
package erlang

import "math"

// B returns the Erlang B blocking probability for c servers and offered
// load a (erlangs): the share of arrivals an M/M/c/c system turns away.
// It uses the recursion B(k) = a·B(k−1) / (k + a·B(k−1)), B(0) = 1, which is
// stable for any c and a; it never forms a^c or c!. B(c, 0) is 0 for c > 0.
// B returns NaN for c < 0 or for a load that is negative or NaN;
// B(c, +Inf) is 1.
func B(c int, a float64) float64 {
	switch {
	case c < 0 || a < 0 || math.IsNaN(a):
		return math.NaN()
	case math.IsInf(a, 1):
		return 1
	}
	b := 1.0
	for k := 1; k <= c; k++ {
		b = a * b / (float64(k) + a*b)
	}
	return b
}

// C returns the Erlang C probability that an arrival has to wait, for c
// servers and offered load a (erlangs), computed from B as
// C = c·B / (c − a·(1 − B)). It is 1 when a >= c, where the queue is
// unstable, and NaN for c < 0 or for a load that is negative or NaN.
func C(c int, a float64) float64 {
	switch {
	case c < 0 || a < 0 || math.IsNaN(a):
		return math.NaN()
	case a >= float64(c):
		return 1
	}
	b := B(c, a)
	return float64(c) * b / (float64(c) - a*(1-b))
}

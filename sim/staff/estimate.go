package staff

import (
	"math"

	"github.com/ccsim/ccsim/sim"
)

// est is a measured figure: its mean over replications and the half-width
// of its one-sided bound at the search's level (0 for goals on the means),
// now and as it would be with the most replications the search may add.
// A NaN mean or half-width means not measured (no contact, or too few
// replications for a bound).
type est struct{ mean, half, halfMax float64 }

// lo is the lower bound, hi the upper.
func (e est) lo() float64 { return e.mean - e.half }
func (e est) hi() float64 { return e.mean + e.half }

// loMax and hiMax are the bounds with the most replications, should the mean stay.
func (e est) loMax() float64 { return e.mean - e.halfMax }
func (e est) hiMax() float64 { return e.mean + e.halfMax }

// defined reports whether e was measured.
func (e est) defined() bool { return finite(e.mean) && finite(e.half) }

// undefined is an est that was not measured.
var undefined = est{math.NaN(), math.NaN(), math.NaN()}

// estimator turns replications' figures into ests at one confidence level,
// caching Student-t quantiles by degrees of freedom. Its bounds are
// prediction bounds for the mean of check fresh replications:
// mean ∓ t(conf, n−1)·s·√(1/n + 1/check), so that a goal met on them is met
// by the plan's check with probability conf (check 0: confidence bounds of
// the mean itself).
type estimator struct {
	conf  float64 // 0: on the means
	check int     // replications of the check the bounds predict; 0: none
	most  int     // the most replications the search may measure
	t     map[int]float64
}

// of estimates the mean of the defined values of xs and its bound.
func (e *estimator) of(xs []float64) est {
	sum, n := definedSum(xs)
	if n == 0 {
		return undefined
	}
	m := sum / float64(n)
	if e.conf == 0 {
		return est{m, 0, 0}
	}
	if n < 2 {
		return est{m, math.NaN(), math.NaN()}
	}
	ss := 0.0
	for _, x := range xs {
		if !math.IsNaN(x) {
			ss += (x - m) * (x - m)
		}
	}
	sd := math.Sqrt(ss / float64(n-1))
	most := max(n, n*e.most/len(xs)) // defined values scale with the replications
	return est{m, e.half(sd, n), e.half(sd, most)}
}

// half is the half-width of a bound from n values of standard deviation sd.
func (e *estimator) half(sd float64, n int) float64 {
	t, ok := e.t[n-1]
	if !ok {
		if e.t == nil {
			e.t = map[int]float64{}
		}
		t = sim.StudentT(e.conf, n-1)
		e.t[n-1] = t
	}
	v := 1 / float64(n)
	if e.check > 0 {
		v += 1 / float64(e.check)
	}
	return t * sd * math.Sqrt(v)
}

// worseLow is the est of a and b with the lower lower bound (a figure that
// must stay above its goal), ignoring undefined ones.
func worseLow(a, b est) est {
	if !a.defined() || (b.defined() && b.lo() < a.lo()) {
		return b
	}
	return a
}

// worseHigh is the est of a and b with the higher upper bound.
func worseHigh(a, b est) est {
	if !a.defined() || (b.defined() && b.hi() > a.hi()) {
		return b
	}
	return a
}

package staff

import (
	"math"

	"github.com/ccsim/ccsim/sim"
)

// est is a measured figure: its mean over replications, the half-width
// of its one-sided bound at the search's level (0 for goals on the means)
// now and as it would be with the most replications the search may add,
// and the half-width of the one-sided confidence bound of the mean itself
// at the same level (how far the true mean may lie from the measured one).
// A NaN mean or half-width means not measured (no contact, or too few
// replications for a bound).
type est struct{ mean, half, halfMax, err float64 }

// lo is the lower bound, hi the upper.
func (e est) lo() float64 { return e.mean - e.half }
func (e est) hi() float64 { return e.mean + e.half }

// loBest and hiBest are the bounds the most replications would give if the
// true mean were as favourable as the replications so far allow (the
// confidence bound of the mean): a goal they miss is missed for good, one
// they meet may yet be met with more replications.
func (e est) loBest() float64 { return e.mean + e.err - e.halfMax }
func (e est) hiBest() float64 { return e.mean - e.err + e.halfMax }

// defined reports whether e was measured.
func (e est) defined() bool { return finite(e.mean) && finite(e.half) }

// undefined is an est that was not measured.
var undefined = est{math.NaN(), math.NaN(), math.NaN(), math.NaN()}

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
	tol   float64 // relative tolerance of the goals with the most replications
	t     map[int]float64
}

// tolerance is the relative tolerance of the goals for a measurement of
// reps replications: tol with the most replications, where the search
// decides for good, else none.
func (e *estimator) tolerance(reps int) float64 {
	if e.conf > 0 && reps >= e.most {
		return e.tol
	}
	return 0
}

// of estimates the mean of the defined values of xs and its bound.
func (e *estimator) of(xs []float64) est {
	sum, n := definedSum(xs)
	if n == 0 {
		return undefined
	}
	m := sum / float64(n)
	if e.conf == 0 {
		return est{m, 0, 0, 0}
	}
	if n < 2 {
		return est{m, math.NaN(), math.NaN(), math.NaN()}
	}
	ss := 0.0
	for _, x := range xs {
		if !math.IsNaN(x) {
			ss += (x - m) * (x - m)
		}
	}
	sd := math.Sqrt(ss / float64(n-1))
	most := max(n, n*e.most/len(xs)) // defined values scale with the replications
	return est{m, e.half(sd, n, e.check), e.half(sd, most, e.check), e.half(sd, n, 0)}
}

// half is the half-width of a bound from n values of standard deviation
// sd, a prediction bound for the mean of check more (0: the bound of the
// mean itself).
func (e *estimator) half(sd float64, n, check int) float64 {
	t, ok := e.t[n-1]
	if !ok {
		if e.t == nil {
			e.t = map[int]float64{}
		}
		t = sim.StudentT(e.conf, n-1)
		e.t[n-1] = t
	}
	v := 1 / float64(n)
	if check > 0 {
		v += 1 / float64(check)
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

package calibrate

import "math"

// This file holds the special functions the calibration fits need and the
// standard library lacks: digamma, trigamma, the regularized incomplete gamma
// function, and a small Nelder–Mead minimiser.

// digamma returns ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence
// ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic series
// (Abramowitz & Stegun 6.3.18), accurate to about 1e-15.
func digamma(x float64) float64 {
	r := 0.0
	for x < 10 {
		r -= 1 / x
		x++
	}
	f := 1 / (x * x)
	return r + math.Log(x) - 0.5/x - f*(1.0/12-f*(1.0/120-f*(1.0/252-f*(1.0/240-f*(1.0/132-f*691.0/32760)))))
}

// trigamma returns ψ′(x) for x > 0 by the recurrence ψ′(x) = ψ′(x+1) + 1/x²
// and the series 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) + 5/(66x¹¹).
func trigamma(x float64) float64 {
	r := 0.0
	for x < 10 {
		r += 1 / (x * x)
		x++
	}
	f := 1 / (x * x)
	return r + 1/x + f/2 + f/x*(1.0/6-f*(1.0/30-f*(1.0/42-f*(1.0/30-f*5.0/66))))
}

// gammaP returns the regularized lower incomplete gamma function P(a, x) for
// a > 0, x ≥ 0: the series for x < a+1, the continued fraction otherwise
// (Numerical Recipes §6.2).
func gammaP(a, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case math.IsInf(x, 1):
		return 1
	case x < a+1:
		return gammaSeries(a, x)
	}
	return 1 - gammaCF(a, x)
}

// gammaQ returns 1 − P(a, x), computed directly in the upper tail so that
// small survival probabilities keep their precision.
func gammaQ(a, x float64) float64 {
	if x <= 0 {
		return 1
	}
	if x < a+1 {
		return 1 - gammaSeries(a, x)
	}
	return gammaCF(a, x)
}

func gammaLogPrefix(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	return -x + a*math.Log(x) - lg
}

func gammaSeries(a, x float64) float64 {
	ap, sum := a, 1/a
	del := sum
	for range 500 {
		ap++
		del *= x / ap
		sum += del
		if math.Abs(del) < math.Abs(sum)*1e-15 {
			break
		}
	}
	return sum * math.Exp(gammaLogPrefix(a, x))
}

func gammaCF(a, x float64) float64 {
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 500; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return math.Exp(gammaLogPrefix(a, x)) * h
}

// normCDF is the standard normal distribution function.
func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normSF is 1 − normCDF(z), precise in the upper tail.
func normSF(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

// nelderMead minimises f from x0 with initial steps step, stopping when the
// simplex's values agree within tol or after maxIter iterations. It returns
// the best point and its value. f must return +Inf, never NaN, where it is
// undefined.
func nelderMead(f func([]float64) float64, x0, step []float64, tol float64, maxIter int) ([]float64, float64) {
	n := len(x0)
	pts := make([][]float64, n+1)
	vals := make([]float64, n+1)
	for i := range pts {
		pts[i] = append([]float64(nil), x0...)
		if i > 0 {
			pts[i][i-1] += step[i-1]
		}
		vals[i] = f(pts[i])
	}
	at := func(c []float64, t float64, p []float64) []float64 { // c + t·(p − c)
		out := make([]float64, n)
		for j := range out {
			out[j] = c[j] + t*(p[j]-c[j])
		}
		return out
	}
	for range maxIter {
		sortSimplex(pts, vals)
		if math.Abs(vals[n]-vals[0]) <= tol*(math.Abs(vals[0])+tol) {
			break
		}
		c := make([]float64, n)
		for _, p := range pts[:n] {
			for j := range c {
				c[j] += p[j] / float64(n)
			}
		}
		xr := at(c, -1, pts[n])
		fr := f(xr)
		switch {
		case fr < vals[0]:
			xe := at(c, -2, pts[n])
			if fe := f(xe); fe < fr {
				pts[n], vals[n] = xe, fe
			} else {
				pts[n], vals[n] = xr, fr
			}
		case fr < vals[n-1]:
			pts[n], vals[n] = xr, fr
		default:
			xc := at(c, 0.5, pts[n])
			if fc := f(xc); fc < vals[n] {
				pts[n], vals[n] = xc, fc
				continue
			}
			for i := 1; i <= n; i++ {
				pts[i] = at(pts[0], 0.5, pts[i])
				vals[i] = f(pts[i])
			}
		}
	}
	sortSimplex(pts, vals)
	return pts[0], vals[0]
}

// sortSimplex orders the simplex's points by value (insertion sort; n is tiny).
func sortSimplex(pts [][]float64, vals []float64) {
	for i := 1; i < len(vals); i++ {
		for j := i; j > 0 && vals[j] < vals[j-1]; j-- {
			vals[j], vals[j-1] = vals[j-1], vals[j]
			pts[j], pts[j-1] = pts[j-1], pts[j]
		}
	}
}

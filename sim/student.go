package sim

import "math"

// tQuantile returns the p-quantile of Student's t distribution with df degrees
// of freedom, by bisection on the CDF (exact to about 1e-10).
func tQuantile(p float64, df int) float64 {
	if df <= 0 {
		return math.NaN()
	}
	lo, hi := -1e3, 1e3
	for i := 0; i < 200 && hi-lo > 1e-12; i++ {
		mid := (lo + hi) / 2
		if tCDF(mid, float64(df)) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// tCDF is the CDF of Student's t with nu degrees of freedom.
func tCDF(t, nu float64) float64 {
	x := nu / (nu + t*t)
	tail := 0.5 * betaInc(nu/2, 0.5, x)
	if t > 0 {
		return 1 - tail
	}
	return tail
}

// betaInc is the regularized incomplete beta function I_x(a, b).
func betaInc(a, b, x float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	la, _ := math.Lgamma(a + b)
	lb, _ := math.Lgamma(a)
	lc, _ := math.Lgamma(b)
	front := math.Exp(la - lb - lc + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(a, b, x) / a
	}
	return 1 - front*betaCF(b, a, 1-x)/b
}

// betaCF evaluates the continued fraction of the incomplete beta function (Lentz).
func betaCF(a, b, x float64) float64 {
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 300; m++ {
		fm := float64(m)
		aa := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		d, c = 1+aa*d, 1+aa/c
		d, c = 1/nonzero(d), nonzero(c)
		h *= d * c
		aa = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
		d, c = 1+aa*d, 1+aa/c
		d, c = 1/nonzero(d), nonzero(c)
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return h
}

func nonzero(v float64) float64 {
	if math.Abs(v) < 1e-300 {
		return 1e-300
	}
	return v
}

// TQuantile returns the p-quantile of Student's t distribution with df
// degrees of freedom (NaN for df < 1), the critical value of the t-intervals
// the simulator's statistics and the workshop pulse use.
func TQuantile(p float64, df int) float64 { return tQuantile(p, df) }

package calibrate

import (
	"fmt"
	"math"
	"sort"

	"github.com/ccsim/ccsim/sim"
)

// Family names of fitted distributions, as in scenario files.
const (
	FamExponential = "exponential"
	FamLogNormal   = "lognormal"
	FamGamma       = "gamma"
)

// Fit is a distribution of durations fitted by maximum likelihood.
type Fit struct {
	Family string
	Mean   float64    // seconds
	CV     float64    // standard deviation / mean
	MeanCI [2]float64 // 95 % confidence interval of the mean, seconds
	CVCI   [2]float64 // 95 % confidence interval of the CV
	LogLik float64    // maximised log-likelihood
	AIC    float64    // 2·parameters − 2·LogLik; lower is better
	KS     float64    // Kolmogorov–Smirnov distance to the sample (complete samples only)
	N      int        // observations (events and censored)
}

// params returns the family's natural parameters: lognormal μ and σ, gamma
// shape and scale, exponential mean and 0.
func (f Fit) params() (a, b float64) {
	switch f.Family {
	case FamLogNormal:
		s2 := math.Log1p(f.CV * f.CV)
		return math.Log(f.Mean) - s2/2, math.Sqrt(s2)
	case FamGamma:
		k := 1 / (f.CV * f.CV)
		return k, f.Mean / k
	}
	return f.Mean, 0
}

// CDF returns P(X ≤ x).
func (f Fit) CDF(x float64) float64 {
	if x <= 0 {
		return 0
	}
	a, b := f.params()
	switch f.Family {
	case FamLogNormal:
		return normCDF((math.Log(x) - a) / b)
	case FamGamma:
		return gammaP(a, x/b)
	}
	return -math.Expm1(-x / a)
}

// Survival returns P(X > x).
func (f Fit) Survival(x float64) float64 {
	if x <= 0 {
		return 1
	}
	a, b := f.params()
	switch f.Family {
	case FamLogNormal:
		return normSF((math.Log(x) - a) / b)
	case FamGamma:
		return gammaQ(a, x/b)
	}
	return math.Exp(-x / a)
}

// logPDF returns the log density at x > 0.
func (f Fit) logPDF(x float64) float64 {
	a, b := f.params()
	switch f.Family {
	case FamLogNormal:
		z := (math.Log(x) - a) / b
		return -math.Log(x*b) - 0.5*math.Log(2*math.Pi) - z*z/2
	case FamGamma:
		lg, _ := math.Lgamma(a)
		return (a-1)*math.Log(x) - x/b - a*math.Log(b) - lg
	}
	return -math.Log(a) - x/a
}

// PDF returns the density at x.
func (f Fit) PDF(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return math.Exp(f.logPDF(x))
}

// Dist returns the fit as a simulator distribution.
func (f Fit) Dist() sim.Dist {
	switch f.Family {
	case FamLogNormal:
		return sim.LogNormal{MeanS: f.Mean, CV: f.CV}
	case FamGamma:
		return sim.Gamma{MeanS: f.Mean, CV: f.CV}
	}
	return sim.Exponential{MeanS: f.Mean}
}

// fitLogNormal is the closed-form maximum-likelihood lognormal fit of xs > 0:
// μ is the mean of the logs and σ² their variance with divisor n. The
// intervals use the delta method on Var(μ̂) = σ²/n and Var(σ̂²) = 2σ⁴/n.
func fitLogNormal(xs []float64) Fit {
	n := float64(len(xs))
	mu, ss := 0.0, 0.0
	for _, x := range xs {
		mu += math.Log(x)
	}
	mu /= n
	for _, x := range xs {
		d := math.Log(x) - mu
		ss += d * d
	}
	s2 := ss / n
	mean := math.Exp(mu + s2/2)
	cv := math.Sqrt(math.Expm1(s2))
	f := Fit{Family: FamLogNormal, Mean: mean, CV: cv, N: len(xs)}
	f.LogLik = -n*mu - n*0.5*math.Log(2*math.Pi*s2) - n/2
	f.AIC = 4 - 2*f.LogLik
	seMean := mean * math.Sqrt(s2/n+s2*s2/(2*n))
	seCV := math.Exp(s2) / (2 * cv) * math.Sqrt(2*s2*s2/n)
	f.MeanCI = [2]float64{mean - 1.96*seMean, mean + 1.96*seMean}
	f.CVCI = [2]float64{cv - 1.96*seCV, cv + 1.96*seCV}
	return f
}

// fitGamma is the maximum-likelihood gamma fit of xs > 0. The shape k
// solves ln k − ψ(k) = ln x̄ − mean(ln x) by Newton's method from the
// Choi–Wette starting value; the scale is x̄/k, so the fitted mean is the
// sample mean. The intervals use the inverse Fisher information:
// Var(k̂) = k / (n (k ψ′(k) − 1)) and Var(x̄) = k θ² / n.
func fitGamma(xs []float64) Fit {
	n := float64(len(xs))
	mean, mlog := 0.0, 0.0
	for _, x := range xs {
		mean += x
		mlog += math.Log(x)
	}
	mean /= n
	mlog /= n
	s := math.Log(mean) - mlog
	k := gammaShape(s)
	theta := mean / k
	lg, _ := math.Lgamma(k)
	f := Fit{Family: FamGamma, Mean: mean, CV: 1 / math.Sqrt(k), N: len(xs)}
	f.LogLik = n * ((k-1)*mlog - mean/theta - k*math.Log(theta) - lg)
	f.AIC = 4 - 2*f.LogLik
	seMean := math.Sqrt(k * theta * theta / n)
	seK := math.Sqrt(k / (n * (k*trigamma(k) - 1)))
	seCV := 0.5 * math.Pow(k, -1.5) * seK
	f.MeanCI = [2]float64{mean - 1.96*seMean, mean + 1.96*seMean}
	f.CVCI = [2]float64{f.CV - 1.96*seCV, f.CV + 1.96*seCV}
	return f
}

// gammaShape solves ln k − ψ(k) = s (s > 0) for the gamma shape k.
func gammaShape(s float64) float64 {
	if !(s > 0) {
		return 1e6 // all values equal: a spike, i.e. a huge shape
	}
	k := (3 - s + math.Sqrt((s-3)*(s-3)+24*s)) / (12 * s)
	for range 50 {
		g := math.Log(k) - digamma(k) - s
		dg := 1/k - trigamma(k)
		next := k - g/dg
		if next <= 0 {
			next = k / 2
		}
		if math.Abs(next-k) < 1e-12*k {
			return next
		}
		k = next
	}
	return k
}

// fitExponential is the maximum-likelihood exponential fit: the sample mean.
func fitExponential(xs []float64) Fit {
	n := float64(len(xs))
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= n
	f := Fit{Family: FamExponential, Mean: mean, CV: 1, N: len(xs), CVCI: [2]float64{1, 1}}
	f.LogLik = -n*math.Log(mean) - n
	f.AIC = 2 - 2*f.LogLik
	half := 1.96 * mean / math.Sqrt(n)
	f.MeanCI = [2]float64{mean - half, mean + half}
	return f
}

// ksDistance is the Kolmogorov–Smirnov distance sup|F_n − F| between the
// sorted sample xs and the fit.
func ksDistance(sorted []float64, f Fit) float64 {
	n := float64(len(sorted))
	d := 0.0
	for i, x := range sorted {
		F := f.CDF(x)
		d = max(d, F-float64(i)/n, float64(i+1)/n-F)
	}
	return d
}

// fitComplete fits lognormal and gamma distributions to a complete sample
// (no censoring) of positive values and returns them best first by AIC,
// each with its Kolmogorov–Smirnov distance. With fewer than two distinct
// values it returns an exponential fit (or nothing for an empty sample).
func fitComplete(xs []float64) []Fit {
	if len(xs) == 0 {
		return nil
	}
	sorted := append([]float64(nil), xs...)
	sort.Float64s(sorted)
	var fits []Fit
	if sorted[0] == sorted[len(sorted)-1] {
		fits = []Fit{fitExponential(sorted)}
	} else {
		fits = []Fit{fitLogNormal(sorted), fitGamma(sorted)}
	}
	for i := range fits {
		fits[i].KS = ksDistance(sorted, fits[i])
	}
	sort.SliceStable(fits, func(i, j int) bool { return fits[i].AIC < fits[j].AIC })
	return fits
}

// Label names the fit for charts and tables: "lognormal: mean 195 s, cv 1.05, KS 0.012"
// (the KS distance only for complete samples).
func (f Fit) Label() string {
	label := fmt.Sprintf("%s: mean %.0f s, cv %.2f", f.Family, f.Mean, f.CV)
	if f.KS > 0 {
		label += fmt.Sprintf(", KS %.3f", f.KS)
	}
	return label
}

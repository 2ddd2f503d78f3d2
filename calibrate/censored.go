package calibrate

import (
	"math"
	"sort"
)

// minEventTime replaces event times of 0 in the lognormal and gamma
// likelihoods, whose densities vanish at 0: half a second, half the
// resolution of clocks that record whole seconds.
const minEventTime = 0.5

// fitCensored fits exponential, lognormal and gamma distributions to
// right-censored observations by maximum likelihood and returns them best
// first by AIC. The log-likelihood is Σ_events ln f(tᵢ) + Σ_censored ln S(tⱼ).
// The exponential fit is closed form (mean = Σt / events); the others are
// maximised by Nelder–Mead on log-parameters, and their confidence intervals
// come from the numerical Hessian (observed information) by the delta method.
// KS is left 0: there is no complete sample to compare with (compare the
// survival curve with Kaplan–Meier instead).
func fitCensored(obs []Observation) []Fit {
	ts := coarse(tallies(obs))
	events, total := 0, 0.0
	for _, x := range ts {
		events += x.events
		total += x.t * float64(x.events+x.censored)
	}
	if events == 0 || total <= 0 {
		return nil
	}
	exp := censoredExponential(events, total, len(obs))
	fits := []Fit{exp}
	if distinctEventTimes(ts) >= 2 {
		fits = append(fits, censoredTwo(ts, FamLogNormal, exp.Mean), censoredTwo(ts, FamGamma, exp.Mean))
	}
	sort.SliceStable(fits, func(i, j int) bool { return fits[i].AIC < fits[j].AIC })
	return fits
}

// maxTallies bounds the distinct times the likelihoods run over; beyond
// it, times are rounded to 0.1 s, then to whole seconds (both far below the
// scale of patience), so that millions of continuous waits stay fast.
const maxTallies = 20000

// coarse merges tallies at times rounded to 0.1 s or 1 s while there are
// more than maxTallies of them.
func coarse(ts []tally) []tally {
	for _, res := range []float64{0.1, 1} {
		if len(ts) <= maxTallies {
			return ts
		}
		var out []tally
		for _, x := range ts {
			t := math.Round(x.t/res) * res
			if len(out) == 0 || out[len(out)-1].t != t {
				out = append(out, tally{t: t})
			}
			out[len(out)-1].events += x.events
			out[len(out)-1].censored += x.censored
		}
		ts = out
	}
	return ts
}

func distinctEventTimes(ts []tally) int {
	n := 0
	for _, x := range ts {
		if x.events > 0 {
			n++
		}
	}
	return n
}

// censoredExponential: mean = Σt/d, with the interval mean·exp(±1.96/√d).
func censoredExponential(events int, total float64, n int) Fit {
	d := float64(events)
	mean := total / d
	f := Fit{Family: FamExponential, Mean: mean, CV: 1, CVCI: [2]float64{1, 1}, N: n}
	f.LogLik = -d*math.Log(mean) - total/mean
	f.AIC = 2 - 2*f.LogLik
	w := 1.96 / math.Sqrt(d)
	f.MeanCI = [2]float64{mean * math.Exp(-w), mean * math.Exp(w)}
	return f
}

// twoParam builds a fit of family from log-parameters p: lognormal (μ, ln σ)
// or gamma (ln k, ln θ).
func twoParam(family string, p []float64) Fit {
	switch family {
	case FamLogNormal:
		mu, s := p[0], math.Exp(p[1])
		return Fit{Family: family, Mean: math.Exp(mu + s*s/2), CV: math.Sqrt(math.Expm1(s * s))}
	default:
		k, theta := math.Exp(p[0]), math.Exp(p[1])
		return Fit{Family: family, Mean: k * theta, CV: 1 / math.Sqrt(k)}
	}
}

// censoredNLL is the negative log-likelihood of a fit over tallied observations.
func censoredNLL(ts []tally, f Fit) float64 {
	if !(f.Mean > 0) || !(f.CV > 0) || math.IsInf(f.Mean, 0) || math.IsInf(f.CV, 0) {
		return math.Inf(1)
	}
	nll := 0.0
	for _, x := range ts {
		if x.events > 0 {
			nll -= float64(x.events) * f.logPDF(max(x.t, minEventTime))
		}
		if x.censored > 0 && x.t > 0 {
			nll -= float64(x.censored) * math.Log(f.Survival(x.t))
		}
	}
	if math.IsNaN(nll) {
		return math.Inf(1)
	}
	return nll
}

// censoredTwo maximises the censored likelihood of a two-parameter family,
// starting from a distribution with the exponential fit's mean and CV 1.
func censoredTwo(ts []tally, family string, mean float64) Fit {
	nll := func(p []float64) float64 { return censoredNLL(ts, twoParam(family, p)) }
	x0 := []float64{math.Log(mean) - math.Ln2/2, math.Log(math.Sqrt(math.Ln2))} // lognormal with CV 1
	if family == FamGamma {
		x0 = []float64{0, math.Log(mean)}
	}
	best, _ := nelderMead(nll, x0, []float64{0.5, 0.5}, 1e-12, 2000)
	best, val := nelderMead(nll, best, []float64{0.05, 0.05}, 1e-14, 2000) // restart: NM can stall
	f := twoParam(family, best)
	f.N = 0
	for _, x := range ts {
		f.N += x.events + x.censored
	}
	f.LogLik = -val
	f.AIC = 4 + 2*val
	cov, ok := inverse2(hessian(nll, best))
	if !ok {
		f.MeanCI = [2]float64{math.NaN(), math.NaN()}
		f.CVCI = f.MeanCI
		return f
	}
	meanOf := func(p []float64) float64 { return twoParam(family, p).Mean }
	cvOf := func(p []float64) float64 { return twoParam(family, p).CV }
	f.MeanCI = deltaCI(meanOf, best, cov)
	f.CVCI = deltaCI(cvOf, best, cov)
	return f
}

// hessian returns the 2×2 matrix of second derivatives of f at p by central differences.
func hessian(f func([]float64) float64, p []float64) [2][2]float64 {
	const h = 1e-4
	at := func(di, dj float64) float64 { return f([]float64{p[0] + di, p[1] + dj}) }
	var H [2][2]float64
	f0 := at(0, 0)
	H[0][0] = (at(h, 0) - 2*f0 + at(-h, 0)) / (h * h)
	H[1][1] = (at(0, h) - 2*f0 + at(0, -h)) / (h * h)
	H[0][1] = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
	H[1][0] = H[0][1]
	return H
}

// inverse2 inverts a positive-definite 2×2 matrix.
func inverse2(m [2][2]float64) ([2][2]float64, bool) {
	det := m[0][0]*m[1][1] - m[0][1]*m[1][0]
	if !(det > 0) || !(m[0][0] > 0) {
		return m, false
	}
	return [2][2]float64{{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}}, true
}

// deltaCI is the 95 % interval of g(p) from the covariance of p: g ± 1.96·√(∇gᵀ Σ ∇g).
func deltaCI(g func([]float64) float64, p []float64, cov [2][2]float64) [2]float64 {
	const h = 1e-6
	v := g(p)
	var grad [2]float64
	for i := range grad {
		q := []float64{p[0], p[1]}
		q[i] += h
		up := g(q)
		q[i] -= 2 * h
		grad[i] = (up - g(q)) / (2 * h)
	}
	vr := 0.0
	for i := range 2 {
		for j := range 2 {
			vr += grad[i] * cov[i][j] * grad[j]
		}
	}
	half := 1.96 * math.Sqrt(vr)
	return [2]float64{v - half, v + half}
}

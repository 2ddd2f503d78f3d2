package erlang

import (
	"fmt"
	"math"
)

// Definition names a service-level definition: which customers count in the
// denominator of "answered within the threshold".
type Definition string

const (
	// Offered is answered within threshold / all arrivals.
	Offered Definition = "offered"
	// Answered is answered within threshold / answered.
	Answered Definition = "answered"
	// ExclShortAbandons is answered within threshold /
	// (answered + abandoned after the threshold): callers who hang up
	// within the threshold are left out.
	ExclShortAbandons Definition = "excl_short_abandons"
)

// Validate reports whether d is a known definition; the empty Definition
// is valid and means Offered.
func (d Definition) Validate() error {
	switch d {
	case "", Offered, Answered, ExclShortAbandons:
		return nil
	}
	return fmt.Errorf("erlang: unknown service-level definition %q", string(d))
}

// ServiceLevel returns the share of customers answered within threshold
// seconds under definition d (empty means Offered); a wait equal to the
// threshold counts as within it. It returns 1 when Rate is 0, 0 for an
// unstable Erlang C queue, and NaN for an invalid queue, definition or
// a negative or NaN threshold.
//
// Erlang C has no abandonment, so all definitions give 1 − C·e^{−(cμ−λ)t}.
//
// For Erlang A, an arrival that finds j customers waiting ahead of it
// reaches an agent after V, the sum of independent exponential times with
// rates cμ + kθ for k = j, …, 0 (a service completion or an abandonment
// ahead moves it up), unless its own patience, at rate θ, runs out first.
// V has the density θ·Γ(b+j+1)/(Γ(b)·j!)·e^{−cμs}·(1−e^{−θs})^j with
// b = cμ/θ, so with u = 1 − e^{−θt}, exactly:
//
//	P(V ≤ t)                   = I_u(j+1, b)
//	P(served and W ≤ t | j)    = E[e^{−θV}; V ≤ t] = b/(b+j+1) · I_u(j+1, b+1)
//	P(abandoned and W > t | j) = e^{−θt}·P(V > t) − P(served and W > t | j)
//
// where I is the regularized incomplete beta function. For an integer first
// argument, I_u(j+1, r) = P(X > j) for X negative binomial with
// P(X = i) = Γ(i+r)/(Γ(r)·i!)·u^i·(1−u)^r, so both are running sums of
// probabilities kept in logs, one step per j. Weighting by the stationary
// queue tail (see Figures) gives the incomplete-gamma closed forms of Zeltyn
// and Mandelbaum, evaluated term by term. The error is rounding only, about
// 1e-16 per term; the tests check it against quadrature to 1e-12.
func (q Queue) ServiceLevel(threshold float64, d Definition) float64 {
	if q.Validate() != nil || d.Validate() != nil || !(threshold >= 0) {
		return math.NaN()
	}
	if q.Rate == 0 {
		return 1
	}
	m := q.model()
	if m.theta == 0 {
		return m.erlangCServiceLevel(threshold)
	}
	within, served, late := m.outcomes(threshold)
	switch d {
	case Answered:
		return clamp01(within / served)
	case ExclShortAbandons:
		return clamp01(within / (served + late))
	}
	return clamp01(within)
}

// erlangCServiceLevel returns 1 − C·e^{−(c−a)t/AHT}, or 0 when unstable.
func (m model) erlangCServiceLevel(t float64) float64 {
	if !m.stable() {
		return 0
	}
	a := m.load()
	return clamp01(1 - C(m.c, a)*math.Exp(-(float64(m.c)-a)/m.aht*t))
}

// outcomes returns, for Erlang A and threshold t seconds, the probabilities
// that an arrival is served within t, is served at all, and abandons
// after waiting longer than t.
func (m model) outcomes(t float64) (within, served, late float64) {
	cm, th := float64(m.c)*m.mu, m.theta
	b := cm / th
	logU := math.Log(-math.Expm1(-th * t))
	u := math.Exp(logU)
	nb := negBinomial{r: b + 1, logU: logU, u: u, logP: -(cm + th) * t}
	nbV := negBinomial{r: b, logU: logU, u: u, logP: -cm * t}
	stay := math.Exp(-th * t) // P(own patience > t)
	total, s, logScale := m.tail(3, func(j int, out []float64) {
		f, g := nb.next(j), nbV.next(j) // 1 − I_u(j+1, b+1), P(V > t | j)
		p := cm / (cm + float64(j+1)*th)
		out[0] = p * (1 - f)
		out[1] = p
		out[2] = math.Max(0, stay*g-p*f)
	})
	pw := m.pWait(total, logScale)
	within = (1 - pw) + pw*s[0]/total
	served = (1 - pw) + pw*s[1]/total
	late = pw * s[2] / total
	return within, served, late
}

// negBinomial steps through the distribution function of a negative
// binomial X with P(X = i) = Γ(i+r)/(Γ(r)·i!)·u^i·(1−u)^r, r > 0.
type negBinomial struct {
	r    float64 // shape, > 0
	logU float64 // log u; −Inf when u = 0
	u    float64 // e^logU, as the ratio of successive terms needs it
	logP float64 // log P(X = i) for the last i stepped, initially i = 0
	cdf  float64 // P(X ≤ i)
	done bool    // the rest of the mass is negligible and cdf is 1
}

// next returns P(X ≤ i) for i = 0, 1, 2, …, one call each in order.
func (x *negBinomial) next(i int) float64 {
	if x.done {
		return 1
	}
	if i > 0 {
		x.logP += x.logU + math.Log1p((x.r-1)/float64(i))
	}
	p := math.Exp(x.logP)
	x.cdf += p
	// P(X = i+1)/P(X = i) = u·(i+r)/(i+1) falls in i; once below 1, the
	// rest of the mass is below p·ratio/(1−ratio).
	ratio := x.u * (float64(i) + x.r) / float64(i+1)
	if ratio < 1 && p*ratio <= 1e-18*(1-ratio) {
		x.done = true
		x.cdf = 1
	}
	return math.Min(1, x.cdf)
}

package calibrate

import (
	"math"
	"sort"
)

// Observation is a duration that ended in an event (a customer hung up) or
// was censored (the customer was answered before patience ran out).
type Observation struct {
	T     float64 // seconds
	Event bool
}

// tally is the observations at one distinct time.
type tally struct {
	t                 float64
	events, censored  int
	atRisk            int     // observations with T ≥ t
	survival, varTerm float64 // KM S(t) just after t; Greenwood's Σ d/(n(n−d)) up to t
}

// KMStep is one step of a Kaplan–Meier curve.
type KMStep struct {
	T        float64    // seconds
	AtRisk   int        // observations still at risk just before T
	Events   int        // events at T
	Censored int        // censored at T
	S        float64    // estimated survival just after T
	CI       [2]float64 // 95 % pointwise interval (Greenwood, on the log(−log) scale)
}

// KaplanMeier estimates the survival function from right-censored
// observations: S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ), where dᵢ events happen at
// tᵢ among nᵢ observations still at risk. At equal times events count
// before censorings (the usual convention). Steps are returned at every
// distinct time that has an event or a censoring.
func KaplanMeier(obs []Observation) []KMStep {
	ts := tallies(obs)
	out := make([]KMStep, len(ts))
	for i, x := range ts {
		out[i] = KMStep{T: x.t, AtRisk: x.atRisk, Events: x.events, Censored: x.censored, S: x.survival,
			CI: kmInterval(x.survival, x.varTerm)}
	}
	return out
}

// tallies groups observations by time and computes the KM estimate at each.
func tallies(obs []Observation) []tally {
	sorted := append([]Observation(nil), obs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].T < sorted[j].T })
	var ts []tally
	for _, o := range sorted {
		if len(ts) == 0 || ts[len(ts)-1].t != o.T {
			ts = append(ts, tally{t: o.T})
		}
		x := &ts[len(ts)-1]
		if o.Event {
			x.events++
		} else {
			x.censored++
		}
	}
	n, s, v := len(obs), 1.0, 0.0
	for i := range ts {
		x := &ts[i]
		x.atRisk = n
		if x.events > 0 {
			s *= 1 - float64(x.events)/float64(n)
			if n > x.events {
				v += float64(x.events) / (float64(n) * float64(n-x.events))
			} else {
				v = math.Inf(1)
			}
		}
		x.survival, x.varTerm = s, v
		n -= x.events + x.censored
	}
	return ts
}

// kmInterval is the 95 % interval exp(−exp(log(−log S) ± 1.96·se)) with
// se² = Greenwood's sum / (log S)², which stays inside [0, 1].
func kmInterval(s, greenwood float64) [2]float64 {
	if s <= 0 || s >= 1 || math.IsInf(greenwood, 0) {
		return [2]float64{s, s}
	}
	l := math.Log(s)
	se := math.Sqrt(greenwood) / math.Abs(l)
	c := math.Log(-l)
	return [2]float64{math.Exp(-math.Exp(c + 1.96*se)), math.Exp(-math.Exp(c - 1.96*se))}
}

// KMAt returns the Kaplan–Meier survival at t from steps.
func KMAt(steps []KMStep, t float64) float64 {
	i := sort.Search(len(steps), func(i int) bool { return steps[i].T > t })
	if i == 0 {
		return 1
	}
	return steps[i-1].S
}

// KMRestrictedMean returns the area under the KM curve up to the last
// observation: the mean patience when the curve reaches 0, and a lower
// bound on it otherwise.
func KMRestrictedMean(steps []KMStep) float64 {
	area, prevT, prevS := 0.0, 0.0, 1.0
	for _, st := range steps {
		area += prevS * (st.T - prevT)
		prevT, prevS = st.T, st.S
	}
	return area
}

// KMMedian returns the smallest time at which the KM survival drops to 0.5
// or below, or NaN if it never does.
func KMMedian(steps []KMStep) float64 {
	for _, st := range steps {
		if st.S <= 0.5 {
			return st.T
		}
	}
	return math.NaN()
}

package calibrate

import (
	"math"

	"github.com/ccsim/ccsim/records"
)

// PatienceFit is what the waits of queued contacts say about patience.
type PatienceFit struct {
	Observations int      // contacts that waited in the queue
	Events       int      // of which abandoned (the rest are censored: answered first)
	KM           []KMStep // Kaplan–Meier survival of patience
	KMMean       float64  // area under the KM curve up to the longest wait (a lower bound when it does not reach 0)
	KMMedian     float64  // NaN when survival stays above one half
	Fits         []Fit    // exponential, lognormal and gamma by censored maximum likelihood, best first
}

// Best is the chosen fit (zero Fit when there is none).
func (p PatienceFit) Best() Fit {
	if len(p.Fits) == 0 {
		return Fit{}
	}
	return p.Fits[0]
}

// fitPatience estimates patience from the waits of contacts that queued:
// an abandonment is an event at its wait; an answer censors patience at
// its wait (the customer would have waited at least that long).
func fitPatience(recs []records.Record) PatienceFit {
	var obs []Observation
	for i := range recs {
		r := &recs[i]
		if r.Queued && r.ReachedHuman() && !math.IsNaN(r.Wait) {
			obs = append(obs, Observation{T: r.Wait, Event: r.Outcome == records.Abandoned})
		}
	}
	p := PatienceFit{Observations: len(obs), KMMedian: math.NaN()}
	for _, o := range obs {
		if o.Event {
			p.Events++
		}
	}
	if len(obs) == 0 {
		return p
	}
	p.KM = KaplanMeier(obs)
	p.KMMean = KMRestrictedMean(p.KM)
	p.KMMedian = KMMedian(p.KM)
	p.Fits = fitCensored(obs)
	return p
}

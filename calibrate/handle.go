package calibrate

import (
	"math"
	"sort"

	"github.com/ccsim/ccsim/records"
)

// minFitSample is the fewest services a contact type needs for its own
// handle-time fit; types with fewer use the pooled fit.
const minFitSample = 20

// HandleFit is the handle-time (service-time) fit of one contact type.
type HandleFit struct {
	Type        string
	Answered    int       // answered contacts with a service time
	Zero        int       // services of 0 s, left out (no positive density can fit them)
	Short, Long int       // services below MinService and above MaxService, left out
	RecordsMean float64   // mean service of all answered contacts, seconds
	SampleMean  float64   // mean of the fitted sample
	Sample      []float64 // the fitted sample, seconds, sorted
	LeftOut     []float64 // the services left out (zero, short, long), seconds, sorted
	Fits        []Fit     // lognormal and gamma by maximum likelihood, best (lowest AIC) first
}

// N is the size of the fitted sample.
func (h HandleFit) N() int { return len(h.Sample) }

// Best is the chosen fit (zero Fit when there is none).
func (h HandleFit) Best() Fit {
	if len(h.Fits) == 0 {
		return Fit{}
	}
	return h.Fits[0]
}

// fitHandles fits handle times per contact type and for all types pooled.
func fitHandles(recs []records.Record, o Options) ([]HandleFit, HandleFit) {
	byType := map[string][]float64{}
	var all []float64
	for i := range recs {
		r := &recs[i]
		if r.Outcome == records.Answered && !math.IsNaN(r.Service) {
			byType[r.Type] = append(byType[r.Type], r.Service)
			all = append(all, r.Service)
		}
	}
	var out []HandleFit
	for ty, xs := range byType {
		out = append(out, fitHandle(ty, xs, o))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Answered != out[j].Answered {
			return out[i].Answered > out[j].Answered
		}
		return out[i].Type < out[j].Type
	})
	return out, fitHandle("all types", all, o)
}

// fitHandle filters one type's services and fits them.
func fitHandle(ty string, xs []float64, o Options) HandleFit {
	h := HandleFit{Type: ty, Answered: len(xs)}
	lo, hi := o.MinService.Seconds(), o.MaxService.Seconds()
	sum := 0.0
	for _, x := range xs {
		sum += x
		switch {
		case x <= 0:
			h.Zero++
		case lo > 0 && x < lo:
			h.Short++
		case hi > 0 && x > hi:
			h.Long++
		default:
			h.Sample = append(h.Sample, x)
			h.SampleMean += x
			continue
		}
		h.LeftOut = append(h.LeftOut, x)
	}
	if len(xs) > 0 {
		h.RecordsMean = sum / float64(len(xs))
	}
	if len(h.Sample) > 0 {
		h.SampleMean /= float64(len(h.Sample))
	}
	sort.Float64s(h.Sample)
	sort.Float64s(h.LeftOut)
	h.Fits = fitComplete(h.Sample)
	return h
}

// FrontFit describes the automated front end (VRU or bot): how long
// contacts spend in it and how they leave it.
type FrontFit struct {
	Sessions   int       // contacts with a front-end time
	Sample     []float64 // positive front-end times, seconds, sorted
	Fits       []Fit     // best first
	ToQueue    int       // went on to wait in the human queue
	Direct     int       // were answered without waiting
	Hangup     int       // hung up in the front end (or before the queue)
	Contained  int       // were resolved by the front end
	TotalCount int       // all contacts

	byType map[string]frontCount
}

// frontCount counts one contact type's front-end use.
type frontCount struct{ total, sessions, contained int }

// fitFront fits the front-end time and counts its outcomes.
func fitFront(recs []records.Record) FrontFit {
	f := FrontFit{byType: map[string]frontCount{}}
	for i := range recs {
		r := &recs[i]
		f.TotalCount++
		n := f.byType[r.Type]
		n.total++
		if !math.IsNaN(r.Front) {
			n.sessions++
		}
		if r.Outcome == records.Contained {
			n.contained++
		}
		f.byType[r.Type] = n
		switch {
		case r.Outcome == records.Contained:
			f.Contained++
		case r.Outcome == records.FrontHangup:
			f.Hangup++
		case r.Queued:
			f.ToQueue++
		default:
			f.Direct++
		}
		if !math.IsNaN(r.Front) {
			f.Sessions++
			if r.Front > 0 {
				f.Sample = append(f.Sample, r.Front)
			}
		}
	}
	sort.Float64s(f.Sample)
	f.Fits = fitComplete(f.Sample)
	return f
}

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

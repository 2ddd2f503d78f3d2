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

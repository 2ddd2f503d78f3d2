package calibrate

import (
	"math"
	"sort"

	"github.com/ccsim/ccsim/records"
)

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

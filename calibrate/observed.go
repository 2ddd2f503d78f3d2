package calibrate

import (
	"math"
	"time"

	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/sim"
)

// Observed are a day type's service figures as recorded, computed as the
// simulator computes them (metric names of package sim): per interval of
// queue entry and for the whole opening hours, as the mean over days with
// a 95 % interval. Service level uses the "offered" definition.
type Observed struct {
	Intervals []sim.Metrics
	Total     sim.Metrics
}

// ObservedMetrics are the metrics Observed holds.
var ObservedMetrics = []string{sim.MToHuman, sim.MAnswered, sim.MAbandoned, sim.MServiceLevel, sim.MASA,
	sim.MAbandonRate, sim.MQueueLength, sim.MAbandonWait}

// obsCell sums one day's contacts in one interval.
type obsCell struct {
	toHuman, answered, within, abandoned float64
	sumWait, sumAbandonWait, queueArea   float64 // seconds; contact-seconds waiting
}

func (c *obsCell) add(o *obsCell) {
	c.toHuman += o.toHuman
	c.answered += o.answered
	c.within += o.within
	c.abandoned += o.abandoned
	c.sumWait += o.sumWait
	c.sumAbandonWait += o.sumAbandonWait
	c.queueArea += o.queueArea
}

func (c *obsCell) values(seconds float64) sim.Values {
	return sim.Values{
		sim.MToHuman:      c.toHuman,
		sim.MAnswered:     c.answered,
		sim.MAbandoned:    c.abandoned,
		sim.MServiceLevel: ratio(c.within, c.toHuman),
		sim.MASA:          ratio(c.sumWait, c.answered),
		sim.MAbandonRate:  ratio(c.abandoned, c.toHuman),
		sim.MQueueLength:  c.queueArea / seconds,
		sim.MAbandonWait:  ratio(c.sumAbandonWait, c.abandoned),
	}
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// observe computes the recorded figures of a day type's days in [open, close).
func observe(days []int, recs []*records.Record, open, close, iv time.Duration, threshold float64) Observed {
	n := int((close - open) / iv)
	lo, w := open.Seconds(), iv.Seconds()
	hi := lo + float64(n)*w
	cells := map[int][]obsCell{}
	for _, d := range days {
		cells[d] = make([]obsCell, n)
	}
	for _, r := range recs {
		if !r.ReachedHuman() || math.IsNaN(r.Queue) || r.Queue < lo || r.Queue >= hi {
			continue
		}
		day := cells[r.Day]
		c := &day[int((r.Queue-lo)/w)]
		c.toHuman++
		if r.Outcome == records.Answered {
			c.answered++
			c.sumWait += r.Wait
			if r.Wait <= threshold {
				c.within++
			}
		} else {
			c.abandoned++
			c.sumAbandonWait += r.Wait
		}
		a, b := r.Queue, min(r.Queue+r.Wait, hi)
		for k := int((a - lo) / w); k < n && a < b; k++ {
			end := min(b, lo+float64(k+1)*w)
			day[k].queueArea += end - a
			a = end
		}
	}
	obs := Observed{Intervals: make([]sim.Metrics, n)}
	per := make([][]sim.Values, n)
	var totals []sim.Values
	for _, d := range days {
		var tot obsCell
		for k := range n {
			c := &cells[d][k]
			per[k] = append(per[k], c.values(w))
			tot.add(c)
		}
		totals = append(totals, tot.values(w*float64(n)))
	}
	for k := range n {
		obs.Intervals[k] = summarizeValues(per[k])
	}
	obs.Total = summarizeValues(totals)
	return obs
}

// summarizeValues gives each metric's mean and 95 % interval over the
// values in which it is defined.
func summarizeValues(vs []sim.Values) sim.Metrics {
	m := sim.Metrics{}
	for _, name := range ObservedMetrics {
		var xs []float64
		for _, v := range vs {
			if x, ok := v[name]; ok && !math.IsNaN(x) {
				xs = append(xs, x)
			}
		}
		m[name] = sim.Summarize(xs)
	}
	return m
}

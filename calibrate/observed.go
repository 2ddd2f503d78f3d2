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

// addCounts adds o's counts to c.
func addCounts(c *sim.QueueCounts, o *sim.QueueCounts) {
	c.ToHuman += o.ToHuman
	c.Answered += o.Answered
	c.AnsweredWithin += o.AnsweredWithin
	c.Abandoned += o.Abandoned
	c.SumWait += o.SumWait
	c.SumAbandonWait += o.SumAbandonWait
	c.QueueArea += o.QueueArea
}

// values computes the recorded metrics of counts over seconds with the
// simulator's definitions (service level: offered).
func values(c sim.QueueCounts, seconds float64) sim.Values {
	c.Seconds = seconds
	v := sim.Values{}
	c.AddTo(v, sim.Offered)
	return v
}

// observe computes the recorded figures of a day type's days in [open, close).
func observe(days []int, recs []*records.Record, open, close, iv time.Duration, threshold float64) Observed {
	n := int((close - open) / iv)
	lo, w := open.Seconds(), iv.Seconds()
	hi := lo + float64(n)*w
	cells := map[int][]sim.QueueCounts{}
	for _, d := range days {
		cells[d] = make([]sim.QueueCounts, n)
	}
	for _, r := range recs {
		if !r.ReachedHuman() || math.IsNaN(r.Queue) || r.Queue < lo || r.Queue >= hi {
			continue
		}
		day := cells[r.Day]
		c := &day[int((r.Queue-lo)/w)]
		c.ToHuman++
		if r.Outcome == records.Answered {
			c.Answered++
			c.SumWait += r.Wait
			if r.Wait <= threshold {
				c.AnsweredWithin++
			}
		} else {
			c.Abandoned++
			c.SumAbandonWait += r.Wait
		}
		a, b := r.Queue, min(r.Queue+r.Wait, hi)
		for k := int((a - lo) / w); k < n && a < b; k++ {
			end := min(b, lo+float64(k+1)*w)
			day[k].QueueArea += end - a
			a = end
		}
	}
	obs := Observed{Intervals: make([]sim.Metrics, n)}
	per := make([][]sim.Values, n)
	var totals []sim.Values
	for _, d := range days {
		var tot sim.QueueCounts
		for k := range n {
			c := &cells[d][k]
			per[k] = append(per[k], values(*c, w))
			addCounts(&tot, c)
		}
		totals = append(totals, values(tot, w*float64(n)))
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
		m[name] = sim.SummarizeMetric(name, xs)
	}
	return m
}

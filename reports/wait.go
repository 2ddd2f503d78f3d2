package reports

import (
	"fmt"
	"math"

	"github.com/ccsim/ccsim/sim"
)

// zeroBinUpper is the upper edge of the wait histogram's first bin, seconds.
const zeroBinUpper = 1.0 / 128

// upperEdge returns the upper edge of the wait-histogram bin whose lower
// edge is lo. sim splits each doubling from 2^-7 s into 64 equal bins (the
// top six bits of the mantissa), so a bin in [2^e, 2^(e+1)) is 2^(e-6) wide.
func upperEdge(lo float64) float64 {
	if lo <= 0 {
		return zeroBinUpper
	}
	_, exp := math.Frexp(lo) // lo = f·2^exp with f in [0.5, 1)
	return lo + math.Ldexp(1, exp-7)
}

// WaitChart plots the distribution of waits of answered contacts, pooled
// over replications: a histogram of the waits of those who waited and the
// empirical CDF of all, with the service-level threshold marked.
func WaitChart(res *sim.Results) Chart {
	h := res.WaitHistogram
	var total, zero float64
	for i, c := range h.Counts {
		total += float64(c)
		if h.Edges[i] <= 0 {
			zero += float64(c)
		}
	}
	thr := Rule{Label: "threshold " + seconds(res.Threshold), Vertical: true, Value: res.Threshold, Color: cRed}
	hist := Panel{XLabel: "wait (s)", YLabel: "answered contacts (%)", XMin: ptr(0), YMin: ptr(0), Rules: []Rule{thr}}
	cdf := Panel{XLabel: "wait (s)", YLabel: "answered within the wait (%)", XMin: ptr(0), YMin: ptr(0), YMax: ptr(100), Rules: []Rule{thr}}
	c := Chart{Name: "wait-distribution", Title: "Waits of answered contacts (all replications pooled)", Panels: []Panel{hist, cdf}}
	if total == 0 {
		c.Panels[0].Title, c.Panels[1].Title = "Histogram", "Cumulative distribution"
		return c
	}
	limit, width := waitRange(h, total, res.Threshold)
	bars, beyond := rebin(h, total, limit, width)
	bars.Label = fmt.Sprintf("%s s bins", num(width, 3))
	c.Panels[0].Series = []Series{bars}
	c.Panels[0].XMax = ptr(limit)
	c.Panels[0].Title = fmt.Sprintf("Histogram of waits > 0 (%s %% answered at once, %s %% waited over %s s)",
		num(100*zero/total, 3), num(beyond, 2), num(limit, 4))
	line := cdfSeries(h, total, limit)
	at := 100 * cdfAt(h, total, res.Threshold)
	mark := Series{Label: fmt.Sprintf("answered within %s: %s %%", seconds(res.Threshold), num(at, 3)),
		Kind: Points, Color: cRed, X: []float64{res.Threshold}, Y: []float64{at}}
	c.Panels[1].Series = []Series{line, mark}
	c.Panels[1].XMax = ptr(limit)
	c.Panels[1].Title = "Cumulative distribution"
	return c
}

// waitRange picks the histogram's range (about the 99.5th percentile, and
// at least twice the threshold) and a round bin width giving ≤ 40 bins.
func waitRange(h sim.Histogram, total, threshold float64) (limit, width float64) {
	var cum float64
	for i, c := range h.Counts {
		cum += float64(c)
		limit = upperEdge(h.Edges[i])
		if cum >= 0.995*total {
			break
		}
	}
	limit = max(limit, 2*threshold, 1)
	width = roundUp(limit / 40)
	return width * math.Ceil(limit/width), width
}

// roundUp returns the smallest of 1, 2, 2.5 or 5 times a power of ten that is ≥ x.
func roundUp(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

// rebin gathers the positive waits into equal bins up to limit, as shares of
// all answered contacts (%), and returns the share beyond limit.
func rebin(h sim.Histogram, total, limit, width float64) (Series, float64) {
	n := int(math.Round(limit / width))
	s := Series{Kind: Bars, Color: cBlue, Width: width, X: make([]float64, n), Y: make([]float64, n)}
	for i := range s.X {
		s.X[i] = (float64(i) + 0.5) * width
	}
	var beyond float64
	for i, c := range h.Counts {
		lo := h.Edges[i]
		if lo <= 0 {
			continue
		}
		mid := (lo + upperEdge(lo)) / 2
		if k := int(mid / width); k < n {
			s.Y[k] += 100 * float64(c) / total
		} else {
			beyond += 100 * float64(c) / total
		}
	}
	return s, beyond
}

// cdfSeries is the empirical CDF of waits (%) through each bin's upper edge, up to limit.
func cdfSeries(h sim.Histogram, total, limit float64) Series {
	s := Series{Label: "share answered within a wait", Kind: Line, Color: cBlue, X: []float64{0}, Y: []float64{0}}
	var cum float64
	for i, c := range h.Counts {
		lo := h.Edges[i]
		if lo > 0 && lo >= limit {
			break
		}
		cum += float64(c)
		if lo <= 0 {
			s.Y[0] = 100 * cum / total // waits of 0 s (under 8 ms) jump at 0
			continue
		}
		s.X = append(s.X, math.Min(upperEdge(lo), limit))
		s.Y = append(s.Y, 100*cum/total)
	}
	return s
}

// cdfAt is the share of answered contacts who waited at most t seconds,
// interpolated linearly inside the bin holding t.
func cdfAt(h sim.Histogram, total, t float64) float64 {
	var cum float64
	for i, c := range h.Counts {
		lo, up := h.Edges[i], upperEdge(h.Edges[i])
		if up <= t {
			cum += float64(c)
			continue
		}
		if lo < t {
			cum += float64(c) * (t - lo) / (up - lo)
		}
		break
	}
	return cum / total
}

package calibrate

import (
	"math"
	"time"

	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/sim"
)

// ArrivalFit is the arrival profile of one day type.
type ArrivalFit struct {
	Open, Close, Interval time.Duration
	Days                  []int       // the days of this type present in the records
	Counts                [][]float64 // contacts per day (rows, as Days) and interval
	Profile               []sim.Stat  // per interval: mean contacts over the days, 95 % CI
	Daily                 Dispersion  // day-to-day variation of the daily totals
	Inside, Outside       int         // contacts inside and outside the opening hours
}

// Dispersion describes the day-to-day variation of daily totals N.
//
// Under a Poisson process with a fixed daily rate, Var N = E N. When the
// rate itself varies from day to day as a gamma variable with shape α (the
// Poisson-gamma, or negative binomial, model), Var N = m + m²/α. The shape
// is estimated by the method of moments, α̂ = m² / (s² − m), from the mean m
// and the unbiased variance s² of the daily totals; it is +Inf when s² ≤ m
// (no overdispersion seen). Index is s²/m, and PValue the chi-square test of
// the Poisson hypothesis: (n−1)·s²/m ~ χ²(n−1) for n days.
type Dispersion struct {
	Days     int
	Mean     float64 // contacts per day
	Variance float64
	Index    float64 // variance / mean; 1 for Poisson
	Shape    float64 // Poisson-gamma shape α; +Inf: none
	PValue   float64 // of the Poisson (no overdispersion) hypothesis; NaN with fewer than 2 days
}

// openShare is the share of the peak below which an interval counts as
// closed when opening hours are detected.
const openShare = 0.05

// detectHours finds the opening hours of a day type: the span from the first
// to the last interval of the day in which both contacts starting and
// contacts answered reach openShare of their busiest interval (averaged over
// the days). Answers alone would extend the day into the queue's drain after
// closing; arrivals alone into the night, when the bank's VRU still takes
// calls but no agent answers.
func (c *Report) detectHours(days []int, recs []*records.Record) (open, close time.Duration) {
	w := c.Options.Interval.Seconds()
	n := int(math.Round(86400 / w))
	arr, ans := make([]float64, n), make([]float64, n)
	for _, r := range recs {
		if t, ok := c.start(r); ok && t >= 0 && t < 86400 {
			arr[int(t/w)]++
		}
		if a := r.Answer(); a >= 0 && a < 86400 {
			ans[int(a/w)]++
		}
	}
	peakArr, peakAns := maxOf(arr), maxOf(ans)
	first, last := -1, -1
	for i := range n {
		if arr[i] >= openShare*peakArr && arr[i] > 0 && (peakAns == 0 || ans[i] >= openShare*peakAns) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return 0, 24 * time.Hour
	}
	iv := c.Options.Interval
	return time.Duration(first) * iv, time.Duration(last+1) * iv
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// fitArrivals counts contacts per day and interval inside the opening hours.
func (c *Report) fitArrivals(days []int, recs []*records.Record, open, close time.Duration) ArrivalFit {
	iv := c.Options.Interval
	n := int((close - open) / iv)
	f := ArrivalFit{Open: open, Close: close, Interval: iv, Days: days, Counts: make([][]float64, len(days))}
	row := map[int]int{}
	for i, d := range days {
		row[d] = i
		f.Counts[i] = make([]float64, n)
	}
	lo, w := open.Seconds(), iv.Seconds()
	for _, r := range recs {
		t, ok := c.start(r)
		if !ok {
			continue
		}
		k := int(math.Floor((t - lo) / w))
		if t < lo || k >= n {
			f.Outside++
			continue
		}
		f.Inside++
		f.Counts[row[r.Day]][k]++
	}
	f.Profile = make([]sim.Stat, n)
	col := make([]float64, len(days))
	for k := range n {
		for i := range days {
			col[i] = f.Counts[i][k]
		}
		f.Profile[k] = sim.SummarizeMetric(sim.MOffered, col)
	}
	totals := make([]float64, len(days))
	for i := range days {
		for _, x := range f.Counts[i] {
			totals[i] += x
		}
	}
	f.Daily = dispersion(totals)
	return f
}

// dispersion computes the day-to-day dispersion of daily totals.
func dispersion(totals []float64) Dispersion {
	d := Dispersion{Days: len(totals), Shape: math.Inf(1), Index: math.NaN(), PValue: math.NaN(), Variance: math.NaN()}
	n := float64(len(totals))
	if n == 0 {
		return d
	}
	for _, x := range totals {
		d.Mean += x
	}
	d.Mean /= n
	if n < 2 || d.Mean == 0 {
		return d
	}
	ss := 0.0
	for _, x := range totals {
		ss += (x - d.Mean) * (x - d.Mean)
	}
	d.Variance = ss / (n - 1)
	d.Index = d.Variance / d.Mean
	if d.Variance > d.Mean {
		d.Shape = d.Mean * d.Mean / (d.Variance - d.Mean)
	}
	d.PValue = gammaQ((n-1)/2, (n-1)*d.Index/2)
	return d
}

package calibrate

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/scenarios"
)

// WriteSummary writes a plain-text account of the calibration: what was
// read and left out, and every fitted figure with its interval.
func (c *Report) WriteSummary(w io.Writer) error {
	var b strings.Builder
	dropped := 0
	for _, is := range c.Issues {
		if is.Dropped {
			dropped += is.Count
		}
	}
	fmt.Fprintf(&b, "Calibration from %s (%s): %d data lines, %d records used, %d dropped.\n",
		strings.Join(c.Files, ", "), c.Source, c.Lines, c.Used, dropped)
	b.WriteString("\nRecords dropped or repaired while reading:\n")
	records.WriteIssues(&b, c.Issues)
	c.summaryDays(&b)
	c.summaryHandle(&b)
	c.summaryPatience(&b)
	c.summaryFront(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func (c *Report) summaryDays(b *strings.Builder) {
	fmt.Fprintf(b, "\nArrivals per day type (%s intervals; opening hours %s):\n", scenarios.ShortDuration(c.Options.Interval), c.hoursSource())
	for _, d := range c.DayTypes {
		a := d.Arrivals
		peak, at := 0.0, 0
		for i, s := range a.Profile {
			if s.Mean > peak {
				peak, at = s.Mean, i
			}
		}
		fmt.Fprintf(b, "  %-8s %2d days  %s–%s  %.1f contacts a day (variance/mean %.2f, Poisson-gamma shape %s, p %.2g)\n",
			d.Name, len(a.Days), clockString(a.Open), clockString(a.Close), a.Daily.Mean, a.Daily.Index, fmtShape(a.Daily.Shape), a.Daily.PValue)
		fmt.Fprintf(b, "           peak %.1f at %s; %d contacts outside the hours left out\n",
			peak, clockString(a.Open+time.Duration(at)*a.Interval), a.Outside)
		n, sum := 0, 0
		for _, k := range d.Staff.Counts {
			n = max(n, k)
			sum += k
		}
		fmt.Fprintf(b, "           agents: up to %d (mean %.1f) per interval from %s\n", n, float64(sum)/float64(max(1, len(d.Staff.Counts))), d.Staff.Method)
	}
}

func (c *Report) summaryHandle(b *strings.Builder) {
	o := c.Options
	fmt.Fprintf(b, "\nHandle time by type (maximum likelihood on services from %s to %s; best AIC first):\n",
		limitString(o.MinService), limitString(o.MaxService))
	all := append(append([]HandleFit(nil), c.Handle...), c.Pooled)
	wd := 4
	for _, h := range all {
		wd = max(wd, len([]rune(h.Type)))
	}
	fmt.Fprintf(b, "  %-*s %8s %10s %8s  %-9s %-22s %-7s %-7s %s\n", wd, "type", "answered", "rec. mean", "fitted", "family", "mean (95% CI)", "cv", "KS", "ΔAIC")
	for _, h := range all {
		if len(h.Fits) == 0 {
			fmt.Fprintf(b, "  %-*s %8d %10.1f %8d  (no fit)\n", wd, h.Type, h.Answered, h.RecordsMean, h.N())
			continue
		}
		f := h.Best()
		delta := "–"
		if len(h.Fits) > 1 {
			delta = fmt.Sprintf("%.1f vs %s", h.Fits[1].AIC-f.AIC, h.Fits[1].Family)
		}
		fmt.Fprintf(b, "  %-*s %8d %10.1f %8d  %-9s %-22s %-7.3f %-7.4f %s\n", wd, h.Type, h.Answered, h.RecordsMean, h.N(), f.Family,
			fmt.Sprintf("%.1f (%.1f–%.1f)", f.Mean, f.MeanCI[0], f.MeanCI[1]), f.CV, f.KS, delta)
	}
}

func (c *Report) summaryPatience(b *strings.Builder) {
	p := c.Patience
	fmt.Fprintf(b, "\nPatience: Kaplan–Meier from %d waits in the queue, %d abandoned (events), %d answered (censored)\n",
		p.Observations, p.Events, p.Observations-p.Events)
	if p.Observations == 0 {
		return
	}
	fmt.Fprintf(b, "  KM median %s; area under the curve up to the longest wait %.1f s", fmtSecs(p.KMMedian), p.KMMean)
	for _, t := range []float64{30, 60, 120, 300} {
		fmt.Fprintf(b, "; S(%gs) %.3f", t, KMAt(p.KM, t))
	}
	b.WriteString("\n  censored maximum likelihood, best AIC first:\n")
	for _, f := range p.Fits {
		fmt.Fprintf(b, "    %-11s mean %7.1f s (95%% CI %.1f–%.1f), cv %.3f, AIC %.1f; S(60s) %.3f\n",
			f.Family, f.Mean, f.MeanCI[0], f.MeanCI[1], f.CV, f.AIC, f.Survival(60))
	}
}

func (c *Report) summaryFront(b *strings.Builder) {
	f := c.Front
	if f.Sessions == 0 {
		return
	}
	n := float64(f.TotalCount)
	fmt.Fprintf(b, "\nFront end (VRU or bot): %d sessions; of %d contacts %.1f%% queued, %.1f%% answered at once, %.1f%% hung up before the queue, %.1f%% resolved\n",
		f.Sessions, f.TotalCount, 100*float64(f.ToQueue)/n, 100*float64(f.Direct)/n, 100*float64(f.Hangup)/n, 100*float64(f.Contained)/n)
	if best := f.bestFit(); best.Family != "" {
		fmt.Fprintf(b, "  time in it: %s mean %.1f s, cv %.3f, KS %.3f (median of the records %.0f s)\n",
			best.Family, best.Mean, best.CV, best.KS, median(f.Sample))
	}
	if c.Bot {
		b.WriteString("  modelled as the scenario's [bot]\n")
	} else {
		b.WriteString("  not modelled: nobody was resolved in it, so arrivals start at the agent queue\n")
	}
}

func median(sorted []float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	return sorted[len(sorted)/2]
}

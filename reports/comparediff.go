package reports

import (
	"fmt"
	"math"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// Versus is one variant of a comparison against the baseline: the paired
// differences of every metric in total and per interval (sim.Compare).
type Versus struct {
	Baseline string `json:"baseline"` // the baseline run's label
	Variant  string `json:"variant"`  // the variant run's label
	*sim.Comparison
}

// DiffMetrics are the metrics whose paired differences a comparison report
// shows, in order.
func DiffMetrics() []string {
	return []string{sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MOccupancy, sim.MAgentHours, sim.MCost, sim.MCostPerContact}
}

// diffChartMetrics are the metrics with a chart of differences by interval.
func diffChartMetrics() []string { return []string{sim.MServiceLevel, sim.MAbandonRate, sim.MASA} }

// fmtDiff formats a paired difference of metric name with its 95 % CI:
// percentage points for shares, amounts with the currency for money.
func fmtDiff(name string, s sim.Stat, currency string) string {
	if !finite(s.Mean) {
		return "-"
	}
	mi := info(name)
	f := func(v float64) string {
		if math.Abs(v) < 5e-9 {
			v = 0 // rounding noise of an unchanged figure, not a signed difference
		}
		switch {
		case mi.Unit == sim.UnitShare:
			return fmt.Sprintf("%+.1f", 100*v)
		case mi.Unit == sim.UnitMoney:
			return signed(v, money(math.Abs(v), ""))
		case math.Abs(v) >= 100:
			return signed(v, thousands1(math.Abs(v)))
		}
		return fmt.Sprintf("%+.2f", v)
	}
	unit := ""
	switch mi.Unit {
	case sim.UnitShare:
		unit = " pp"
	case sim.UnitSeconds:
		unit = " s"
	case sim.UnitAgentHours:
		unit = " h"
	case sim.UnitMoney:
		if currency != "" {
			unit = " " + currency
		}
	}
	out := f(s.Mean) + unit
	if finite(s.CI95[0]) && finite(s.CI95[1]) {
		out += " [" + f(s.CI95[0]) + ", " + f(s.CI95[1]) + "]"
	}
	return out
}

// signed puts the sign of v before the formatted magnitude abs.
func signed(v float64, abs string) string {
	if v < 0 {
		return "-" + abs
	}
	return "+" + abs
}

// pairedTable is the paired difference of each metric from the baseline,
// in total, one column per variant.
func pairedTable(c Comparison) Table {
	t := Table{ID: "differences", Numeric: true, Columns: []string{"metric"},
		Title:   "Paired differences from " + c.baseline() + " (" + c.period() + ", 95 % CI)",
		Caption: "Variant − baseline, replication by replication on common random numbers; shares in percentage points."}
	for _, v := range c.Diffs {
		t.Columns = append(t.Columns, v.Variant)
	}
	for _, m := range DiffMetrics() {
		row := []string{info(m).Label}
		any := false
		for _, v := range c.Diffs {
			d, ok := v.Metrics[m]
			any = any || ok
			row = append(row, fmtDiff(m, d.Paired, c.currency()))
		}
		if any {
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// intervalDiffTable is the paired difference of service level and
// abandonment per interval for each variant.
func intervalDiffTable(c Comparison) Table {
	t := Table{ID: "interval-differences", Title: "Paired differences per interval", Numeric: true,
		Caption: "Service level and abandonment of " + c.baseline() + ", and each variant's paired difference from it (percentage points, 95 % CI).",
		Columns: []string{"start", "SL " + c.baseline(), "abandon " + c.baseline()}}
	if len(c.Diffs) == 0 {
		return t
	}
	for _, v := range c.Diffs {
		t.Columns = append(t.Columns, "SL diff. "+v.Variant, "abandon diff. "+v.Variant)
	}
	for k, iv := range c.Diffs[0].Intervals {
		row := []string{iv.Start, fmtValue("pct", iv.Metrics[sim.MServiceLevel].Baseline.Mean),
			fmtValue("pct", iv.Metrics[sim.MAbandonRate].Baseline.Mean)}
		for _, v := range c.Diffs {
			m := v.Intervals[k].Metrics
			row = append(row, fmtDiff(sim.MServiceLevel, m[sim.MServiceLevel].Paired, ""),
				fmtDiff(sim.MAbandonRate, m[sim.MAbandonRate].Paired, ""))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// DiffChart plots each variant's paired difference from the baseline in
// metric by interval, with a zero line; bands show the 95 % CIs when there
// are at most three variants.
func DiffChart(metric string, c Comparison) Chart {
	mi := info(metric)
	unit := "s"
	if mi.Unit == sim.UnitShare {
		unit = "pp"
	}
	p := Panel{YLabel: "difference in " + strings.TrimSuffix(strings.TrimSuffix(mi.Axis, " (%)"), " (s)") + " (" + unit + ")",
		Rules: []Rule{{Label: "no difference", Value: 0, Color: cGrey}}}
	var ivs []sim.Interval
	for _, r := range c.Runs[:1] {
		ivs = r.Results.Intervals
	}
	bands := len(c.Diffs) <= 3
	for i, v := range c.Diffs {
		s := Series{Kind: Line, Label: v.Variant, Color: cOrange + i, Dashed: i%2 == 1}
		for k, iv := range v.Intervals {
			d := iv.Metrics[metric].Paired
			if _, ok := iv.Metrics[metric]; !ok {
				d = sim.Summarize(nil)
			}
			s.X, s.Y = append(s.X, float64(k)), append(s.Y, mi.Scale()*d.Mean)
			if bands {
				s.Lo, s.Hi = append(s.Lo, mi.Scale()*d.CI95[0]), append(s.Hi, mi.Scale()*d.CI95[1])
			}
		}
		p.Series = append(p.Series, s)
	}
	intervalAxis(&p, ivs)
	return Chart{
		Name:   "difference-" + chartSlug(metric),
		Title:  fmt.Sprintf("Difference from %s: %s by interval (paired, 95 %% CI)", c.baseline(), mi.Label),
		Panels: []Panel{p},
	}
}

// compareVerdict opens a comparison: each variant's paired differences in
// the key figures, then each run's goal verdict.
func compareVerdict(c Comparison) []string {
	var out []string
	for _, v := range c.Diffs {
		var parts []string
		for _, m := range []string{sim.MServiceLevel, sim.MAbandonRate, sim.MASA, sim.MCost} {
			if d, ok := v.Metrics[m]; ok {
				parts = append(parts, info(m).Label+" "+fmtDiff(m, d.Paired, c.currency()))
			}
		}
		out = append(out, fmt.Sprintf("%s against %s: %s.", v.Variant, v.Baseline, strings.Join(parts, "; ")))
	}
	for _, r := range c.Runs {
		out = append(out, r.Label+": "+goalSentence(r.Results)+" "+effortSentence(r.Results.Metrics, r.Results.Currency))
	}
	return out
}

// baseline is the label of the first run.
func (c Comparison) baseline() string {
	if len(c.Runs) == 0 {
		return "baseline"
	}
	return c.Runs[0].Label
}

func (c Comparison) currency() string {
	if len(c.Runs) == 0 {
		return ""
	}
	return c.Runs[0].Results.Currency
}

func (c Comparison) period() string {
	if len(c.Runs) == 0 {
		return "whole run"
	}
	return period(c.Runs[0].Results)
}

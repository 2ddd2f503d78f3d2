package reports

import (
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/ccsim/ccsim/sim"
)

// Total is the interval label of rows about the whole run (day) in the CSV files.
const Total = "total"

// CSV columns; docs/reports.md "Report directory" documents them.
func replicationColumns() []string { return []string{"replication", "interval", "metric", "value"} }

func summaryColumns() []string {
	return []string{"interval", "scope", "name", "metric", "mean", "ci_low", "ci_high", "n", "unit"}
}

// Scopes of summary.csv rows.
const (
	ScopeCenter  = "center"  // the whole contact center
	ScopeIntent  = "intent"  // one intent, named in the name column
	ScopeGroup   = "group"   // one agent group, named in the name column
	ScopeChannel = "channel" // one channel (voice, chat, ...), whole run only
)

// WriteReplicationsCSV writes one row per replication × interval × metric,
// then the replication's totals with interval "total". Undefined values are
// empty cells.
func WriteReplicationsCSV(w io.Writer, res *sim.Results) error {
	cw := csv.NewWriter(w)
	cw.Write(replicationColumns())
	for _, rep := range res.PerReplication {
		idx := strconv.Itoa(rep.Index)
		for i, v := range rep.Intervals {
			for _, m := range metricOrder(v) {
				cw.Write([]string{idx, intervalLabel(res, i), m, csvFloat(v[m])})
			}
		}
		for _, m := range metricOrder(rep.Metrics) {
			cw.Write([]string{idx, Total, m, csvFloat(rep.Metrics[m])})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteSummaryCSV writes the mean, 95 % confidence interval and number of
// replications of every metric per interval and for the whole run
// ("total"), for the center, each intent and each agent group, and for the
// whole run each channel.
func WriteSummaryCSV(w io.Writer, res *sim.Results) error {
	cw := csv.NewWriter(w)
	cw.Write(summaryColumns())
	writeSummaryRows(cw, nil, res)
	cw.Flush()
	return cw.Error()
}

// WriteCompareCSV writes the summary rows of several runs, each row led by
// the run's label.
func WriteCompareCSV(w io.Writer, runs []Run) error {
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"run"}, summaryColumns()...))
	for _, r := range runs {
		writeSummaryRows(cw, []string{r.Label}, r.Results)
	}
	cw.Flush()
	return cw.Error()
}

func writeSummaryRows(cw *csv.Writer, lead []string, res *sim.Results) {
	block := func(interval string, center sim.Metrics, intents, groups, channels []sim.Named) {
		rows := func(scope, name string, m sim.Metrics) {
			for _, k := range metricOrder(m) {
				s := m[k]
				cw.Write(append(slices.Clip(lead), interval, scope, name, k,
					csvFloat(s.Mean), csvFloat(s.CI95[0]), csvFloat(s.CI95[1]), strconv.Itoa(s.N), unitOf(k, res.Currency)))
			}
		}
		rows(ScopeCenter, "", center)
		for _, n := range intents {
			rows(ScopeIntent, n.Name, n.Metrics)
		}
		for _, n := range groups {
			rows(ScopeGroup, n.Name, n.Metrics)
		}
		for _, n := range channels {
			rows(ScopeChannel, n.Name, n.Metrics)
		}
	}
	for i, iv := range res.Intervals {
		block(intervalLabel(res, i), iv.Metrics, iv.Intents, iv.Groups, nil)
	}
	block(Total, res.Metrics, res.Intents, res.Groups, res.Channels)
}

// intervalLabel is the start of interval i, or its index if unknown.
func intervalLabel(res *sim.Results, i int) string {
	if i < len(res.Intervals) && res.Intervals[i].Start != "" {
		return res.Intervals[i].Start
	}
	return strconv.Itoa(i)
}

// metricOrder lists the keys of m: known metrics in display order, then any others sorted.
func metricOrder[V any](m map[string]V) []string {
	var out []string
	for _, k := range sim.MetricNames() {
		if _, ok := m[k]; ok {
			out = append(out, k)
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(out, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// csvFloat writes v in the shortest exact form, or an empty cell if undefined.
func csvFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// WriteDifferencesCSV writes each variant's paired difference from the
// baseline: one row per variant × interval (and "total") × metric, with the
// 95 % CI, the number of pairs and the unit (the currency for money).
func WriteDifferencesCSV(w io.Writer, c Comparison) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"variant", "baseline", "interval", "metric", "mean", "ci_low", "ci_high", "n", "unit"})
	rows := func(v Versus, interval string, m map[string]sim.Diff) {
		for _, k := range metricOrder(m) {
			d := m[k].Paired
			cw.Write([]string{v.Variant, v.Baseline, interval, k, csvFloat(d.Mean), csvFloat(d.CI95[0]), csvFloat(d.CI95[1]),
				strconv.Itoa(d.N), unitOf(k, c.currency())})
		}
	}
	for _, v := range c.Diffs {
		for _, iv := range v.Intervals {
			rows(v, iv.Start, iv.Metrics)
		}
		rows(v, Total, v.Metrics)
	}
	cw.Flush()
	return cw.Error()
}

// unitOf is the unit of metric name in CSV files: the metric table's unit,
// or the currency for money.
func unitOf(name, currency string) string {
	u := string(info(name).Unit)
	if u == string(sim.UnitMoney) && currency != "" {
		return currency
	}
	return u
}

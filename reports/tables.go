package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// Table is a titled grid of formatted cells, shown in the HTML and PDF reports.
type Table struct {
	ID      string // HTML id, e.g. "intervals"
	Title   string
	Caption string // a sentence under the title; may be empty
	Columns []string
	Rows    [][]string
	Numeric bool // right-align every column but the first
}

// HasHeader reports whether the table has column titles to show.
func (t Table) HasHeader() bool { return strings.Join(t.Columns, "") != "" }

// factsTable describes the scenario and how it was run, as name/value rows.
func factsTable(res *sim.Results) Table {
	t := Table{ID: "scenario", Title: "Scenario", Columns: []string{"", ""}}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	add("scenario", res.Scenario)
	if p := res.Provenance; p != nil {
		add("source", p.Source)
		add("sha256", p.SHA256)
		if len(p.Overrides) > 0 {
			add("overrides", strings.Join(p.Overrides, ", "))
		}
		if p.Tool != "" {
			add("tool", p.Tool)
		}
	}
	add("replications", strconv.Itoa(res.Replications))
	add("seed", strconv.FormatUint(res.Seed, 10))
	add("service level", fmt.Sprintf("answered within %s, target %s %%, definition %q",
		seconds(res.Threshold), num(100*res.Target, 3), definition(res)))
	if res.Horizon > 0 {
		add("run", fmt.Sprintf("steady state: horizon %s, warm-up %s discarded", dur(res.Horizon), dur(res.Warmup)))
	} else {
		add("run", "a day from opening, starting empty; contacts present at closing are served to the end")
	}
	if n := len(res.Intervals); n > 0 {
		add("intervals", fmt.Sprintf("%d, from %s to %s", n, res.Intervals[0].Start, res.Intervals[n-1].Start))
	} else {
		add("intervals", "none")
	}
	add("intents", namesOf(res.Intents))
	add("agent groups", namesOf(res.Groups))
	add("events simulated", thousands(float64(res.Events)))
	return t
}

func namesOf(ns []sim.Named) string {
	s := ""
	for i, n := range ns {
		if i > 0 {
			s += ", "
		}
		s += n.Name
	}
	if s == "" {
		return "-"
	}
	return s
}

// dur formats seconds as a Go duration, e.g. "2h0m0s".
func dur(s float64) string { return time.Duration(s * float64(time.Second)).String() }

// kpiTable lists the key figures of the whole run with their 95 % CIs.
func kpiTable(res *sim.Results) Table {
	t := Table{ID: "kpis", Title: "Key figures (" + period(res) + ")", Columns: []string{"metric", "mean", "95 % CI"}, Numeric: true}
	for _, r := range summaryRows {
		s, ok := res.Metrics[r.name]
		if !ok || !shown(r.name, s) {
			continue
		}
		t.Rows = append(t.Rows, []string{r.label, fmtValue(r.format, s.Mean), fmtCI(r.format, s)})
	}
	return t
}

// fmtCI formats a confidence interval as "[a, b]", or "-" if undefined.
func fmtCI(format string, s sim.Stat) string {
	if math.IsNaN(s.CI95[0]) || math.IsNaN(s.CI95[1]) {
		return "-"
	}
	return ciText(fmtValue(format, s.CI95[0]), fmtValue(format, s.CI95[1]))
}

// ciText writes an interval's formatted bounds as "[a, b]", or as
// "[a – b]" when a bound has a thousands separator ("[7,158 – 7,243]").
func ciText(lo, hi string) string {
	if strings.Contains(lo+hi, ",") {
		return "[" + lo + " – " + hi + "]"
	}
	return "[" + lo + ", " + hi + "]"
}

// metricTable is one row per named part (interval, intent, group) and one
// column per metric: means over replications.
func metricTable(id, title, first string, cols []string, rows []namedMetrics) Table {
	t := Table{ID: id, Title: title, Caption: "Means over replications.", Columns: []string{first}, Numeric: true}
	for _, c := range cols {
		t.Columns = append(t.Columns, columnFormat(c)[0])
	}
	for _, r := range rows {
		cells := []string{r.name}
		for _, c := range cols {
			cells = append(cells, fmtValue(columnFormat(c)[1], stat(r.m, c).Mean))
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// intervalCols, intentCols and groupCols are the columns of the detail tables.
func intervalCols() []string {
	return []string{sim.MOffered, sim.MToHuman, sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MQueueLength, sim.MOccupancy, sim.MAgents}
}

func intentCols() []string {
	return []string{sim.MOffered, sim.MBotContainment, sim.MToHuman, sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MMeanHandle}
}

func groupCols() []string { return []string{sim.MAgents, sim.MOccupancy} }

func channelCols() []string {
	return []string{sim.MOffered, sim.MToHuman, sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MMeanHandle}
}

// detailTables are the per-interval, per-intent and per-group tables.
func detailTables(res *sim.Results) []Table {
	ivs := make([]namedMetrics, len(res.Intervals))
	for i, iv := range res.Intervals {
		ivs[i] = namedMetrics{iv.Start, iv.Metrics}
	}
	ts := []Table{
		metricTable("intervals", "Per interval", "start", intervalCols(), ivs),
		metricTable("intents", "Per intent", "intent", intentCols(), named(res.Intents)),
		metricTable("groups", "Per agent group", "group", groupCols(), named(res.Groups)),
	}
	if len(res.Channels) > 0 {
		ts = append(ts, metricTable("channels", "Per channel", "channel", channelCols(), named(res.Channels)))
	}
	return ts
}

func named(ns []sim.Named) []namedMetrics {
	out := make([]namedMetrics, len(ns))
	for i, n := range ns {
		out[i] = namedMetrics{n.Name, n.Metrics}
	}
	return out
}

// compareTable puts the key figures of several runs side by side.
func compareTable(runs []Run) Table {
	t := Table{ID: "kpis", Title: "Key figures (mean and 95 % CI)", Columns: []string{"metric"}, Numeric: true}
	for _, r := range runs {
		t.Columns = append(t.Columns, r.Label)
	}
	for _, row := range summaryRows {
		cells := []string{row.label}
		show := false
		for _, r := range runs {
			s, ok := r.Results.Metrics[row.name]
			show = show || (ok && shown(row.name, s))
			cell := fmtValue(row.format, stat(r.Results.Metrics, row.name).Mean)
			if ci := fmtCI(row.format, s); ok && ci != "-" {
				cell += " " + ci
			}
			cells = append(cells, cell)
		}
		if show {
			t.Rows = append(t.Rows, cells)
		}
	}
	for _, name := range []string{sim.MAgentHours, sim.MCost, sim.MCostPerContact} {
		cells := []string{info(name).Label}
		show := false
		for _, r := range runs {
			s, ok := r.Results.Metrics[name]
			show = show || ok
			cells = append(cells, fmtMetric(name, s.Mean, r.Results.Currency)+" "+metricCI(name, s))
		}
		if show {
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}

// metricCI formats the interval of a stat of metric name as its table cells do.
func metricCI(name string, s sim.Stat) string {
	if info(name).Unit == sim.UnitMoney {
		return moneyCI(s, "")
	}
	return fmtCI(info(name).Format, s)
}

// runsTable describes each run of a comparison.
func runsTable(runs []Run) Table {
	t := Table{ID: "runs", Title: "Runs", Columns: []string{"run", "scenario", "replications", "seed", "intervals", "service level"}}
	for _, r := range runs {
		res := r.Results
		t.Rows = append(t.Rows, []string{r.Label, res.Scenario, strconv.Itoa(res.Replications),
			strconv.FormatUint(res.Seed, 10), strconv.Itoa(len(res.Intervals)),
			fmt.Sprintf("within %s, target %s %%, %s", seconds(res.Threshold), num(100*res.Target, 3), definition(res))})
	}
	return t
}

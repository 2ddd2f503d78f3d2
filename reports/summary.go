// Package reports renders simulation results, staffing curves and plans,
// calibrations and comparisons as text, tables, charts (gonum/plot: PNG,
// SVG, PDF) and HTML, PDF, CSV and JSON documents. It renders only: what it
// shows is computed before it is called (by sim, sim/staff and calibrate),
// and it runs no simulation.
package reports

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/ccsim/ccsim/sim"
)

// summaryRows are the metrics of the text summary, with their labels and
// formats from sim's metric table.
var summaryRows = metricRows(sim.MOffered, sim.MSentToBot, sim.MContainedPerSession, sim.MBotContainment, sim.MEscalationRate, sim.MToHuman,
	sim.MServiceLevel, sim.MPWait, sim.MASA, sim.MWaitP90, sim.MAbandonRate, sim.MQueueLength, sim.MOccupancy,
	sim.MMeanHandle, sim.MRetrials, sim.MCallbacksOffered, sim.MCallbacks, sim.MEmotionalShare, sim.MSatisfaction,
	sim.MDetractors, sim.MFCR, sim.MRepeats)

// summaryRow is one metric of a summary: its name, label and format.
type summaryRow struct{ name, label, format string }

// metricRows looks the metrics up in sim's metric table.
func metricRows(names ...string) []summaryRow {
	rows := make([]summaryRow, len(names))
	for i, n := range names {
		m, _ := sim.Metric(n)
		rows[i] = summaryRow{n, m.Label, m.Format}
	}
	return rows
}

// optional metrics are shown only when the scenario uses their feature.
var optional = map[string]bool{sim.MSentToBot: true, sim.MRetrials: true, sim.MCallbacksOffered: true, sim.MCallbacks: true,
	sim.MEmotionalShare: true, sim.MRepeats: true, sim.MFCR: true}

// undefinedHidden are metrics left out of the summaries when undefined:
// satisfaction without its model, the bot's figures without a bot.
var undefinedHidden = map[string]bool{sim.MSatisfaction: true, sim.MDetractors: true, sim.MContainedPerSession: true,
	sim.MBotContainment: true, sim.MEscalationRate: true}

// shown reports whether the summaries show metric name with value s: an
// optional metric only when the scenario uses its feature, satisfaction
// and detractors only when defined.
func shown(name string, s sim.Stat) bool {
	switch {
	case optional[name] && (s.Mean == 0 || (name == sim.MFCR && s.Mean == 1)):
		return false
	case undefinedHidden[name] && math.IsNaN(s.Mean):
		return false
	}
	return true
}

// fmtValue formats v with format f ("pct" for a percentage); undefined values print as "-".
func fmtValue(f string, v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	if f == "pct" {
		return fmt.Sprintf("%.1f%%", 100*v)
	}
	if f == "%.0f" && math.Abs(v) >= 1000 {
		return thousands(v)
	}
	return fmt.Sprintf(f, v)
}

// WriteSummary prints a readable summary of res: the verdict, totals with
// confidence intervals, agent-hours and costs, then one line per interval
// and per intent.
func WriteSummary(w io.Writer, res *sim.Results) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "%s\n%d replications, seed %d; service level: answered within %gs, definition %q, target %.0f%%\n\n",
		res.Provenance.Label(res.Scenario), res.Replications, res.Seed, res.Threshold, res.Definition, 100*res.Target)
	if p := res.Provenance; p != nil {
		fmt.Fprintf(ew, "source %s (sha256 %.12s)", p.Source, p.SHA256)
		if p.Tool != "" {
			fmt.Fprintf(ew, ", %s", p.Tool)
		}
		fmt.Fprint(ew, "\n\n")
	}
	for _, v := range runVerdict(res) {
		fmt.Fprintln(ew, v)
	}
	fmt.Fprintln(ew)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tmean\t95% CI\t")
	for _, r := range summaryRows {
		s, ok := res.Metrics[r.name]
		if !ok || !shown(r.name, s) {
			continue
		}
		ci := fmtCI(r.format, s)
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", r.label, fmtValue(r.format, s.Mean), ci)
	}
	tw.Flush()
	writeCostsText(ew, res)
	if len(res.Intervals) > 0 {
		fmt.Fprintln(ew, "\nPer interval (means over replications):")
		cols := []string{sim.MOffered, sim.MToHuman, sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MQueueLength, sim.MOccupancy, sim.MAgents}
		rows := make([]namedMetrics, len(res.Intervals))
		for i, iv := range res.Intervals {
			rows[i] = namedMetrics{iv.Start, iv.Metrics}
		}
		writeTable(ew, "start", cols, rows)
	}
	if len(res.Channels) > 1 {
		fmt.Fprintln(ew, "\nPer channel (service level by each channel's own threshold):")
		cols := []string{sim.MOffered, sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MMeanHandle}
		rows := make([]namedMetrics, len(res.Channels))
		for i, c := range res.Channels {
			rows[i] = namedMetrics{c.Name, c.Metrics}
		}
		writeTable(ew, "channel", cols, rows)
	}
	if len(res.Groups) > 1 || hasSchedule(res) {
		fmt.Fprintln(ew, "\nPer agent group:")
		cols := []string{sim.MScheduled, sim.MAgents, sim.MBusy, sim.MOccupancy, sim.MAnswered, sim.MEmotionalShare, sim.MComplexShare}
		rows := make([]namedMetrics, len(res.Groups))
		for i, g := range res.Groups {
			rows[i] = namedMetrics{g.Name, g.Metrics}
		}
		writeTable(ew, "group", cols, rows)
	}
	if len(res.Intents) > 1 {
		fmt.Fprintln(ew, "\nPer intent (means over replications):")
		cols := []string{sim.MOffered, sim.MBotContainment, sim.MToHuman, sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MMeanHandle}
		if _, ok := res.Metrics[sim.MSatisfaction]; ok && !math.IsNaN(res.Metrics[sim.MSatisfaction].Mean) {
			cols = append(cols, sim.MSatisfaction)
		}
		rows := make([]namedMetrics, len(res.Intents))
		for i, in := range res.Intents {
			rows[i] = namedMetrics{in.Name, in.Metrics}
		}
		writeTable(ew, "intent", cols, rows)
	}
	return ew.err
}

type namedMetrics struct {
	name string
	m    sim.Metrics
}

// columnFormat gives a table column its header (the metric's short label)
// and format, from sim's metric table.
func columnFormat(name string) [2]string {
	m, _ := sim.Metric(name)
	return [2]string{m.Short, m.Format}
}

// hasSchedule reports whether scheduled and available agents differ (shifts, breaks, shrinkage).
func hasSchedule(res *sim.Results) bool {
	for _, g := range res.Groups {
		if math.Abs(g.Metrics[sim.MScheduled].Mean-g.Metrics[sim.MAgents].Mean) > 1e-9 {
			return true
		}
	}
	return false
}

func writeTable(w io.Writer, first string, cols []string, rows []namedMetrics) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{first}
	for _, c := range cols {
		head = append(head, columnFormat(c)[0])
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, r := range rows {
		cells := []string{r.name}
		for _, c := range cols {
			cells = append(cells, fmtValue(columnFormat(c)[1], r.m[c].Mean))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	tw.Flush()
}

// errWriter remembers the first write error so callers check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

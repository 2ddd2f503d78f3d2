// Package reports renders simulation results and workshop debriefs as text, charts and documents.
package reports

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/ccsim/ccsim/sim"
)

// summaryRows are the metrics of the text summary with their formats.
var summaryRows = []struct{ name, label, format string }{
	{sim.MOffered, "contacts offered", "%.0f"},
	{sim.MSentToBot, "sent to the bot", "%.0f"},
	{sim.MBotContainment, "bot containment", "pct"},
	{sim.MEscalationRate, "escalation rate", "pct"},
	{sim.MToHuman, "reached the human queue", "%.0f"},
	{sim.MServiceLevel, "service level", "pct"},
	{sim.MPWait, "P(wait)", "pct"},
	{sim.MASA, "ASA (s)", "%.1f"},
	{sim.MWaitP90, "wait p90 (s)", "%.1f"},
	{sim.MAbandonRate, "abandon rate", "pct"},
	{sim.MQueueLength, "mean queue length", "%.2f"},
	{sim.MOccupancy, "occupancy", "pct"},
	{sim.MMeanHandle, "human handle time (s)", "%.0f"},
	{sim.MRetrials, "retrials", "%.0f"},
	{sim.MCallbacksOffered, "callbacks offered", "%.0f"},
	{sim.MCallbacks, "answered by callback", "%.0f"},
	{sim.MEmotionalShare, "emotionally charged", "pct"},
	{sim.MSatisfaction, "satisfaction (0-10)", "%.2f"},
	{sim.MDetractors, "detractors", "pct"},
	{sim.MFCR, "first-contact resolution", "pct"},
	{sim.MRepeats, "repeat contacts", "%.0f"},
}

// optional metrics are shown only when the scenario uses their feature.
var optional = map[string]bool{sim.MSentToBot: true, sim.MRetrials: true, sim.MCallbacksOffered: true, sim.MCallbacks: true,
	sim.MEmotionalShare: true, sim.MRepeats: true, sim.MFCR: true}

// shown reports whether the summaries show metric name with value s: an
// optional metric only when the scenario uses its feature, satisfaction
// and detractors only when defined.
func shown(name string, s sim.Stat) bool {
	switch {
	case optional[name] && (s.Mean == 0 || (name == sim.MFCR && s.Mean == 1)):
		return false
	case (name == sim.MSatisfaction || name == sim.MDetractors) && math.IsNaN(s.Mean):
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
	return fmt.Sprintf(f, v)
}

// WriteSummary prints a readable summary of res: totals with confidence
// intervals, then one line per interval and per intent.
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
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tmean\t95% CI\t")
	for _, r := range summaryRows {
		s, ok := res.Metrics[r.name]
		if !ok || !shown(r.name, s) {
			continue
		}
		ci := "-"
		if !math.IsNaN(s.CI95[0]) {
			ci = "[" + fmtValue(r.format, s.CI95[0]) + ", " + fmtValue(r.format, s.CI95[1]) + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", r.label, fmtValue(r.format, s.Mean), ci)
	}
	tw.Flush()
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

// columnFormat gives each table column its label and format.
var columnFormat = map[string][2]string{
	sim.MOffered: {"offered", "%.0f"}, sim.MToHuman: {"to human", "%.0f"}, sim.MServiceLevel: {"SL", "pct"},
	sim.MASA: {"ASA s", "%.1f"}, sim.MAbandonRate: {"abandon", "pct"}, sim.MQueueLength: {"queue", "%.2f"},
	sim.MOccupancy: {"occupancy", "pct"}, sim.MAgents: {"agents", "%.1f"}, sim.MBotContainment: {"bot contained", "pct"},
	sim.MMeanHandle: {"AHT s", "%.0f"}, sim.MScheduled: {"scheduled", "%.1f"}, sim.MBusy: {"busy", "%.1f"},
	sim.MAnswered: {"answered", "%.0f"}, sim.MEmotionalShare: {"emotional", "pct"}, sim.MComplexShare: {"complex", "pct"},
	sim.MSatisfaction: {"satisfaction", "%.2f"},
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
		head = append(head, columnFormat[c][0])
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, r := range rows {
		cells := []string{r.name}
		for _, c := range cols {
			cells = append(cells, fmtValue(columnFormat[c][1], r.m[c].Mean))
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

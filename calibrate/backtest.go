package calibrate

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// Backtest puts a day type's recorded service side by side with a
// simulation of its calibrated scenario, run with the fitted staffing.
type Backtest struct {
	DayType   string
	Days      int      // recorded days of the type
	Labels    []string // interval starts, "07:00"
	Observed  Observed
	Simulated *sim.Results
}

// BacktestMetrics are the figures a back-test compares, in table order.
var BacktestMetrics = []string{sim.MToHuman, sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MQueueLength}

// Backtest simulates the scenario of a day type ("" for the one with most
// days) and pairs its figures with the recorded ones.
func (c *Report) Backtest(ctx context.Context, dayType string, opts sim.Options) (*Backtest, error) {
	f, err := c.DayType(dayType)
	if err != nil {
		return nil, err
	}
	res, err := sim.Run(ctx, f.Scenario, opts)
	if err != nil {
		return nil, fmt.Errorf("back-test of %s: %w", f.Name, err)
	}
	b := &Backtest{DayType: f.Name, Days: len(f.Arrivals.Days), Observed: f.Observed, Simulated: res}
	for i := range f.Scenario.Intervals() {
		b.Labels = append(b.Labels, f.Scenario.IntervalStart(i))
	}
	return b, nil
}

// Pair returns the observed and simulated figures of a metric in interval
// i, or for the whole day when i < 0.
func (b *Backtest) Pair(metric string, i int) (obs, simulated sim.Stat) {
	if i < 0 {
		return b.Observed.Total[metric], b.Simulated.Metrics[metric]
	}
	return b.Observed.Intervals[i][metric], b.Simulated.Intervals[i].Metrics[metric]
}

// backtestColumns are the table's metric columns: header (the metric's
// short label from sim's metric table), metric, and how to format a value.
// Contacts to agents are headed "offered" (offered to the agents) and shown
// to one decimal, ASA to whole seconds: means over days of a busy queue.
var backtestColumns = []struct {
	head, metric string
	format       func(float64) string
}{
	{"offered", sim.MToHuman, func(x float64) string { return fmt.Sprintf("%.1f", x) }},
	{short(sim.MServiceLevel), sim.MServiceLevel, pct},
	{short(sim.MASA), sim.MASA, func(x float64) string { return fmt.Sprintf("%.0f", x) }},
	{short(sim.MAbandonRate), sim.MAbandonRate, pct},
	{short(sim.MQueueLength), sim.MQueueLength, func(x float64) string { return fmt.Sprintf("%.2f", x) }},
}

// short is a metric's short label.
func short(name string) string {
	m, _ := sim.Metric(name)
	return m.Short
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// WriteTable writes the back-test as a table: one row per interval and a
// total row, each cell "observed / simulated". With markdown it writes a
// Markdown table, else aligned text.
func (b *Backtest) WriteTable(w io.Writer, markdown bool) error {
	head := []string{"interval"}
	for _, c := range backtestColumns {
		head = append(head, c.head+" obs / sim")
	}
	rows := [][]string{head}
	row := func(label string, i int) []string {
		r := []string{label}
		for _, c := range backtestColumns {
			o, s := b.Pair(c.metric, i)
			r = append(r, cell(c.format, o.Mean)+" / "+cell(c.format, s.Mean))
		}
		return r
	}
	for i, l := range b.Labels {
		rows = append(rows, row(l, i))
	}
	rows = append(rows, row("day", -1))
	return writeGrid(w, rows, markdown)
}

// WriteTotals writes the whole-day figures with their 95 % intervals:
// over the recorded days, and over the simulated replications.
func (b *Backtest) WriteTotals(w io.Writer, markdown bool) error {
	rows := [][]string{{"whole day (" + b.DayType + ")", fmt.Sprintf("observed (%d days)", b.Days),
		fmt.Sprintf("simulated (%d replications)", b.Simulated.Replications)}}
	for _, c := range backtestColumns {
		o, s := b.Pair(c.metric, -1)
		rows = append(rows, []string{c.head, withCI(c.format, o), withCI(c.format, s)})
	}
	return writeGrid(w, rows, markdown)
}

func cell(format func(float64) string, x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return format(x)
}

func withCI(format func(float64) string, s sim.Stat) string {
	if math.IsNaN(s.CI95[0]) {
		return cell(format, s.Mean)
	}
	return fmt.Sprintf("%s (%s–%s)", cell(format, s.Mean), cell(format, s.CI95[0]), cell(format, s.CI95[1]))
}

// writeGrid writes rows (the first is the header) as Markdown or aligned text.
func writeGrid(w io.Writer, rows [][]string, markdown bool) error {
	var sb strings.Builder
	if markdown {
		for i, r := range rows {
			sb.WriteString("| " + strings.Join(r, " | ") + " |\n")
			if i == 0 {
				sb.WriteString("|" + strings.Repeat("---|", len(r)) + "\n")
			}
		}
		_, err := io.WriteString(w, sb.String())
		return err
	}
	width := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, c := range r {
			width[j] = max(width[j], len([]rune(c)))
		}
	}
	for _, r := range rows {
		for j, c := range r {
			pad := width[j] - len([]rune(c))
			if j == 0 {
				sb.WriteString(c + strings.Repeat(" ", pad))
			} else {
				sb.WriteString("  " + strings.Repeat(" ", pad) + c)
			}
		}
		sb.WriteString("\n")
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

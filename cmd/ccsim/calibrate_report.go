package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
)

// writeCalibrationReport writes into dir: summary.txt, a scenario per day
// type, the Kaplan–Meier curve as CSV, a back-test table per day type (if
// any) and the charts as PNG and SVG.
func writeCalibrationReport(dir string, cal *scenarios.Calibration, backtests []*scenarios.Backtest) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var sb strings.Builder
	if err := cal.WriteSummary(&sb); err != nil {
		return err
	}
	files := map[string][]byte{"summary.txt": []byte(sb.String()), "kaplan-meier.csv": kmCSV(cal.Patience.KM)}
	for _, d := range cal.DayTypes {
		data, err := cal.ScenarioTOML(d.Name)
		if err != nil {
			return err
		}
		files["scenario-"+d.Name+".toml"] = data
	}
	for _, b := range backtests {
		var md strings.Builder
		fmt.Fprintf(&md, "# Back-test: %s\n\nObserved: mean over %d recorded days; simulated: mean over %d replications. Cells are observed / simulated.\n\n",
			b.DayType, b.Days, b.Simulated.Replications)
		if err := b.WriteTotals(&md, true); err != nil {
			return err
		}
		md.WriteString("\n")
		if err := b.WriteTable(&md, true); err != nil {
			return err
		}
		files["backtest-"+b.DayType+".md"] = []byte(md.String())
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	for _, ch := range reports.CalibrationCharts(chartData(cal, backtests)) {
		for _, f := range []reports.Format{reports.PNG, reports.SVG} {
			if err := renderFile(filepath.Join(dir, ch.Name+"."+string(f)), ch, f); err != nil {
				return err
			}
		}
	}
	return nil
}

func renderFile(path string, ch reports.Chart, f reports.Format) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := reports.Render(out, ch, f); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func kmCSV(steps []scenarios.KMStep) []byte {
	var b strings.Builder
	b.WriteString("seconds,at_risk,abandoned,answered,survival,ci95_low,ci95_high\n")
	for _, s := range steps {
		fmt.Fprintf(&b, "%g,%d,%d,%d,%.6f,%.6f,%.6f\n", s.T, s.AtRisk, s.Events, s.Censored, s.S, s.CI[0], s.CI[1])
	}
	return []byte(b.String())
}

// chartData converts a calibration into the plain figures the charts plot.
func chartData(cal *scenarios.Calibration, backtests []*scenarios.Backtest) reports.Calibration {
	var c reports.Calibration
	for _, d := range cal.DayTypes {
		a, st := d.Arrivals, d.Staff
		var labels []string
		for i := range d.Scenario.Intervals() {
			labels = append(labels, d.Scenario.IntervalStart(i))
		}
		c.Days = append(c.Days, reports.CalibrationDay{DayType: d.Name, Labels: labels, Days: a.Counts, Fitted: a.Profile,
			Busy: st.Busy, Peak: st.Peak, WhileQueued: st.WhileQueued, Distinct: st.Distinct, Agents: st.Counts})
	}
	for _, h := range cal.Handle {
		if h.N() == 0 {
			continue
		}
		c.Handle = append(c.Handle, reports.HandleFit{Type: h.Type, Sample: h.Sample, LeftOut: h.LeftOut, Fits: fitted(h.Fits)})
	}
	p := cal.Patience
	c.Patience = reports.PatienceFit{Events: p.Events, N: p.Observations, Fits: fitted(p.Fits)}
	for _, s := range p.KM {
		c.Patience.T = append(c.Patience.T, s.T)
		c.Patience.S = append(c.Patience.S, s.S)
		c.Patience.Lo = append(c.Patience.Lo, s.CI[0])
		c.Patience.Hi = append(c.Patience.Hi, s.CI[1])
		if s.AtRisk >= 30 { // beyond, the curve rests on a handful of customers
			c.Patience.MaxT = s.T
		}
	}
	for _, b := range backtests {
		bt := reports.Backtest{DayType: b.DayType, Labels: b.Labels, Observed: b.Observed.Intervals, Threshold: b.Simulated.Threshold}
		for _, iv := range b.Simulated.Intervals {
			bt.Simulated = append(bt.Simulated, iv.Metrics)
		}
		c.Backtests = append(c.Backtests, bt)
	}
	return c
}

// fitted labels fits for the charts.
func fitted(fits []scenarios.Fit) []reports.Fitted {
	var out []reports.Fitted
	for _, f := range fits {
		label := fmt.Sprintf("%s: mean %.0f s, cv %.2f", f.Family, f.Mean, f.CV)
		if f.KS > 0 {
			label += fmt.Sprintf(", KS %.3f", f.KS)
		}
		out = append(out, reports.Fitted{Label: label, PDF: f.PDF, Survival: f.Survival})
	}
	return out
}

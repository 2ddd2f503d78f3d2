package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccsim/ccsim/calibrate"
	"github.com/ccsim/ccsim/reports"
)

// writeCalibrationReport writes into dir: report.html and report.pdf (opening
// with the back-tests' verdict), summary.txt, calibration.json, a scenario per day
// type, the Kaplan–Meier curve as CSV, a back-test table per day type (if
// any) and the charts as PNG and SVG.
func writeCalibrationReport(dir string, cal *calibrate.Report, backtests []*calibrate.Backtest) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var sb strings.Builder
	if err := cal.WriteSummary(&sb); err != nil {
		return err
	}
	doc, err := json.MarshalIndent(cal.Document(backtests), "", "  ")
	if err != nil {
		return err
	}
	files := map[string][]byte{"summary.txt": []byte(sb.String()), "kaplan-meier.csv": kmCSV(cal.Patience.KM),
		"calibration.json": append(doc, '\n')}
	for _, d := range cal.DayTypes {
		data, err := cal.ScenarioTOML(d.Name)
		if err != nil {
			return err
		}
		files["scenario-"+d.Name+".toml"] = data
	}
	for _, b := range backtests {
		var md strings.Builder
		fmt.Fprintf(&md, "# Back-test: %s\n\n%s\n\nObserved: mean over %d recorded days; simulated: mean over %d replications. Cells are observed / simulated.\n\n",
			b.DayType, reports.BacktestVerdict(b), b.Days, b.Simulated.Replications)
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
	if _, err := writeFiles(dir, reports.Calibration{Report: cal, Backtests: backtests}.Files(nil)); err != nil {
		return err
	}
	for _, ch := range reports.CalibrationCharts(cal, backtests) {
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

func kmCSV(steps []calibrate.KMStep) []byte {
	var b strings.Builder
	b.WriteString("seconds,at_risk,abandoned,answered,survival,ci95_low,ci95_high\n")
	for _, s := range steps {
		fmt.Fprintf(&b, "%g,%d,%d,%d,%.6f,%.6f,%.6f\n", s.T, s.AtRisk, s.Events, s.Censored, s.S, s.CI[0], s.CI[1])
	}
	return []byte(b.String())
}

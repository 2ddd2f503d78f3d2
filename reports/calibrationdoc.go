package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/calibrate"
	"github.com/ccsim/ccsim/sim"
)

// Calibration is a calibration and its back-tests to render as a report.
type Calibration struct {
	Report    *calibrate.Report
	Backtests []*calibrate.Backtest
}

// Files lists report.html and report.pdf of the calibration in the given
// formats (nil: both); the charts are written by the caller.
func (c Calibration) Files(formats []Format) []File {
	var only []Format
	for _, f := range []Format{HTML, PDF} {
		if has(formats, f) {
			only = append(only, f)
		}
	}
	if len(only) == 0 {
		return nil
	}
	return documentFiles(c.document(), only)
}

func (c Calibration) document() document {
	r := c.Report
	facts := Table{ID: "records", Title: "Records", Columns: []string{"", ""}}
	add := func(k, v string) { facts.Rows = append(facts.Rows, []string{k, v}) }
	add("source", r.Source)
	add("files", strings.Join(r.Files, ", "))
	add("lines read", thousands(float64(r.Lines)))
	add("records used", thousands(float64(r.Used)))
	var days []string
	for _, d := range r.DayTypes {
		days = append(days, fmt.Sprintf("%s (%d days)", d.Name, len(d.Arrivals.Days)))
	}
	add("day types", strings.Join(days, ", "))
	return document{
		Title: r.Source, Kind: "Calibration", Subject: strings.Join(r.Files, ", "),
		Verdict: calibrationVerdict(c), Facts: facts, KPIs: backtestTable(c.Backtests),
		Charts: CalibrationCharts(r, c.Backtests),
		Notes: []string{"Observed figures are means over the recorded days of each day type with 95 % intervals over " +
			"days; simulated figures are means over replications of the day type's fitted scenario with its fitted staffing, " +
			"computed with the simulator's own metric definitions (service level by the offered definition). " + sim.BoundsMethod},
	}
}

// calibrationVerdict is what was fitted and, per back-test, how well the
// simulation matches the records.
func calibrationVerdict(c Calibration) []string {
	r := c.Report
	out := []string{fmt.Sprintf("Fitted %d day types from %s records of %s.", len(r.DayTypes), thousands(float64(r.Used)), r.Source)}
	if len(c.Backtests) == 0 {
		return append(out, "No back-test was run (--backtest), so the fitted scenarios are not checked against the records.")
	}
	for _, b := range c.Backtests {
		out = append(out, BacktestVerdict(b))
	}
	return out
}

// backtestTable is the whole-day figures of each back-test, observed and simulated.
func backtestTable(bs []*calibrate.Backtest) Table {
	t := Table{ID: "backtests", Title: "Back-tests (whole day, mean and 95 % CI)", Numeric: true,
		Columns: []string{"day type"}}
	for _, m := range calibrate.BacktestMetrics {
		t.Columns = append(t.Columns, info(m).Label)
	}
	for _, b := range bs {
		obs := []string{b.DayType + ", observed (" + strconv.Itoa(b.Days) + " days)"}
		simd := []string{b.DayType + ", simulated (" + strconv.Itoa(b.Simulated.Replications) + " replications)"}
		for _, m := range calibrate.BacktestMetrics {
			o, s := b.Pair(m, -1)
			f := info(m).Format
			obs = append(obs, fmtValue(f, o.Mean)+" "+fmtCI(f, o))
			simd = append(simd, fmtValue(f, s.Mean)+" "+fmtCI(f, s))
		}
		t.Rows = append(t.Rows, obs, simd)
	}
	return t
}

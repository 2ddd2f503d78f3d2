package reports

import (
	"fmt"

	"github.com/ccsim/ccsim/sim"
)

// Run is one set of results in a comparison, with the label to show for it.
type Run struct {
	Label   string
	Results *sim.Results
}

// CompareMetrics are the metrics a comparison charts, one chart each.
func CompareMetrics() []string {
	return []string{sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MOccupancy, sim.MOffered, sim.MQueueLength}
}

// CompareChart plots one metric by interval for each run, with 95 %
// confidence bands (only for up to three runs, so they stay readable) on
// axes fitted to the data. Intervals are matched by position; the X axis is
// labelled with the interval starts of the run with the most intervals.
func CompareChart(metric string, runs []Run) Chart {
	mi := info(metric)
	p := Panel{YLabel: mi.Axis, YCeil: axisCeil(mi)} // fitted to the data: 4–12 % of abandonment is not flat at the foot of 0–100 %
	var longest []sim.Interval
	for i, r := range runs {
		s := statSeries(r.Results.Intervals, centre, metric, mi.Scale())
		s.Label, s.Color = r.Label, cBlue+i
		if len(runs) > 3 {
			s.Lo, s.Hi = nil, nil
		}
		if i > 0 {
			s.Dashed = i%2 == 1
		}
		p.Series = append(p.Series, s)
		if len(r.Results.Intervals) > len(longest) {
			longest = r.Results.Intervals
		}
	}
	if metric == sim.MServiceLevel && len(runs) > 0 {
		t := runs[0].Results.Target
		p.Rules = []Rule{{Label: "target " + num(100*t, 3) + " %", Value: 100 * t, Color: cRed}}
	}
	intervalAxis(&p, longest)
	return Chart{
		Name:   "compare-" + chartSlug(metric),
		Title:  fmt.Sprintf("Comparison: %s by interval (mean and 95 %% CI)", mi.Axis),
		Panels: []Panel{p},
	}
}

// chartSlug turns a metric name into a file name part: "asa_seconds" → "asa-seconds".
func chartSlug(metric string) string {
	b := []byte(metric)
	for i, c := range b {
		if c == '_' {
			b[i] = '-'
		}
	}
	return string(b)
}

package reports

import (
	"fmt"

	"github.com/ccsim/ccsim/sim"
)

// SweepHeatmap draws a sweep over a grid of exactly two keys as heatmaps,
// one panel per metric of sweepMetrics: the first key across, the second
// up, each cell the point's mean, written in it. ok is false for other
// sweeps (one key, more than two, or points that leave a key unset).
func SweepHeatmap(sr SweepResult) (c Chart, ok bool) {
	if len(sr.Params) != 2 || len(sr.Results) < 4 {
		return Chart{}, false
	}
	for _, p := range sr.Results {
		if len(p.Values) != 2 || p.Values[0] == "" || p.Values[1] == "" {
			return Chart{}, false
		}
	}
	across, up := newSweepAxis(sr, 0), newSweepAxis(sr, 1)
	if len(across.values) < 2 || len(up.values) < 2 {
		return Chart{}, false
	}
	var panels []Panel
	for _, m := range sweepMetrics(sr) {
		mi := info(m)
		title := mi.Label
		if m == sim.MCost && sr.Currency != "" {
			title += " (" + sr.Currency + ")"
		}
		p := Panel{Title: title, XLabel: sr.paramLabel(0), YLabel: sr.paramLabel(1)}
		s := Series{Kind: Cells}
		for _, pt := range sr.Results {
			v := stat(pt.Metrics, m).Mean
			s.X = append(s.X, float64(index(across.values, pt.Values[0])))
			s.Y = append(s.Y, float64(index(up.values, pt.Values[1])))
			s.Z = append(s.Z, v)
			s.Labels = append(s.Labels, fmtMetric(m, v, ""))
		}
		p.Series = []Series{s}
		for i, v := range across.values {
			p.XTicks = append(p.XTicks, Tick{Value: float64(i), Label: shorten(across.tick(v), 12)})
		}
		for i, v := range up.values {
			p.YTicks = append(p.YTicks, Tick{Value: float64(i), Label: shorten(up.tick(v), 12)})
		}
		p.XMin, p.XMax = ptr(-0.5), ptr(float64(len(across.values))-0.5)
		p.YMin, p.YMax = ptr(-0.5), ptr(float64(len(up.values))-0.5)
		panels = append(panels, p)
	}
	return Chart{Name: "sweep-heatmap", Title: fmt.Sprintf("Sweep %s: each point's mean over the grid of %s and %s",
		sr.Sweep, sr.paramLabel(0), sr.paramLabel(1)), Cols: 2, Width: 12, Panels: panels}, true
}

// index is the position of v in vs, or -1.
func index(vs []string, v string) int {
	for i, u := range vs {
		if u == v {
			return i
		}
	}
	return -1
}

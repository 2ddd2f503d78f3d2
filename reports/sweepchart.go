package reports

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// sweepMetrics are the metrics a sweep's charts and table show: service
// level, ASA, abandonment, occupancy and, with a cost model, the cost.
func sweepMetrics(sr SweepResult) []string {
	ms := []string{sim.MServiceLevel, sim.MASA, sim.MAbandonRate, sim.MOccupancy}
	if len(sr.Results) > 0 {
		if _, ok := sr.Results[0].Metrics[sim.MCost]; ok {
			ms = append(ms, sim.MCost)
		}
	}
	return ms
}

// maxSweepLines bounds the lines of one panel; further combinations of the
// other keys are left out (a note says so).
const maxSweepLines = 8

// SweepCharts returns one chart per swept key: each metric of sweepMetrics
// against the key's values, one series per combination of the other keys:
// lines (with 95 % confidence bands when there are at most three) for a
// numeric key, points with error bars side by side for a categorical or
// boolean one. A grid of two keys adds a heatmap of each metric.
func SweepCharts(sr SweepResult) []Chart {
	var cs []Chart
	for k := range sr.Params {
		cs = append(cs, sweepChart(sr, k))
	}
	if h, ok := SweepHeatmap(sr); ok {
		cs = append(cs, h)
	}
	return cs
}

// maxBands is the most series of a panel drawn with confidence bands;
// beyond it the bands overlap into an unreadable smear.
const maxBands = 3

// sweepAxis is the X axis of key k: numeric when every value is a number,
// else one position per distinct value in order of appearance.
type sweepAxis struct {
	values  []string
	ticks   map[string]string // a value as a reader would say it ("25 %", "on"), from the points' labels
	numeric bool
}

func newSweepAxis(sr SweepResult, k int) sweepAxis {
	ax := sweepAxis{numeric: true, ticks: map[string]string{}}
	seen := map[string]bool{}
	for _, p := range sr.Results {
		v := p.Values[k]
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		ax.values = append(ax.values, v)
		if l, ok := strings.CutPrefix(sr.label(p, k), sr.paramLabel(k)+" "); ok && k < len(sr.ParamLabels) && sr.ParamLabels[k] != "" {
			ax.ticks[v] = l
		}
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			ax.numeric = false
		}
	}
	return ax
}

// tick is value v as a tick label: as a reader would say it when the
// points' labels tell, else as written.
func (ax sweepAxis) tick(v string) string {
	if t, ok := ax.ticks[v]; ok {
		return t
	}
	return v
}

// x is the position of value v.
func (ax sweepAxis) x(v string) float64 {
	if ax.numeric {
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	for i, u := range ax.values {
		if u == v {
			return float64(i)
		}
	}
	return 0
}

// apply labels a panel's X axis: a tick at every value swept.
func (ax sweepAxis) apply(p *Panel, key string) {
	p.XLabel = key
	lo, hi := 0.0, 0.0
	for i, v := range ax.values {
		x := ax.x(v)
		p.XTicks = append(p.XTicks, Tick{Value: x, Label: shorten(ax.tick(v), 18)})
		if i == 0 || x < lo {
			lo = x
		}
		hi = max(hi, x)
	}
	pad := 0.5
	if ax.numeric {
		pad = max(0.05*(hi-lo), 1e-9)
	}
	p.XMin, p.XMax = ptr(lo-pad), ptr(hi+pad)
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// sweepChart plots the metrics against key k.
func sweepChart(sr SweepResult, k int) Chart {
	key := sr.Params[k]
	ax := newSweepAxis(sr, k)
	lines, order := sweepLines(sr, k)
	var panels []Panel
	for _, m := range sweepMetrics(sr) {
		mi := info(m)
		if m == sim.MCost {
			mi.Axis = "cost"
			if sr.Currency != "" {
				mi.Axis += " (" + sr.Currency + ")"
			}
		}
		p := Panel{Title: mi.Axis, YLabel: mi.Axis, YCeil: axisCeil(mi)} // fitted, with room above for the legend up to 100 %
		if m == sim.MASA || m == sim.MAbandonRate {
			p.YMin = ptr(0)
		}
		for i, label := range order {
			pts := lines[label]
			sort.SliceStable(pts, func(a, b int) bool { return ax.x(pts[a].Values[k]) < ax.x(pts[b].Values[k]) })
			if i == maxSweepLines {
				p.Note = fmt.Sprintf("%d more combinations of the other keys not shown", len(order)-maxSweepLines)
				break
			}
			s := Series{Label: label, Kind: Line, Color: cBlue + i%10}
			if len(order) == 1 {
				s.Label = ""
			}
			shift := 0.0
			if !ax.numeric { // categories: points side by side around each value
				n := float64(min(len(order), maxSweepLines))
				s.Kind, shift = Points, (float64(i)-(n-1)/2)*0.6/n
			}
			bands := s.Kind == Points || len(order) <= maxBands
			for _, pt := range pts {
				st := stat(pt.Metrics, m)
				s.X = append(s.X, ax.x(pt.Values[k])+shift)
				s.Y = append(s.Y, mi.Scale()*st.Mean)
				if bands {
					s.Lo = append(s.Lo, mi.Scale()*st.CI95[0])
					s.Hi = append(s.Hi, mi.Scale()*st.CI95[1])
				}
			}
			p.Series = append(p.Series, s)
		}
		if m == sim.MServiceLevel && sr.Target > 0 {
			p.Rules = []Rule{{Label: "target " + num(100*sr.Target, 3) + " %", Value: 100 * sr.Target, Color: cRed}}
		}
		ax.apply(&p, sr.paramLabel(k))
		panels = append(panels, p)
	}
	return Chart{Name: "sweep-" + slug(key), Title: fmt.Sprintf("Sweep %s: figures against %s (mean and 95 %% CI)", sr.Sweep, sr.paramLabel(k)),
		Cols: 2, Width: 12, Panels: panels}
}

// sweepLines groups the points that set key k by the values of the other
// keys: one line each, in order of first appearance.
func sweepLines(sr SweepResult, k int) (map[string][]SweepPoint, []string) {
	lines := map[string][]SweepPoint{}
	var order []string
	for _, p := range sr.Results {
		if p.Values[k] == "" {
			continue
		}
		var others []string
		for j := range p.Values {
			if l := sr.label(p, j); j != k && l != "" {
				others = append(others, l)
			}
		}
		label := strings.Join(others, ", ")
		if _, ok := lines[label]; !ok {
			order = append(order, label)
		}
		lines[label] = append(lines[label], p)
	}
	return lines, order
}

// slug turns a key into a file name part: "intents.a.share" → "intents-a-share".
func slug(key string) string {
	b := []byte(key)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '-'
		}
	}
	return string(b)
}

package reports

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// palette is a colour-blind-friendly set (Tableau 10), indexed by Series.Color.
func palette(i int) color.RGBA {
	cs := [...]color.RGBA{
		{31, 119, 180, 255}, {255, 127, 14, 255}, {44, 160, 44, 255}, {214, 39, 40, 255},
		{148, 103, 189, 255}, {140, 86, 75, 255}, {227, 119, 194, 255}, {127, 127, 127, 255},
		{188, 189, 34, 255}, {23, 190, 207, 255},
	}
	return cs[((i%len(cs))+len(cs))%len(cs)]
}

// faded returns c with the given opacity, premultiplied as image/color wants.
func faded(c color.RGBA, alpha float64) color.RGBA {
	a := uint8(255 * alpha)
	k := func(v uint8) uint8 { return uint8(float64(v) * alpha) }
	return color.RGBA{k(c.R), k(c.G), k(c.B), a}
}

// newPlot turns a panel into a gonum plot and returns its legend entries,
// which drawChart places (placeLegend).
func newPlot(p Panel) (*plot.Plot, []legendEntry, error) {
	pl := plot.New()
	styleAxes(pl)
	pl.Title.Text = p.Title
	pl.X.Label.Text, pl.Y.Label.Text = p.XLabel, p.YLabel
	pl.X.Tick.Marker, pl.Y.Tick.Marker = plainTicks{}, plainTicks{}
	if p.XTicks != nil {
		pl.X.Tick.Marker = fixedTicks(p.XTicks)
	}
	if p.YTicks != nil {
		pl.Y.Tick.Marker = fixedTicks(p.YTicks)
		pl.Y.Tick.Length = 0
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color = color.Gray{Y: 230}
	grid.Horizontal.Color = color.Gray{Y: 230}
	pl.Add(grid)
	var leg []legendEntry
	for _, s := range p.Series {
		e, err := addSeries(pl, s)
		if err != nil {
			return nil, nil, err
		}
		if s.Label != "" && len(e.thumbs) > 0 {
			leg = append(leg, e)
		}
	}
	for _, r := range p.Rules {
		ru := rule{Rule: r}
		pl.Add(ru)
		if r.Label != "" {
			leg = append(leg, legendEntry{r.Label, []plot.Thumbnailer{ru}})
		}
	}
	setRange(&pl.X, p.XMin, p.XMax)
	setRange(&pl.Y, p.YMin, p.YMax)
	if p.YCeil != nil && pl.Y.Max > *p.YCeil && p.YMax == nil {
		pl.Y.Max = max(*p.YCeil, pl.Y.Min+1)
	}
	if p.empty() && p.Note == "" {
		p.Note = "no data"
	}
	if p.Note != "" {
		pl.Add(note{text: p.Note})
	}
	return pl, leg, nil
}

// styleAxes sets the fonts and sizes of a plot's text.
func styleAxes(pl *plot.Plot) {
	pl.Title.TextStyle = textStyle(11, true)
	pl.Title.TextStyle.XAlign, pl.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	for _, a := range []*plot.Axis{&pl.X, &pl.Y} {
		xa, ya := a.Label.TextStyle.XAlign, a.Label.TextStyle.YAlign
		a.Label.TextStyle = textStyle(10, false)
		a.Label.TextStyle.XAlign, a.Label.TextStyle.YAlign = xa, ya
		xa, ya = a.Tick.Label.XAlign, a.Tick.Label.YAlign
		a.Tick.Label = textStyle(9, false)
		a.Tick.Label.XAlign, a.Tick.Label.YAlign = xa, ya
		a.Tick.Length = vg.Points(4)
		a.Padding = vg.Points(2)
	}
	pl.Legend.TextStyle = textStyle(9, false)
}

// setRange applies fixed limits and gives an axis without data a unit range.
func setRange(a *plot.Axis, lo, hi *float64) {
	if a.Min > a.Max {
		a.Min, a.Max = 0, 1
	}
	if lo != nil {
		a.Min = *lo
	}
	if hi != nil {
		a.Max = *hi
	}
	if a.Min == a.Max {
		a.Max = a.Min + 1
	}
}

// fixedTicks are tick marks at given positions; an empty label is a minor tick.
type fixedTicks []Tick

func (t fixedTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, k := range t {
		if k.Value >= lo-1e-9 && k.Value <= hi+1e-9 {
			out = append(out, plot.Tick{Value: k.Value, Label: k.Label})
		}
	}
	return out
}

// plainTicks are gonum's default ticks labelled without trailing zeros ("25", not "25.00").
type plainTicks struct{}

func (plainTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i, t := range ts {
		if t.Label != "" {
			ts[i].Label = strconv.FormatFloat(t.Value, 'f', -1, 64)
		}
	}
	return ts
}

// addSeries adds the plotters of one series and returns its legend entry.
func addSeries(pl *plot.Plot, s Series) (legendEntry, error) {
	c := palette(s.Color)
	e := legendEntry{label: s.Label}
	switch s.Kind {
	case Line, Step:
		if len(s.Lo) == len(s.X) && len(s.Hi) == len(s.X) {
			band := bandPolygon(s, faded(c, 0.22))
			if band != nil {
				pl.Add(band)
				e.thumbs = append(e.thumbs, band)
			}
		}
		ls := draw.LineStyle{Color: c, Width: vg.Points(1.6)}
		if s.Dashed {
			ls.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		}
		for _, run := range finiteRuns(s.X, s.Y) {
			l, err := plotter.NewLine(run)
			if err != nil {
				return e, err
			}
			l.LineStyle = ls
			if s.Kind == Step {
				l.StepStyle = plotter.PostStep
			}
			pl.Add(l)
			if len(e.thumbs) < 2 {
				e.thumbs = append(e.thumbs, l)
			}
		}
		if len(s.X) > 0 && len(e.thumbs) == 0 {
			e.thumbs = append(e.thumbs, lineThumb{ls})
		}
	case Points:
		pt := points{s: s, color: c}
		pl.Add(pt)
		e.thumbs = append(e.thumbs, pt)
	case Bars, HBars:
		b := bars{s: s, color: c}
		pl.Add(b)
		e.thumbs = append(e.thumbs, b)
	case Cells:
		pl.Add(cells{s})
		return e, nil // the labels are drawn in the cells
	}
	if len(s.Labels) == len(s.X) && len(s.X) > 0 {
		if l := pointLabels(s); l != nil {
			pl.Add(l)
		}
	}
	return e, nil
}

// finiteRuns splits a series at NaN or infinite points into runs to draw as lines.
func finiteRuns(xs, ys []float64) []plotter.XYs {
	var runs []plotter.XYs
	var cur plotter.XYs
	for i := range xs {
		if finite(xs[i]) && finite(ys[i]) {
			cur = append(cur, plotter.XY{X: xs[i], Y: ys[i]})
			continue
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// bandPolygon is the shaded confidence band of a line: one ring per run of
// points with a finite interval. It returns nil when there is none.
func bandPolygon(s Series, fill color.Color) *plotter.Polygon {
	var rings []plotter.XYer
	var lo, hi plotter.XYs
	flush := func() {
		if len(hi) > 0 {
			ring := append(plotter.XYs{}, hi...)
			for i := len(lo) - 1; i >= 0; i-- {
				ring = append(ring, lo[i])
			}
			if len(hi) == 1 { // a single point: a thin sliver so it shows
				ring = plotter.XYs{{X: hi[0].X - 0.1, Y: hi[0].Y}, {X: hi[0].X + 0.1, Y: hi[0].Y},
					{X: lo[0].X + 0.1, Y: lo[0].Y}, {X: lo[0].X - 0.1, Y: lo[0].Y}}
			}
			rings = append(rings, ring)
		}
		lo, hi = nil, nil
	}
	for i := range s.X {
		if finite(s.X[i]) && finite(s.Lo[i]) && finite(s.Hi[i]) {
			lo = append(lo, plotter.XY{X: s.X[i], Y: s.Lo[i]})
			hi = append(hi, plotter.XY{X: s.X[i], Y: s.Hi[i]})
			continue
		}
		flush()
	}
	flush()
	if len(rings) == 0 {
		return nil
	}
	poly, err := plotter.NewPolygon(rings...)
	if err != nil {
		return nil
	}
	poly.Color = fill
	poly.LineStyle.Width = 0
	return poly
}

// pointLabels writes a series' labels next to its finite points.
func pointLabels(s Series) *plotter.Labels {
	var xyl plotter.XYLabels
	for i := range s.X {
		if finite(s.X[i]) && finite(s.Y[i]) && s.Labels[i] != "" {
			x := s.X[i]
			if s.Kind == HBars && len(s.Hi) == len(s.X) && finite(s.Hi[i]) {
				x = math.Max(x, s.Hi[i]) // right of the error bar
			}
			xyl.XYs = append(xyl.XYs, plotter.XY{X: x, Y: s.Y[i]})
			xyl.Labels = append(xyl.Labels, s.Labels[i])
		}
	}
	if len(xyl.XYs) == 0 {
		return nil
	}
	l, err := plotter.NewLabels(xyl)
	if err != nil {
		return nil
	}
	for i := range l.TextStyle {
		l.TextStyle[i] = textStyle(8.5, false)
		l.TextStyle[i].YAlign = draw.YCenter
	}
	l.Offset = vg.Point{X: vg.Points(4)}
	if s.Kind != HBars {
		l.Offset = vg.Point{X: vg.Points(5), Y: vg.Points(2)}
	}
	return l
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

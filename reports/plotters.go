package reports

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// rule draws a reference line across the whole panel. Its DataRange covers
// only its own value, so a target is always in view.
type rule struct{ Rule }

func (r rule) style() draw.LineStyle {
	return draw.LineStyle{Color: palette(r.Color), Width: vg.Points(1.4),
		Dashes: []vg.Length{vg.Points(6), vg.Points(3)}}
}

func (r rule) Plot(c draw.Canvas, pl *plot.Plot) {
	trX, trY := pl.Transforms(&c)
	if r.Vertical {
		x := trX(r.Value)
		if c.ContainsX(x) {
			c.StrokeLine2(r.style(), x, c.Min.Y, x, c.Max.Y)
		}
		return
	}
	y := trY(r.Value)
	if c.ContainsY(y) {
		c.StrokeLine2(r.style(), c.Min.X, y, c.Max.X, y)
	}
}

func (r rule) DataRange() (xmin, xmax, ymin, ymax float64) {
	inf := posInf()
	if r.Vertical {
		return r.Value, r.Value, inf, -inf
	}
	return inf, -inf, r.Value, r.Value
}

func (r rule) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(r.style(), c.Min.X, y, c.Max.X, y)
}

// points draws markers with vertical error bars from Lo to Hi.
type points struct {
	s     Series
	color color.RGBA
}

func (p points) glyph() draw.GlyphStyle {
	return draw.GlyphStyle{Color: p.color, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
}

func (p points) Plot(c draw.Canvas, pl *plot.Plot) {
	trX, trY := pl.Transforms(&c)
	ls := draw.LineStyle{Color: p.color, Width: vg.Points(1.2)}
	cap := vg.Points(3)
	for i := range p.s.X {
		if !finite(p.s.X[i]) || !finite(p.s.Y[i]) {
			continue
		}
		x := trX(p.s.X[i])
		if lo, hi, ok := interval(p.s, i); ok {
			ylo, yhi := trY(lo), trY(hi)
			c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: x, Y: ylo}, {X: x, Y: yhi}})...)
			for _, y := range []vg.Length{ylo, yhi} {
				if c.ContainsY(y) {
					c.StrokeLine2(ls, x-cap, y, x+cap, y)
				}
			}
		}
		c.DrawGlyph(p.glyph(), vg.Point{X: x, Y: trY(p.s.Y[i])})
	}
}

func (p points) DataRange() (xmin, xmax, ymin, ymax float64) {
	return seriesRange(p.s, false)
}

func (p points) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(p.glyph(), c.Center())
}

// bars draws bars in data units: vertical bars centred on X from 0 to Y, or
// horizontal bars (HBars) at height Y from 0 to X with error bars on X.
type bars struct {
	s     Series
	color color.RGBA
}

func (b bars) halfWidth() float64 {
	if b.s.Width > 0 {
		return b.s.Width / 2
	}
	return 0.4
}

func (b bars) Plot(c draw.Canvas, pl *plot.Plot) {
	trX, trY := pl.Transforms(&c)
	h := b.halfWidth()
	edge := draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
	for i := range b.s.X {
		x, y := b.s.X[i], b.s.Y[i]
		if !finite(x) || !finite(y) {
			continue
		}
		var r vg.Rectangle
		if b.s.Kind == HBars {
			r = vg.Rectangle{Min: vg.Point{X: trX(0), Y: trY(y - h)}, Max: vg.Point{X: trX(x), Y: trY(y + h)}}
		} else {
			r = vg.Rectangle{Min: vg.Point{X: trX(x - h), Y: trY(0)}, Max: vg.Point{X: trX(x + h), Y: trY(y)}}
		}
		pts := c.ClipPolygonXY(corners4(r))
		c.FillPolygon(b.color, pts)
		c.StrokeLines(edge, pts)
		if lo, hi, ok := interval(b.s, i); ok && b.s.Kind == HBars {
			ls := draw.LineStyle{Color: color.Black, Width: vg.Points(1)}
			yc, cap := trY(y), vg.Points(3)
			c.StrokeLine2(ls, trX(lo), yc, trX(hi), yc)
			c.StrokeLine2(ls, trX(lo), yc-cap, trX(lo), yc+cap)
			c.StrokeLine2(ls, trX(hi), yc-cap, trX(hi), yc+cap)
		}
	}
}

func (b bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = seriesRange(b.s, b.s.Kind == HBars)
	h := b.halfWidth()
	if b.s.Kind == HBars {
		return min(xmin, 0), max(xmax, 0), ymin - h, ymax + h
	}
	return xmin - h, xmax + h, min(ymin, 0), max(ymax, 0)
}

func (b bars) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	r.Min.Y += (r.Max.Y - r.Min.Y) / 6
	r.Max.Y -= (r.Max.Y - r.Min.Y) / 6
	c.FillPolygon(b.color, corners4(r))
}

// lineThumb is the legend swatch of a line with no drawable points.
type lineThumb struct{ draw.LineStyle }

func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(l.LineStyle, c.Min.X, y, c.Max.X, y)
}

// interval returns the finite confidence interval of point i, if any.
func interval(s Series, i int) (lo, hi float64, ok bool) {
	if len(s.Lo) != len(s.X) || len(s.Hi) != len(s.X) {
		return 0, 0, false
	}
	lo, hi = s.Lo[i], s.Hi[i]
	return lo, hi, finite(lo) && finite(hi)
}

// seriesRange is the extent of a series' finite values and intervals; the
// interval widens X for horizontal bars and Y otherwise.
func seriesRange(s Series, onX bool) (xmin, xmax, ymin, ymax float64) {
	inf := posInf()
	xmin, xmax, ymin, ymax = inf, -inf, inf, -inf
	for i := range s.X {
		x, y := s.X[i], s.Y[i]
		if !finite(x) || !finite(y) {
			continue
		}
		xmin, xmax, ymin, ymax = min(xmin, x), max(xmax, x), min(ymin, y), max(ymax, y)
		if lo, hi, ok := interval(s, i); ok {
			if onX {
				xmin, xmax = min(xmin, lo), max(xmax, hi)
			} else {
				ymin, ymax = min(ymin, lo), max(ymax, hi)
			}
		}
	}
	return xmin, xmax, ymin, ymax
}

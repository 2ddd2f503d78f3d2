package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendEntry is one line of a legend: a label and the swatches drawn beside it.
type legendEntry struct {
	label  string
	thumbs []plot.Thumbnailer
}

// legendBox draws the legend on a white box in the corner of the panel
// that covers the fewest data points.
type legendBox struct {
	entries []legendEntry
	panel   Panel
}

func newLegendBox(entries []legendEntry, p Panel) legendBox {
	return legendBox{entries: entries, panel: p}
}

const legendMargin = 5 // points between the legend and the panel edge

func (b legendBox) Plot(c draw.Canvas, pl *plot.Plot) {
	leg := plot.NewLegend()
	leg.TextStyle = textStyle(8.5, false)
	leg.ThumbnailWidth = vg.Points(18)
	leg.Padding = vg.Points(1.5)
	for _, e := range b.entries {
		leg.Add(e.label, e.thumbs...)
	}
	w, h := b.size(leg)
	inner := draw.Crop(c, vg.Points(legendMargin), -vg.Points(legendMargin), vg.Points(legendMargin), -vg.Points(legendMargin))
	pts := b.dataPoints(c, pl)
	best, bestN := 0, math.MaxInt
	for i, corner := range corners() {
		n := 0
		r := cornerRect(inner, corner, w, h)
		for _, p := range pts {
			if r.Min.X <= p.X && p.X <= r.Max.X && r.Min.Y <= p.Y && p.Y <= r.Max.Y {
				n++
			}
		}
		if n < bestN {
			best, bestN = i, n
		}
	}
	r := cornerRect(inner, corners()[best], w, h)
	leg.Top, leg.Left = true, true // entries from the top left of r
	pad := vg.Points(3)
	box := vg.Rectangle{Min: vg.Point{X: r.Min.X - pad, Y: r.Min.Y - pad}, Max: vg.Point{X: r.Max.X + pad, Y: r.Max.Y + pad}}
	c.FillPolygon(color.NRGBA{255, 255, 255, 235}, corners4(box))
	c.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 180}, Width: vg.Points(0.5)}, append(corners4(box), box.Min))
	legC := c
	legC.Rectangle = r
	leg.Draw(legC)
}

// size is the extent of the legend's entries.
func (b legendBox) size(leg plot.Legend) (w, h vg.Length) {
	sty := leg.TextStyle
	em := sty.Rectangle(" ").Max.X
	var enth vg.Length
	for _, e := range b.entries {
		w = max(w, sty.Rectangle(e.label).Max.X)
		enth = max(enth, sty.Rectangle(e.label).Max.Y)
	}
	n := vg.Length(len(b.entries))
	return leg.ThumbnailWidth + em + w, n*enth + (n-1)*leg.Padding + sty.FontExtents().Descent
}

type corner struct{ top, left bool }

// corners lists legend positions in order of preference.
func corners() []corner {
	return []corner{{top: true}, {top: true, left: true}, {}, {left: true}}
}

func cornerRect(c draw.Canvas, k corner, w, h vg.Length) vg.Rectangle {
	r := vg.Rectangle{Min: vg.Point{X: c.Max.X - w, Y: c.Min.Y}, Max: vg.Point{X: c.Max.X, Y: c.Min.Y + h}}
	if k.left {
		r.Min.X, r.Max.X = c.Min.X, c.Min.X+w
	}
	if k.top {
		r.Min.Y, r.Max.Y = c.Max.Y-h, c.Max.Y
	}
	return r
}

// dataPoints samples where the panel's series are drawn, in canvas units:
// each point, its interval ends and several points along each segment or bar.
func (b legendBox) dataPoints(c draw.Canvas, pl *plot.Plot) []vg.Point {
	trX, trY := pl.Transforms(&c)
	var out []vg.Point
	add := func(x, y float64) {
		if finite(x) && finite(y) {
			out = append(out, vg.Point{X: trX(x), Y: trY(y)})
		}
	}
	const steps = 8
	for _, s := range b.panel.Series {
		for i := range s.X {
			x, y := s.X[i], s.Y[i]
			switch s.Kind {
			case HBars:
				for k := 0; k <= steps; k++ {
					add(x*float64(k)/steps, y)
				}
			case Bars:
				for k := 0; k <= steps; k++ {
					add(x, y*float64(k)/steps)
				}
			default:
				add(x, y)
				if i > 0 && (s.Kind == Line || s.Kind == Step) {
					for k := 1; k < steps; k++ {
						f := float64(k) / steps
						add(s.X[i-1]+f*(x-s.X[i-1]), s.Y[i-1]+f*(y-s.Y[i-1]))
					}
				}
			}
			if lo, hi, ok := interval(s, i); ok && s.Kind != HBars {
				add(x, lo)
				add(x, hi)
			}
		}
	}
	return out
}

// note writes a short text in the middle of a panel, such as "no data".
type note struct{ text string }

func (n note) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := textStyle(10, false)
	sty.Color = color.Gray{Y: 90}
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	c.FillText(sty, c.Center(), n.text)
}

func posInf() float64 { return math.Inf(1) }

// corners4 returns the corners of r, counter-clockwise from the bottom left.
func corners4(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
}

// legendHeadroom raises a fitted Y axis so that the top of a panel of the
// given height, where the legend of n entries goes, is free of data: about
// 11 points per entry, of the plot area (the panel less about 45 points of
// axes and title).
func legendHeadroom(ax *plot.Axis, n int, height vg.Length) {
	span, area := ax.Max-ax.Min, float64(height/vg.Points(1))-45
	if !(span > 0) || area <= 0 {
		return
	}
	h := math.Min(0.6, float64(11*n+12)/area)
	ax.Max += span * h / (1 - h)
}

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

const (
	legendMargin = 5 // points between the legend and the data area's edge
	legendPad    = 3 // points between the legend's entries and its box
)

// newLegend is a gonum legend of the entries in the charts' style.
func newLegend(entries []legendEntry) plot.Legend {
	leg := plot.NewLegend()
	leg.TextStyle = textStyle(8.5, false)
	leg.ThumbnailWidth = vg.Points(18)
	leg.Padding = vg.Points(1.5)
	leg.Top, leg.Left = true, true // entries from the top left of the rectangle drawn in
	for _, e := range entries {
		leg.Add(e.label, e.thumbs...)
	}
	return leg
}

// legendSize is the extent of a legend's entries.
func legendSize(leg plot.Legend, entries []legendEntry) (w, h vg.Length) {
	sty := leg.TextStyle
	em := sty.Rectangle(" ").Max.X
	var enth vg.Length
	for _, e := range entries {
		w = max(w, sty.Rectangle(e.label).Max.X)
		enth = max(enth, sty.Rectangle(e.label).Max.Y)
	}
	n := vg.Length(len(entries))
	return leg.ThumbnailWidth + em + w, n*enth + (n-1)*leg.Padding + sty.FontExtents().Descent
}

// drawLegendBox draws the white box with a grey edge around a legend's entries at r.
func drawLegendBox(c draw.Canvas, r vg.Rectangle) {
	box := grow(r, vg.Points(legendPad))
	c.FillPolygon(color.NRGBA{255, 255, 255, 235}, corners4(box))
	c.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 180}, Width: vg.Points(0.5)}, append(corners4(box), box.Min))
}

type corner struct{ top, left bool }

// corners lists legend positions in order of preference.
func corners() []corner {
	return []corner{{top: true}, {top: true, left: true}, {}, {left: true}}
}

func cornerRect(c vg.Rectangle, k corner, w, h vg.Length) vg.Rectangle {
	r := vg.Rectangle{Min: vg.Point{X: c.Max.X - w, Y: c.Min.Y}, Max: vg.Point{X: c.Max.X, Y: c.Min.Y + h}}
	if k.left {
		r.Min.X, r.Max.X = c.Min.X, c.Min.X+w
	}
	if k.top {
		r.Min.Y, r.Max.Y = c.Max.Y-h, c.Max.Y
	}
	return r
}

// grow returns r widened by d on every side.
func grow(r vg.Rectangle, d vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: r.Min.X - d, Y: r.Min.Y - d}, Max: vg.Point{X: r.Max.X + d, Y: r.Max.Y + d}}
}

func contains(r vg.Rectangle, p vg.Point) bool {
	return r.Min.X <= p.X && p.X <= r.Max.X && r.Min.Y <= p.Y && p.Y <= r.Max.Y
}

// posInf is +∞, the empty end of a DataRange.
func posInf() float64 { return math.Inf(1) }

// corners4 returns the corners of r, counter-clockwise from the bottom left.
func corners4(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
}

// legendHeadroom raises a fitted Y axis so that the top of a panel of the
// given height, where the legend of n entries goes, is free of data: about
// 11 points per entry, of the plot area (the panel less about 45 points of
// axes and title). The axis never rises above ceil (+∞: no limit); a legend
// that still meets data goes outside the data area (placeLegend).
func legendHeadroom(ax *plot.Axis, n int, height vg.Length, ceil float64) {
	span, area := ax.Max-ax.Min, float64(height/vg.Points(1))-45
	if !(span > 0) || area <= 0 || ax.Max >= ceil {
		return
	}
	h := math.Min(0.6, float64(11*n+12)/area)
	ax.Max = math.Min(ceil, ax.Max+span*h/(1-h))
}

// note writes a short text in the middle of a panel, such as "no data".
type note struct{ text string }

func (n note) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := textStyle(10, false)
	sty.Color = color.Gray{Y: 90}
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	c.FillText(sty, c.Center(), n.text)
}

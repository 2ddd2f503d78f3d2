package reports

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendSide is where a legend sits relative to its panel's data area.
type legendSide string

// Legend sides.
const (
	legendInside legendSide = "inside" // in a corner of the data area that is free of data
	legendRight  legendSide = "right"  // right of the data area, which is narrowed for it
	legendBelow  legendSide = "below"  // below the X axis, which is raised for it
)

// legendLayout is where a panel's plot and legend go on its tile.
type legendLayout struct {
	side   legendSide
	corner corner          // of the data area, when inside
	cols   [][]legendEntry // the entries, by column (one column unless below)
	rects  []vg.Rectangle  // where each column's entries are drawn, canvas units
	plot   draw.Canvas     // where the plot is drawn: the tile, less the legend's room when outside
}

// box is the rectangle around all the legend's entries.
func (l legendLayout) box() vg.Rectangle {
	b := l.rects[0]
	for _, r := range l.rects[1:] {
		b = vg.Rectangle{Min: vg.Point{X: min(b.Min.X, r.Min.X), Y: min(b.Min.Y, r.Min.Y)},
			Max: vg.Point{X: max(b.Max.X, r.Max.X), Y: max(b.Max.Y, r.Max.Y)}}
	}
	return b
}

// draw draws the legend on a white box.
func (l legendLayout) draw(c draw.Canvas) {
	drawLegendBox(c, l.box())
	for i, r := range l.rects {
		legC := c
		legC.Rectangle = r
		leg := newLegend(l.cols[i])
		leg.Draw(legC)
	}
}

// layoutPanel makes room for the legend on the panel's tile: it raises a
// fitted Y axis up to the panel's ceiling (legendHeadroom), never a fixed
// one, then places the legend (placeLegend).
func layoutPanel(pl *plot.Plot, p Panel, entries []legendEntry, tile draw.Canvas) legendLayout {
	if p.YMax == nil {
		legendHeadroom(&pl.Y, len(entries), tile.Max.Y-tile.Min.Y, p.yCeil())
	}
	return placeLegend(pl, p, entries, tile)
}

// placeLegend puts the legend in the first corner of the data area (top
// right, top left, bottom right, bottom left) whose box covers none of the
// panel's drawn data (dataSamples); when every corner does, it goes outside:
// to the right of a panel with room for it, else below the X axis in as many
// columns as fit.
func placeLegend(pl *plot.Plot, p Panel, entries []legendEntry, tile draw.Canvas) legendLayout {
	w, h := legendSize(newLegend(entries), entries)
	m := vg.Points(legendMargin)
	inner := draw.Crop(pl.DataCanvas(tile), m, -m, m, -m)
	if w <= inner.Size().X && h <= inner.Size().Y {
		pts := dataSamples(pl, p, pl.DataCanvas(tile))
		for _, k := range corners() {
			r := cornerRect(inner.Rectangle, k, w, h)
			if !anyIn(pts, grow(r, vg.Points(legendPad+1))) {
				return legendLayout{side: legendInside, corner: k, cols: [][]legendEntry{entries}, rects: []vg.Rectangle{r}, plot: tile}
			}
		}
	}
	pad := vg.Points(legendPad)
	tw, th := tile.Size().X, tile.Size().Y
	if room := w + 2*pad + m; room <= 0.3*tw && h+2*pad <= 0.8*th {
		c := tile
		c.Max.X -= room
		top := pl.DataCanvas(c).Max.Y
		r := vg.Rectangle{Min: vg.Point{X: tile.Max.X - pad - w, Y: top - h}, Max: vg.Point{X: tile.Max.X - pad, Y: top}}
		return legendLayout{side: legendRight, cols: [][]legendEntry{entries}, rects: []vg.Rectangle{r}, plot: c}
	}
	return belowLegend(pl, entries, tile)
}

// belowLegend puts the legend under the X axis, in columns of equal width.
func belowLegend(pl *plot.Plot, entries []legendEntry, tile draw.Canvas) legendLayout {
	w, _ := legendSize(newLegend(entries), entries)
	pad, gap := vg.Points(legendPad), vg.Points(12)
	n := len(entries)
	ncol := max(1, min(n, int((tile.Size().X-2*pad+gap)/(w+gap))))
	rows := (n + ncol - 1) / ncol
	var cols [][]legendEntry
	for i := 0; i < n; i += rows {
		cols = append(cols, entries[i:min(n, i+rows)])
	}
	_, h := legendSize(newLegend(cols[0]), cols[0])
	c := tile
	c.Min.Y += h + 2*pad + vg.Points(legendMargin)
	left := pl.DataCanvas(c).Min.X
	if total := vg.Length(len(cols))*(w+gap) - gap; left+total > tile.Max.X-pad {
		left = max(tile.Min.X+pad, tile.Max.X-pad-total)
	}
	l := legendLayout{side: legendBelow, cols: cols, plot: c}
	for i := range cols {
		x := left + vg.Length(i)*(w+gap)
		l.rects = append(l.rects, vg.Rectangle{Min: vg.Point{X: x, Y: tile.Min.Y + pad}, Max: vg.Point{X: x + w, Y: tile.Min.Y + pad + h}})
	}
	return l
}

func anyIn(pts []vg.Point, r vg.Rectangle) bool {
	for _, p := range pts {
		if contains(r, p) {
			return true
		}
	}
	return false
}

package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Cells is the kind of a heatmap series: one unit square centred on each
// (X, Y), filled by its Z value from light (lowest) to dark (highest), with
// Labels written in the squares.
const Cells Kind = "cells"

// cells draws a Cells series.
type cells struct{ s Series }

// zRange is the smallest and largest finite Z.
func (h cells) zRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, z := range h.s.Z {
		if finite(z) {
			lo, hi = min(lo, z), max(hi, z)
		}
	}
	return lo, hi
}

// shade is the fill of a cell with value z in [lo, hi]: a sequential blue
// scale; undefined values are light grey.
func shade(z, lo, hi float64) color.RGBA {
	if !finite(z) {
		return color.RGBA{235, 235, 235, 255}
	}
	f := 0.5
	if hi > lo {
		f = (z - lo) / (hi - lo)
	}
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + f*(float64(b)-float64(a))) }
	return color.RGBA{mix(239, 8), mix(243, 69), mix(255, 148), 255}
}

func (h cells) Plot(c draw.Canvas, pl *plot.Plot) {
	trX, trY := pl.Transforms(&c)
	lo, hi := h.zRange()
	sty := textStyle(8.5, false)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	for i := range h.s.X {
		x, y := h.s.X[i], h.s.Y[i]
		z := math.NaN()
		if i < len(h.s.Z) {
			z = h.s.Z[i]
		}
		r := vg.Rectangle{Min: vg.Point{X: trX(x - 0.5), Y: trY(y - 0.5)}, Max: vg.Point{X: trX(x + 0.5), Y: trY(y + 0.5)}}
		fill := shade(z, lo, hi)
		c.FillPolygon(fill, c.ClipPolygonXY(corners4(r)))
		c.StrokeLines(draw.LineStyle{Color: color.White, Width: vg.Points(1)}, append(corners4(r), r.Min))
		if i < len(h.s.Labels) && h.s.Labels[i] != "" {
			sty.Color = color.Black
			if finite(z) && hi > lo && (z-lo)/(hi-lo) > 0.55 {
				sty.Color = color.White
			}
			c.FillText(sty, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}, h.s.Labels[i])
		}
	}
}

func (h cells) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for i := range h.s.X {
		xmin, xmax = min(xmin, h.s.X[i]-0.5), max(xmax, h.s.X[i]+0.5)
		ymin, ymax = min(ymin, h.s.Y[i]-0.5), max(ymax, h.s.Y[i]+0.5)
	}
	return xmin, xmax, ymin, ymax
}

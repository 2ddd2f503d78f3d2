package reports

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sampleStep is the spacing, in points, of the samples of drawn data.
const sampleStep = 2

// sampler collects points, in canvas units, where a panel draws data.
type sampler struct {
	trX, trY func(float64) vg.Length
	area     vg.Rectangle // the data area; samples outside it are dropped
	pts      []vg.Point
}

func (s *sampler) add(p vg.Point) {
	if contains(s.area, p) {
		s.pts = append(s.pts, p)
	}
}

// seg samples the line from (x0, y0) to (x1, y1), in data units.
func (s *sampler) seg(x0, y0, x1, y1 float64) {
	if !finite(x0) || !finite(y0) || !finite(x1) || !finite(y1) {
		return
	}
	a := vg.Point{X: s.trX(x0), Y: s.trY(y0)}
	b := vg.Point{X: s.trX(x1), Y: s.trY(y1)}
	n := steps(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)))
	for k := 0; k <= n; k++ {
		f := vg.Length(k) / vg.Length(n)
		s.add(vg.Point{X: a.X + f*(b.X-a.X), Y: a.Y + f*(b.Y-a.Y)})
	}
}

// band samples the area between two points' intervals [lo0, hi0] at x0 and [lo1, hi1] at x1.
func (s *sampler) band(x0, lo0, hi0, x1, lo1, hi1 float64) {
	n := steps(math.Abs(float64(s.trX(x1) - s.trX(x0))))
	for k := 0; k <= n; k++ {
		f := float64(k) / float64(n)
		x := x0 + f*(x1-x0)
		s.seg(x, lo0+f*(lo1-lo0), x, hi0+f*(hi1-hi0))
	}
}

// steps is the number of samples over a distance in points, at most 4000.
func steps(d float64) int {
	return max(1, min(4000, int(math.Ceil(d/sampleStep))))
}

// dataSamples returns points on everything the panel's series draw on the
// data area dc: lines and staircases, confidence bands, markers and their
// error bars, bars. Reference rules and point labels are not data.
func dataSamples(pl *plot.Plot, p Panel, dc draw.Canvas) []vg.Point {
	trX, trY := pl.Transforms(&dc)
	sm := &sampler{trX: trX, trY: trY, area: grow(dc.Rectangle, vg.Points(1))}
	for _, s := range p.Series {
		sampleSeries(sm, s)
	}
	return sm.pts
}

func sampleSeries(sm *sampler, s Series) {
	h := bars{s: s}.halfWidth()
	prev := -1 // the previous finite point
	for i := range s.X {
		x, y := s.X[i], s.Y[i]
		lo, hi, ok := interval(s, i)
		switch s.Kind {
		case Bars:
			sm.band(x-h, 0, y, x+h, 0, y)
		case HBars:
			sm.band(0, y-h, y+h, x, y-h, y+h)
			if ok {
				sm.seg(lo, y, hi, y)
			}
		case Points, Cells:
			sm.seg(x, y, x, y)
			if ok {
				sm.seg(x, lo, x, hi)
			}
		default: // Line, Step
			sm.seg(x, y, x, y)
			if ok {
				sm.seg(x, lo, x, hi)
			}
			if prev >= 0 && finite(x) && finite(y) {
				px, py := s.X[prev], s.Y[prev]
				if s.Kind == Step {
					sm.seg(px, py, x, py)
					sm.seg(x, py, x, y)
				} else {
					sm.seg(px, py, x, y)
				}
				if plo, phi, pok := interval(s, prev); ok && pok {
					sm.band(px, plo, phi, x, lo, hi)
				}
			}
		}
		if finite(x) && finite(y) {
			prev = i
		} else {
			prev = -1
		}
	}
}

package reports

import (
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// testTile is the canvas of one panel of a default chart of two columns.
func testTile() draw.Canvas {
	return draw.New(vgimg.New(vg.Inch*5, vg.Inch*defaultPanelHeight))
}

// line is a labelled line through the points (x, y) of xy, with the band lo..hi when given.
func line(label string, xy, lo, hi []float64) Series {
	s := Series{Label: label, Kind: Line}
	for i := 0; i < len(xy); i += 2 {
		s.X, s.Y = append(s.X, xy[i]), append(s.Y, xy[i+1])
	}
	s.Lo, s.Hi = lo, hi
	return s
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func TestLegendLayout(t *testing.T) {
	pct := func(p Panel) Panel { p.YMin, p.YMax = ptr(0), ptr(100); return p }
	long := strings.Repeat("a long legend label ", 3)
	tests := []struct {
		name   string
		panel  Panel
		side   legendSide
		corner corner
	}{
		{"data low: top right", pct(Panel{Series: []Series{line("low", []float64{0, 0, 10, 40}, nil, nil)}}),
			legendInside, corner{top: true}},
		{"rising diagonal: top left", pct(Panel{Series: []Series{line("rise", []float64{0, 0, 10, 100}, nil, nil)}}),
			legendInside, corner{top: true, left: true}},
		{"top and bottom left taken: bottom right", pct(Panel{Series: []Series{line("top", []float64{0, 95, 10, 95}, nil, nil),
			line("bottom", []float64{0, 0, 5, 0}, nil, nil)}}),
			legendInside, corner{}},
		{"band over everything, short label: right", pct(Panel{Series: []Series{
			line("all", []float64{0, 50, 10, 50}, []float64{0, 0}, []float64{100, 100})}}),
			legendRight, corner{}},
		{"bars everywhere, long labels: below", pct(Panel{Series: []Series{
			{Label: long + "1", Kind: Bars, X: []float64{0, 1, 2, 3}, Y: []float64{100, 100, 100, 100}, Width: 1},
			{Label: long + "2", Kind: Step, X: []float64{-0.5, 3.5}, Y: []float64{90, 90}}}}),
			legendBelow, corner{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl, entries, err := newPlot(tc.panel)
			if err != nil {
				t.Fatal(err)
			}
			tile := testTile()
			l := layoutPanel(pl, tc.panel, entries, tile)
			if l.side != tc.side || (l.side == legendInside && l.corner != tc.corner) {
				t.Fatalf("legend %s %+v, want %s %+v", l.side, l.corner, tc.side, tc.corner)
			}
			if pl.Y.Min != 0 || pl.Y.Max != 100 {
				t.Errorf("fixed Y axis %g–%g after layout, want 0–100", pl.Y.Min, pl.Y.Max)
			}
			box, data := grow(l.box(), vg.Points(legendPad)), pl.DataCanvas(l.plot).Rectangle
			if pts := dataSamples(pl, tc.panel, pl.DataCanvas(l.plot)); anyIn(pts, box) {
				t.Errorf("legend box %v covers drawn data", box)
			}
			if l.side != legendInside && overlaps(box, data) {
				t.Errorf("legend box %v outside overlaps the data area %v", box, data)
			}
			if !contains(tile.Rectangle, box.Min) || !contains(tile.Rectangle, box.Max) {
				t.Errorf("legend box %v leaves the tile %v", box, tile.Rectangle)
			}
			if l.side == legendBelow && len(l.cols) != 2 && data.Max.X-data.Min.X > 2*(l.rects[0].Max.X-l.rects[0].Min.X)+vg.Points(30) {
				t.Errorf("below: %d columns, want 2 side by side when they fit", len(l.cols))
			}
		})
	}
}

// TestLegendHeadroomCeiling checks that the room made for a legend on a
// fitted axis stops at the panel's ceiling: a sweep's service level near
// 100 % never gets a 110 % tick, and the legend goes outside instead.
func TestLegendHeadroomCeiling(t *testing.T) {
	p := Panel{YCeil: ptr(100), Series: []Series{
		line("a", []float64{0, 90, 5, 99, 10, 90}, nil, nil),
		line("b", []float64{0, 85, 5, 100, 10, 85}, nil, nil),
		line("c", []float64{0, 80, 10, 95}, nil, nil)}}
	pl, entries, err := newPlot(p)
	if err != nil {
		t.Fatal(err)
	}
	l := layoutPanel(pl, p, entries, testTile())
	if pl.Y.Max != 100 {
		t.Errorf("fitted axis with ceiling 100 ends at %g after headroom, want 100", pl.Y.Max)
	}
	for _, tk := range pl.Y.Tick.Marker.Ticks(pl.Y.Min, pl.Y.Max) {
		if tk.Value > 100 {
			t.Errorf("tick at %g, want none above 100", tk.Value)
		}
	}
	if pts := dataSamples(pl, p, pl.DataCanvas(l.plot)); anyIn(pts, grow(l.box(), vg.Points(legendPad))) {
		t.Errorf("legend %s %+v covers data", l.side, l.corner)
	}
}

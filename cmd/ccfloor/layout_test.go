package main

import (
	"testing"

	"github.com/ccsim/ccsim/sim"
)

func TestLayoutRegions(t *testing.T) {
	l := NewLayout(defaultScenario(t), []int{36, 30})
	screen := Rect{0, 0, screenW, screenH}
	regions := []struct {
		name string
		r    Rect
	}{
		{"header", l.Header}, {"arrivals", l.Arrivals}, {"bot", l.Bot}, {"queues", l.Queues},
		{"exits", l.Exits}, {"agents", l.Agents}, {"legend", l.Legend}, {"footer", l.Footer},
	}
	for i, a := range regions {
		if !a.r.In(screen) {
			t.Errorf("%s %+v is not on the screen", a.name, a.r)
		}
		for _, b := range regions[i+1:] {
			if a.r.Overlaps(b.r) {
				t.Errorf("%s %+v overlaps %s %+v", a.name, a.r, b.name, b.r)
			}
		}
	}
	inside := []struct {
		name      string
		r, parent Rect
	}{
		{"entry", l.Entry, l.Arrivals}, {"profile", l.Profile, l.Arrivals}, {"bot axis", l.BotAxis, l.Bot},
		{"contained card", l.Contained, l.Exits}, {"hang-up card", l.Hangup, l.Exits}, {"abandoned card", l.Abandoned, l.Exits},
	}
	for _, c := range inside {
		if !c.r.In(c.parent) {
			t.Errorf("%s %+v is outside its panel %+v", c.name, c.r, c.parent)
		}
	}
}

func TestLayoutSeats(t *testing.T) {
	sc := defaultScenario(t)
	tests := []struct {
		name    string
		seats   []int
		minTile float32
	}{
		{"default", []int{36, 30}, 30},
		{"one seat", []int{1, 0}, 30},
		{"a big center", []int{400, 250}, 8},
		{"many small groups", []int{5, 5}, 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := NewLayout(sc, tc.seats)
			if len(l.Groups) != len(tc.seats) {
				t.Fatalf("%d group areas, want %d", len(l.Groups), len(tc.seats))
			}
			if l.Tile < tc.minTile || l.Tile > maxTile {
				t.Errorf("Tile = %v, want %v to %v", l.Tile, tc.minTile, maxTile)
			}
			var tiles []Rect
			first := 0
			for g, ga := range l.Groups {
				if ga.Seats != tc.seats[g] || ga.First != first || ga.Grid.Cap() < ga.Seats {
					t.Errorf("group %d: %d seats from %d in %d cells, want %d from %d", g, ga.Seats, ga.First, ga.Grid.Cap(), tc.seats[g], first)
				}
				first += ga.Seats
				for i := range ga.Seats {
					tiles = append(tiles, l.SeatRect(ga, i))
				}
			}
			body := l.Agents.Body()
			for i, r := range tiles {
				if !r.In(body) {
					t.Fatalf("tile %d %+v is outside the agent panel %+v", i, r, body)
				}
				if i > 0 && r.Overlaps(tiles[i-1]) {
					t.Fatalf("tile %d %+v overlaps the one before %+v", i, r, tiles[i-1])
				}
			}
		})
	}
}

func TestLayoutQueues(t *testing.T) {
	sc := defaultScenario(t) // voice and chat; chat answers in 60 s
	l := NewLayout(sc, []int{36, 30})
	if len(l.Queue) != 2 || l.Queue[0].Channel != sim.Voice || l.Queue[1].Channel != sim.Chat {
		t.Fatalf("queue areas %+v, want voice then chat", l.Queue)
	}
	if l.Queue[0].Thresh != 20 || l.Queue[1].Thresh != 60 {
		t.Errorf("thresholds %v, %v, want 20 s and 60 s", l.Queue[0].Thresh, l.Queue[1].Thresh)
	}
	for _, q := range l.Queue {
		if !q.Grid.Area.In(l.Queues) || q.Grid.Cap() < 50 {
			t.Errorf("%v queue grid %+v holds %d, want inside %+v and room for 50", q.Channel, q.Grid.Area, q.Grid.Cap(), l.Queues)
		}
	}
}

func TestGrid(t *testing.T) {
	g := Grid{Area: Rect{10, 20, 100, 50}, Cols: 5, Rows: 2, Cell: 20}
	tests := []struct {
		i      int
		cx, cy float32
	}{
		{0, 20, 30},
		{4, 100, 30},
		{5, 20, 50},
		{9, 100, 50},
	}
	for _, tc := range tests {
		if x, y := g.Center(tc.i); x != tc.cx || y != tc.cy {
			t.Errorf("Center(%d) = %v, %v, want %v, %v", tc.i, x, y, tc.cx, tc.cy)
		}
	}
	if g.Cap() != 10 {
		t.Errorf("Cap = %d, want 10", g.Cap())
	}
	if f := fixedGrid(Rect{0, 0, 100, 35}, 17); f.Cols != 5 || f.Rows != 2 {
		t.Errorf("fixedGrid(100×35, 17) = %d×%d, want 5×2", f.Cols, f.Rows)
	}
}

func TestWaitColour(t *testing.T) {
	tests := []struct {
		name           string
		waited, thresh float64
		want           func(r, g, b uint8) bool
	}{
		{"just in", 0, 20, func(r, g, b uint8) bool { return rgbEq(r, g, b, colGreen) }},
		{"half way", 10, 20, func(r, g, b uint8) bool { return rgbEq(r, g, b, colAmber) }},
		{"a quarter", 5, 20, func(r, g, b uint8) bool { return g > r && r > colGreen.R }}, // between green and amber
		{"nearly there", 19.9, 20, func(r, g, b uint8) bool { return r > g && !rgbEq(r, g, b, colRed) }},
		{"at the threshold", 20, 20, func(r, g, b uint8) bool { return rgbEq(r, g, b, colRed) }},
		{"long past", 300, 20, func(r, g, b uint8) bool { return rgbEq(r, g, b, colRed) }},
		{"chat, 30 s of 60", 30, 60, func(r, g, b uint8) bool { return rgbEq(r, g, b, colAmber) }},
		{"no threshold", 0, 0, func(r, g, b uint8) bool { return rgbEq(r, g, b, colRed) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := waitColour(tc.waited, tc.thresh)
			if !tc.want(c.R, c.G, c.B) || c.A != 0xff {
				t.Errorf("waitColour(%v, %v) = %v", tc.waited, tc.thresh, c)
			}
		})
	}
}

func rgbEq(r, g, b uint8, c interface{ RGBA() (r, g, b, a uint32) }) bool {
	cr, cg, cb, _ := c.RGBA()
	return uint32(r) == cr>>8 && uint32(g) == cg>>8 && uint32(b) == cb>>8
}

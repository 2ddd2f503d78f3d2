package main

import (
	"math"
	"slices"

	"github.com/ccsim/ccsim/sim"
)

// The floor is drawn on a fixed logical screen; ebiten scales it to the window.
const (
	screenW = 1280
	screenH = 800
	titleH  = 24 // a panel's title strip
	pad     = 10 // inner margin of panels
	dotCell = 17 // grid cell of a customer dot in the bot and the queues
	maxTile = 46 // largest seat tile cell
)

// Rect is an axis-aligned rectangle in screen pixels.
type Rect struct{ X, Y, W, H float32 }

// Right is the x just past r.
func (r Rect) Right() float32 { return r.X + r.W }

// Bottom is the y just past r.
func (r Rect) Bottom() float32 { return r.Y + r.H }

// Inset is r shrunk by d on every side.
func (r Rect) Inset(d float32) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// Body is r below its title strip, inset by pad.
func (r Rect) Body() Rect { return Rect{r.X + pad, r.Y + titleH, r.W - 2*pad, r.H - titleH - pad} }

// Contains reports whether r holds the point (x, y).
func (r Rect) Contains(x, y float32) bool {
	return x >= r.X && x <= r.Right() && y >= r.Y && y <= r.Bottom()
}

// In reports whether r lies inside o.
func (r Rect) In(o Rect) bool {
	return r.X >= o.X && r.Y >= o.Y && r.Right() <= o.Right() && r.Bottom() <= o.Bottom()
}

// Overlaps reports whether r and o share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.Right() && o.X < r.Right() && r.Y < o.Bottom() && o.Y < r.Bottom()
}

// Grid is square cells of Cell pixels filled row by row from Area's top left.
type Grid struct {
	Area       Rect
	Cols, Rows int
	Cell       float32
}

// Cap is how many cells fit.
func (g Grid) Cap() int { return g.Cols * g.Rows }

// CellRect is cell i.
func (g Grid) CellRect(i int) Rect {
	c, r := i%max(1, g.Cols), i/max(1, g.Cols)
	return Rect{g.Area.X + float32(c)*g.Cell, g.Area.Y + float32(r)*g.Cell, g.Cell, g.Cell}
}

// Center is the centre of cell i.
func (g Grid) Center(i int) (x, y float32) {
	r := g.CellRect(i)
	return r.X + r.W/2, r.Y + r.H/2
}

// fixedGrid fills area with cells of the given size.
func fixedGrid(area Rect, cell float32) Grid {
	return Grid{Area: area, Cols: int(area.W / cell), Rows: int(area.H / cell), Cell: cell}
}

// GroupArea is where one agent group's seats are drawn.
type GroupArea struct {
	Group int
	Label Rect // the group's name and counts
	Grid  Grid // one cell per seat
	First int  // index in sim.Floor.Agents of the group's first seat
	Seats int
}

// QueueArea is where the customers waiting in one channel are drawn.
type QueueArea struct {
	Channel sim.Channel
	Thresh  float64 // service-level threshold of the channel, seconds
	Label   Rect
	Grid    Grid
}

// Layout is where everything goes on the screen for one scenario and its seats.
type Layout struct {
	Header, Arrivals, Bot, Queues, Exits, Agents, Legend, Footer Rect

	Lane    Rect // arriving customers walk across it
	Profile Rect // the day's arrival profile
	BotGrid Grid // one cell per bot session
	Queue   []QueueArea
	Groups  []GroupArea
	Tile    float32 // seat tile size: a grid cell less the gap

	Contained, Hangup, Abandoned Rect // exit cards
}

// NewLayout lays the floor out for sc with seats[g] seats in group g.
func NewLayout(sc *sim.Scenario, seats []int) Layout {
	l := Layout{
		Header:   Rect{0, 0, screenW, 72},
		Arrivals: Rect{16, 84, 572, 100},
		Bot:      Rect{16, 196, 572, 216},
		Queues:   Rect{16, 424, 572, 276},
		Exits:    Rect{600, 84, 150, 616},
		Agents:   Rect{762, 84, 502, 616},
		Legend:   Rect{16, 712, 1248, 54},
		Footer:   Rect{0, 774, screenW, 26},
	}
	a := l.Arrivals.Body()
	l.Lane = Rect{a.X, a.Y + 24, a.W * 0.42, a.H - 24}
	l.Profile = Rect{a.X + a.W*0.48, a.Y + 4, a.W * 0.52, a.H - 4}
	l.BotGrid = fixedGrid(l.Bot.Body(), dotCell)
	card := func(y float32) Rect { return Rect{l.Exits.X + pad, y, l.Exits.W - 2*pad, 62} }
	l.Contained = card(l.Bot.Y + titleH)
	l.Hangup = card(l.Bot.Bottom() - 62 - pad)
	l.Abandoned = card(l.Queues.Y + titleH)
	l.layQueues(sc)
	l.layGroups(seats)
	return l
}

// layQueues gives each channel of the scenario an equal band of the queue panel.
func (l *Layout) layQueues(sc *sim.Scenario) {
	var chans []sim.Channel
	for _, in := range sc.Intents {
		if !slices.Contains(chans, in.Channel) {
			chans = append(chans, in.Channel)
		}
	}
	slices.Sort(chans)
	body := l.Queues.Body()
	band := body.H / float32(len(chans))
	for i, ch := range chans {
		y := body.Y + float32(i)*band
		thresh := sc.ServiceLevel.Threshold.Seconds()
		if goal, ok := sc.Channels[ch]; ok {
			thresh = goal.Threshold.Seconds()
		}
		l.Queue = append(l.Queue, QueueArea{Channel: ch, Thresh: thresh,
			Label: Rect{body.X, y, body.W, 18},
			Grid:  fixedGrid(Rect{body.X, y + 20, body.W, band - 24}, dotCell)})
	}
}

// layGroups stacks the groups in the agent panel with one tile size for all,
// the largest that fits.
func (l *Layout) layGroups(seats []int) {
	const labelH = 22
	body := l.Agents.Body()
	cell := float32(maxTile)
	for ; cell > 4; cell -= 0.5 {
		h := float32(0)
		cols := int(body.W / cell)
		for _, n := range seats {
			h += labelH + float32((n+cols-1)/cols)*cell + 6
		}
		if h <= body.H {
			break
		}
	}
	cols := int(body.W / cell)
	y, first := body.Y, 0
	for g, n := range seats {
		rows := (n + cols - 1) / cols
		l.Groups = append(l.Groups, GroupArea{Group: g, First: first, Seats: n,
			Label: Rect{body.X, y, body.W, labelH},
			Grid:  Grid{Area: Rect{body.X, y + labelH, float32(cols) * cell, float32(rows) * cell}, Cols: cols, Rows: rows, Cell: cell}})
		y += labelH + float32(rows)*cell + 6
		first += n
	}
	l.Tile = cell - float32(math.Max(3, math.Round(float64(cell)*0.14)))
}

// SeatRect is the tile of seat i of group area ga.
func (l *Layout) SeatRect(ga GroupArea, i int) Rect {
	c := ga.Grid.CellRect(i)
	return Rect{c.X, c.Y, l.Tile, l.Tile}
}

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
	dotCell = 19 // grid cell of a customer dot in the bot and the queues
	maxTile = 52 // largest seat tile cell
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

	Entry    Rect      // arriving customers walk across it
	Profile  Rect      // the day's arrival profile
	BotLanes []BotLane // one per bot-eligible intent
	BotAxis  Rect      // time-in-the-bot scale under the lanes
	BotScale float64   // seconds at the right end of the lanes
	Queue    []QueueArea
	Groups   []GroupArea
	Tile     float32 // seat tile size: a grid cell less the gap

	Contained, Hangup, Abandoned Rect // exit cards
}

// NewLayout lays the floor out for sc with seats[g] seats in group g.
func NewLayout(sc *sim.Scenario, seats []int) Layout {
	l := Layout{
		Header:   Rect{0, 0, screenW, 72},
		Arrivals: Rect{16, 84, 572, 100},
		Bot:      Rect{16, 196, 572, 200},
		Queues:   Rect{16, 408, 572, 292},
		Exits:    Rect{600, 84, 150, 616},
		Agents:   Rect{762, 84, 502, 616},
		Legend:   Rect{16, 712, 1248, 54},
		Footer:   Rect{0, 774, screenW, 26},
	}
	a := l.Arrivals.Body()
	l.Entry = Rect{a.X, a.Y + 26, a.W * 0.42, a.H - 26}
	l.Profile = Rect{a.X + a.W*0.48, a.Y + 4, a.W * 0.52, a.H - 4}
	l.layBot(sc)
	card := func(y float32) Rect { return Rect{l.Exits.X + pad, y, l.Exits.W - 2*pad, 62} }
	l.Contained = card(l.Bot.Y + titleH)
	l.Hangup = card(l.Bot.Bottom() - 62 - pad)
	l.Abandoned = card(l.Queues.Y + titleH)
	l.layQueues(sc)
	l.layGroups(seats)
	return l
}

// BotLane is where the bot sessions of one intent move along, from the
// left as they start to the right as they go on.
type BotLane struct {
	Intent int
	Label  Rect // the intent's name
	Track  Rect // the sessions
}

// BotX is the position along the lanes of a session elapsed seconds old.
func (l *Layout) BotX(elapsed float64) float32 {
	f := float32(min(1, max(0, elapsed/l.BotScale)))
	r := float32(dotCell) / 2
	return l.BotAxis.X + r + (l.BotAxis.W-2*r)*f
}

// layBot gives each bot-eligible intent a lane, with a time scale of about
// three mean bot sessions in whole minutes.
func (l *Layout) layBot(sc *sim.Scenario) {
	const labelW, axisH = 118, 16
	body := l.Bot.Body()
	var eligible []int
	for i, in := range sc.Intents {
		if in.BotEligible() && sc.Bot != nil {
			eligible = append(eligible, i)
		}
	}
	l.BotScale = 60
	if sc.Bot != nil {
		l.BotScale = max(60, math.Ceil(3*sc.Bot.HandleTime.Mean()/60)*60)
	}
	laneH := (body.H - axisH) / float32(max(1, len(eligible)))
	for k, i := range eligible {
		y := body.Y + float32(k)*laneH
		l.BotLanes = append(l.BotLanes, BotLane{Intent: i,
			Label: Rect{body.X, y, labelW, laneH},
			Track: Rect{body.X + labelW, y, body.W - labelW, laneH}})
	}
	l.BotAxis = Rect{body.X + labelW, body.Bottom() - axisH, body.W - labelW, axisH}
}

// Lane returns the lane of intent i; false when it has none.
func (l *Layout) Lane(i int) (BotLane, bool) {
	for _, ln := range l.BotLanes {
		if ln.Intent == i {
			return ln, true
		}
	}
	return BotLane{}, false
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

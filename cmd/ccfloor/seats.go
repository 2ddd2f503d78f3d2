package main

import (
	"fmt"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// seatCounts are the seats of a group by state.
type seatCounts struct{ off, brk, idle, busy int }

func countSeats(seats []sim.AgentView) seatCounts {
	var c seatCounts
	for _, a := range seats {
		switch a.State {
		case sim.SeatOff:
			c.off++
		case sim.SeatBreak:
			c.brk++
		case sim.SeatIdle:
			c.idle++
		case sim.SeatBusy:
			c.busy++
		}
	}
	return c
}

// agents draws the agent panel: each group's seats as a grid of tiles.
func (v *View) agents(w *World) {
	l, s := &v.Layout, &v.Scene
	all := countSeats(w.Floor.Agents)
	v.panel(l.Agents, "AGENTS", fmt.Sprintf("%d on duty  ·  %d busy  ·  %d on break", all.idle+all.busy, all.busy, all.brk))
	for _, ga := range l.Groups {
		seats := w.Floor.Agents[ga.First : ga.First+ga.Seats]
		c := countSeats(seats)
		name := strings.ToUpper(w.Scenario.Groups[ga.Group].Name)
		s.text(ga.Label.X, ga.Label.Y+10, name, fontBold, alignLeft, colText)
		s.text(ga.Label.X+textWidth(name, fontBold)+12, ga.Label.Y+10,
			fmt.Sprintf("%d on duty · %d busy · %d on break · %d off", c.idle+c.busy, c.busy, c.brk, c.off), fontSmall, alignLeft, colDim)
		if w.Target == ga.Group {
			s.text(ga.Label.Right(), ga.Label.Y+10, "↑ / ↓ add or remove here", fontSmall, alignRight, colAmber)
		}
		for i, a := range seats {
			v.seat(l.SeatRect(ga, i), a, tagSeat)
		}
	}
}

// seat draws one seat tile: an outline when off, grey with a pause sign on
// a break, dark when idle, the intent's colour when busy, with a mark for
// escalations (a dot with the bot's context, a ring without) and one pip
// per chat. The tile is tagged tag.
func (v *View) seat(r Rect, a sim.AgentView, tag Tag) {
	s := &v.Scene
	switch a.State {
	case sim.SeatOff:
		s.frame(r, 0, 1, colSeatOff)
		s.tag(tag)
	case sim.SeatBreak:
		s.rect(r, 4, colSeatBreak)
		s.tag(tag)
		bw, bh := r.W*0.1, r.H*0.36
		s.rect(Rect{r.X + r.W/2 - 2*bw, r.Y + (r.H-bh)/2, bw, bh}, 0, colDim)
		s.rect(Rect{r.X + r.W/2 + bw, r.Y + (r.H-bh)/2, bw, bh}, 0, colDim)
	case sim.SeatIdle:
		s.rect(r, 4, colSeatIdle)
		s.tag(tag)
		s.frame(r, 4, 1.2, colIdleEdge)
	case sim.SeatBusy:
		s.rect(r, 4, intentColour(a.Intent))
		s.tag(tag)
		v.marks(r, a)
	}
}

// marks draws the escalation mark and the chat pips of a busy seat.
func (v *View) marks(r Rect, a sim.AgentView) {
	s := &v.Scene
	mr := max(2.5, r.W*0.12)
	mx, my := r.Right()-mr-3, r.Y+mr+3
	switch a.Route {
	case sim.RouteEscalatedCtx:
		s.dot(mx, my, mr, colMark, tagNone)
	case sim.RouteEscalatedNoCtx:
		s.dot(mx, my, mr, colShadow, tagNone)
		s.ring(mx, my, mr, 1.6, colMark, tagNone)
	}
	pr := max(1.5, r.W*0.06)
	for k := range min(a.Chats, 4) {
		s.dot(r.X+pr+3+float32(k)*(2*pr+2.5), r.Bottom()-pr-3, pr, colMark, tagNone)
	}
}

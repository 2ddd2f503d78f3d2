package main

import (
	"image/color"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// moves draws the customers in flight: arrivals walking in, and contained,
// hung-up and abandoning customers flying to their exit cards.
func (v *View) moves(w *World) {
	l, s := &v.Layout, &v.Scene
	for _, m := range w.Moves.List {
		p := m.Progress()
		e := 1 - (1-p)*(1-p) // ease out
		alpha := min(1, p*6, (1-p)*4)
		jit := float32(m.Key%1000) / 1000
		switch m.Kind {
		case moveArrive:
			x := l.Entry.X + (l.Entry.W-4)*p
			y := l.Entry.Y + 4 + (l.Entry.H-8)*jit
			s.dot(x, y, 3.5, fade(colArrive, alpha), tagMove)
		case moveContained, moveHangup:
			x0, y0 := l.Bot.X+l.Bot.W/2, l.Bot.Y+l.Bot.H/2
			if ln, ok := l.Lane(m.Intent); ok {
				x0, y0 = l.BotX(m.From), ln.Track.Y+ln.Track.H/2
			}
			to, col := l.Contained, colGreen
			if m.Kind == moveHangup {
				to, col = l.Hangup, colHangup
			}
			v.fly(x0, y0, to, jit, e, fade(col, alpha*0.75))
		case moveAbandon:
			x0, y0 := v.queueSpot(m)
			v.fly(x0, y0, l.Abandoned, jit, e, fade(colRed, alpha*0.85))
		}
	}
}

// queueSpot is where an abandoning customer of m's channel starts from:
// somewhere in the queue as it stands.
func (v *View) queueSpot(m Move) (x, y float32) {
	for i, qa := range v.Layout.Queue {
		if qa.Channel == m.Channel {
			n := max(1, min(qa.Grid.Cap(), len(v.queues[i])))
			return qa.Grid.Center(int(m.Key>>10) % n)
		}
	}
	return v.Layout.Queues.X, v.Layout.Queues.Y
}

// fly draws a dot a fraction e of the way from (x0, y0) to the left edge of card.
func (v *View) fly(x0, y0 float32, card Rect, jit, e float32, col color.NRGBA) {
	x1, y1 := card.X+8, card.Y+10+(card.H-20)*jit
	v.Scene.dot(x0+(x1-x0)*e, y0+(y1-y0)*e, 3.5, col, tagMove) // smaller than a customer in place
}

// legend explains the colours and marks: intents on one line, waits and
// seats on the next.
func (v *View) legend(w *World) {
	s, r := &v.Scene, v.Layout.Legend
	s.rect(r, 8, colPanel)
	y := r.Y + 15
	x := r.X + 12
	s.text(x, y, "INTENT", fontSmall, alignLeft, colDim)
	x += 70
	for i, in := range w.Scenario.Intents {
		s.rect(Rect{x, y - 6, 12, 12}, 3, intentColour(i))
		name := strings.ReplaceAll(in.Name, "_", " ")
		if !in.BotEligible() {
			name += " (to agents)"
		}
		s.text(x+18, y, name, fontBody, alignLeft, colText)
		x += 18 + textWidth(name, fontBody) + 22
	}
	v.legendMarks(r.X+12, r.Y+39)
}

// legendMarks draws the second legend line from x: wait colours and seat tiles.
func (v *View) legendMarks(x, y float32) {
	s := &v.Scene
	item := func(label string, draw func(cx float32)) {
		draw(x + 6)
		s.text(x+18, y, label, fontBody, alignLeft, colText)
		x += 18 + textWidth(label, fontBody) + 20
	}
	tile := func(cx float32, st sim.AgentState, route sim.Route, chats int) {
		v.seat(Rect{cx - 8, y - 8, 16, 16}, sim.AgentView{State: st, Intent: 0, Route: route, Chats: chats}, tagNone)
	}
	s.text(x, y, "WAITING", fontSmall, alignLeft, colDim)
	x += 70
	item("just in", func(cx float32) { s.dot(cx, y, 5, colGreen, tagNone) })
	item("near the goal", func(cx float32) { s.dot(cx, y, 5, colAmber, tagNone) })
	item("past the goal", func(cx float32) { s.dot(cx, y, 5, colRed, tagNone) })
	item("callback", func(cx float32) { s.ring(cx, y, 4, 2, colGreen, tagNone) })
	x += 16
	s.text(x, y, "SEATS", fontSmall, alignLeft, colDim)
	x += 50
	item("idle", func(cx float32) { tile(cx, sim.SeatIdle, 0, 0) })
	item("busy (intent)", func(cx float32) { tile(cx, sim.SeatBusy, sim.RouteDirect, 0) })
	item("bot context", func(cx float32) { tile(cx, sim.SeatBusy, sim.RouteEscalatedCtx, 0) })
	item("no context", func(cx float32) { tile(cx, sim.SeatBusy, sim.RouteEscalatedNoCtx, 0) })
	item("chats", func(cx float32) { tile(cx, sim.SeatBusy, sim.RouteDirect, 2) })
	item("break", func(cx float32) { tile(cx, sim.SeatBreak, 0, 0) })
	item("off", func(cx float32) { tile(cx, sim.SeatOff, 0, 0) })
}

// footer shows the keys, and the latest note on the left.
func (v *View) footer(w *World) {
	s, r := &v.Scene, v.Layout.Footer
	y := r.Y + r.H/2
	s.text(screenW-16, y, "Space pause   ← → speed   S step   R new seed   B / Shift+B bot ±0.1   ↑ ↓ agents ±1   G group   0 reset   H help",
		fontSmall, alignRight, colDim)
	if w.Note != "" {
		s.text(16, y, clip(w.Note, 80), fontBody, alignLeft, colAmber)
	}
}

// help draws the key overlay.
func (v *View) help() {
	s := &v.Scene
	s.rect(Rect{0, 0, screenW, screenH}, 0, color.NRGBA{0, 0, 0, 0xb0})
	s.tag(tagHelp)
	bs := bindings()
	h := float32(len(bs))*28 + 120
	r := Rect{screenW/2 - 320, screenH/2 - h/2, 640, h}
	s.rect(r, 12, colHeader)
	s.frame(r, 12, 1.5, colIdleEdge)
	s.text(r.X+r.W/2, r.Y+30, "Keys", fontTitle, alignCenter, colText)
	for i, b := range bs {
		y := r.Y + 66 + float32(i)*28
		s.text(r.X+200, y, b.keys, fontBold, alignRight, colAmber)
		s.text(r.X+224, y, b.help, fontBody, alignLeft, colText)
	}
	s.text(r.X+r.W/2, r.Bottom()-28, "What-ifs restart the day with the same seed: the same customers call, so the difference is the change.",
		fontSmall, alignCenter, colDim)
}

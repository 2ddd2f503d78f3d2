package main

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// arrivals draws the arrivals panel: customers walking in and the day's profile.
func (v *View) arrivals(w *World) {
	l, s, sc := &v.Layout, &v.Scene, w.Scenario
	info := count(w.Floor.KPIs[sim.MOffered]) + " so far"
	if i := interval(sc, w.Now()); i >= 0 {
		info += fmt.Sprintf("  ·  %.0f expected %s–%s", sc.Arrivals.Profile[i], clock(sc, time.Duration(i)*sc.Arrivals.Interval), clock(sc, time.Duration(i+1)*sc.Arrivals.Interval))
	} else if !sc.Arrivals.Day() {
		info += fmt.Sprintf("  ·  %.0f an hour", sc.Arrivals.Rate)
	}
	v.panel(l.Arrivals, "ARRIVALS", info)
	lane := l.Entry
	mid := lane.Y + lane.H/2
	s.line(lane.X, mid, lane.Right()+6, mid, 1, colFaint)
	s.line(lane.Right(), mid-5, lane.Right()+6, mid, 1.5, colDim)
	s.line(lane.Right(), mid+5, lane.Right()+6, mid, 1.5, colDim)
	s.text(lane.X, lane.Y-14, "customers calling and chatting in", fontSmall, alignLeft, colDim)
	v.profile(w)
}

// profile draws the expected arrivals per interval, the current one lit.
func (v *View) profile(w *World) {
	s, sc, p := &v.Scene, w.Scenario, v.Layout.Profile
	prof := sc.Arrivals.Profile
	if len(prof) == 0 {
		return
	}
	top := slices.Max(prof)
	if top <= 0 {
		top = 1
	}
	bars := Rect{p.X, p.Y, p.W, p.H - 14}
	bw := bars.W / float32(len(prof))
	now := interval(sc, w.Now())
	for i, x := range prof {
		h := max(1, bars.H*float32(x/top))
		col := colFaint
		switch {
		case i == now:
			col = colArrive
		case now < 0 && w.Now() > 0 || i < now:
			col = rgb(0x3d5a8a)
		}
		s.rect(Rect{bars.X + float32(i)*bw, bars.Bottom() - h, max(1, bw-1.5), h}, 0, col)
	}
	s.text(p.X, p.Bottom()-5, clock(sc, 0), fontSmall, alignLeft, colDim)
	s.text(p.Right(), p.Bottom()-5, clock(sc, sc.Arrivals.Close-sc.Arrivals.Open), fontSmall, alignRight, colDim)
	s.text(p.X+p.W/2, p.Bottom()-5, "expected arrivals per "+shortDur(sc.Arrivals.Interval), fontSmall, alignCenter, colFaint)
}

// bot draws the bot lane: one dot per session in progress, by intent.
func (v *View) bot(w *World) {
	l, s, sc, k := &v.Layout, &v.Scene, w.Scenario, w.Floor.KPIs
	if sc.Bot == nil {
		v.panel(l.Bot, "AI BOT", "")
		b := l.Bot.Body()
		s.text(b.X+b.W/2, b.Y+b.H/2, "no bot in this scenario: every contact goes to the agents", fontBody, alignCenter, colDim)
		return
	}
	info := fmt.Sprintf("%d sessions", len(w.Floor.InBot))
	if c := sc.Bot.Capacity; c > 0 {
		info += fmt.Sprintf(" (room for %d)", c)
	}
	info += "  ·  " + count(k[sim.MEscalatedCtx]+k[sim.MEscalatedNoCtx]+k[sim.MOptedOut]+k[sim.MBotOverflow]) + " passed to agents"
	v.panel(l.Bot, "AI BOT", info)
	v.botAxis()
	v.byLane = slices.Grow(v.byLane[:0], len(l.BotLanes))[:len(l.BotLanes)]
	for k, ln := range l.BotLanes {
		v.byLane[k] = v.byLane[k][:0]
		for _, b := range w.Floor.InBot {
			if b.Intent == ln.Intent {
				v.byLane[k] = append(v.byLane[k], b)
			}
		}
		v.lane(ln, v.byLane[k], sc.Intents[ln.Intent].Name)
	}
}

// botAxis draws the time-in-the-bot scale, a tick a minute.
func (v *View) botAxis() {
	l, s := &v.Layout, &v.Scene
	a := l.BotAxis
	for t := 0.0; t <= l.BotScale; t += 60 {
		x := l.BotX(t)
		s.line(x, l.BotLanes[0].Track.Y, x, a.Y+2, 1, colPanelEdge)
		s.text(x, a.Y+a.H/2+2, fmt.Sprintf("%.0f min", t/60), fontSmall, alignCenter, colFaint)
	}
	s.text(l.Bot.X+pad, a.Y+a.H/2+2, "time in the bot →", fontSmall, alignLeft, colFaint)
}

// lane draws one intent's sessions at their time in the bot, stacking dots
// that would overlap.
func (v *View) lane(ln BotLane, bots []sim.BotView, name string) {
	s := &v.Scene
	slices.SortFunc(bots, func(a, b sim.BotView) int { return cmp.Compare(b.Elapsed, a.Elapsed) })
	s.text(ln.Label.X, ln.Label.Y+ln.Label.H/2, strings.ReplaceAll(name, "_", " "), fontBody, alignLeft, colText)
	s.text(ln.Label.Right()-8, ln.Label.Y+ln.Label.H/2, fmt.Sprint(len(bots)), fontBold, alignRight, colDim)
	s.line(ln.Track.X, ln.Track.Bottom(), ln.Track.Right(), ln.Track.Bottom(), 1, colPanelEdge)
	const d = 13 // dot diameter
	rows := max(1, int(ln.Track.H/12))
	if rows > 1 && rows%2 == 0 {
		rows-- // an odd number keeps the first row on the lane's middle
	}
	last := v.rowEnds[:0]
	for range rows {
		last = append(last, float32(math.Inf(1)))
	}
	v.rowEnds = last
	for _, b := range bots {
		x := v.Layout.BotX(b.Elapsed)
		r := 0
		for k := range rows { // first free row, else the one with the widest gap
			if last[k]-x >= d {
				r = k
				break
			}
			if last[k]-x > last[r]-x {
				r = k
			}
		}
		last[r] = x
		s.dot(x, subRow(ln.Track, r, rows), d/2-0.5, intentColour(b.Intent), tagBot)
	}
}

// subRow is the y of sub-row k of n in track, filling from the middle out.
func subRow(track Rect, k, n int) float32 {
	h := track.H / float32(n)
	mid, off := (n-1)/2, (k+1)/2
	if k%2 == 1 {
		off = -off
	}
	i := mid + off
	if i < 0 || i >= n { // an even n: the outermost row is on one side only
		i = mid - off
	}
	return track.Y + (float32(i)+0.5)*h
}

// queue draws the human queues: one dot per waiting customer, coloured by
// the wait against the channel's threshold, longest-waiting first.
func (v *View) queue(w *World) {
	l, s := &v.Layout, &v.Scene
	v.panel(l.Queues, "WAITING FOR AN AGENT", fmt.Sprintf("%d waiting", len(w.Floor.Waiting)))
	v.split(w)
	for i, qa := range l.Queue {
		q := v.queues[i]
		label := fmt.Sprintf("%s  ·  %d waiting", qa.Channel, len(q))
		if len(q) > 0 {
			label += "  ·  longest " + seconds(q[0].Waited)
		}
		s.text(qa.Label.X, qa.Label.Y+9, label, fontBody, alignLeft, colText)
		s.text(qa.Label.Right(), qa.Label.Y+9, "goal: answer in "+seconds(qa.Thresh), fontSmall, alignRight, colDim)
		g := qa.Grid
		shown := len(q)
		if shown > g.Cap() {
			shown = g.Cap() - 1
			x, y := g.Center(shown)
			s.text(x-4, y, fmt.Sprintf("+%d", len(q)-shown), fontSmall, alignLeft, colDim)
		}
		for j, c := range q[:shown] {
			x, y := g.Center(j)
			col := waitColour(c.Waited, qa.Thresh)
			if c.Callback {
				s.ring(x, y, g.Cell*0.32, 2, col, tagWaiting)
				continue
			}
			s.dot(x, y, g.Cell*0.38, col, tagWaiting)
		}
	}
}

// split sorts the waiting customers into the queue areas, longest wait first.
func (v *View) split(w *World) {
	qs := v.Layout.Queue
	v.queues = slices.Grow(v.queues[:0], len(qs))[:len(qs)]
	for i := range v.queues {
		v.queues[i] = v.queues[i][:0]
	}
	for _, c := range w.Floor.Waiting {
		for i := range qs {
			if qs[i].Channel == c.Channel {
				v.queues[i] = append(v.queues[i], c)
			}
		}
	}
	for _, q := range v.queues {
		slices.SortStableFunc(q, func(a, b sim.WaitingView) int { return cmp.Compare(b.Waited, a.Waited) })
	}
}

// exits draws the cards counting the customers who left, which the moves fly to.
func (v *View) exits(w *World) {
	l, k := &v.Layout, w.Floor.KPIs
	v.panel(l.Exits, "LEAVING", "")
	contained, hangup := percent(k[sim.MBotContainment], 0)+" of bot sessions", "unresolved"
	if w.Scenario.Bot == nil {
		contained, hangup = "no bot", "no bot"
	}
	v.card(l.Contained, colGreen, "CONTAINED", count(k[sim.MContained]), contained)
	v.card(l.Hangup, colHangup, "HUNG UP IN BOT", count(k[sim.MBotHangup]), hangup)
	v.card(l.Abandoned, colRed, "ABANDONED", count(k[sim.MAbandoned]), percent(k[sim.MAbandonRate], 1)+" of the queue")
	ans := Rect{l.Exits.X + pad, l.Exits.Bottom() - 62 - pad, l.Exits.W - 2*pad, 62}
	v.card(ans, intentColour(0), "ANSWERED", count(k[sim.MAnswered]), "by agents")
}

// card draws an exit card: a coloured edge, a title, a count and a note.
func (v *View) card(r Rect, col color.NRGBA, title, value, note string) {
	s := &v.Scene
	s.rect(r, 6, colBackground)
	s.rect(Rect{r.X, r.Y, 4, r.H}, 2, col)
	s.text(r.X+12, r.Y+12, title, fontSmall, alignLeft, col)
	s.text(r.X+12, r.Y+32, value, fontValue, alignLeft, colText)
	s.text(r.X+12, r.Y+51, note, fontSmall, alignLeft, colDim)
}

// interval is the index of the profile interval at simulated time t; -1
// before or after the day, or in a steady state.
func interval(sc *sim.Scenario, t time.Duration) int {
	if !sc.Arrivals.Day() || t < 0 {
		return -1
	}
	if i := int(t / sc.Arrivals.Interval); i < len(sc.Arrivals.Profile) {
		return i
	}
	return -1
}

// shortDur formats an interval length: "30 min", "1 h".
func shortDur(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%d h", d/time.Hour)
	}
	return fmt.Sprintf("%d min", d/time.Minute)
}

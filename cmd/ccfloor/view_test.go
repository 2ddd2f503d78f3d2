package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// TestSceneMatchesFloor checks the scene against the simulator's own picture
// at several times of the default day.
func TestSceneMatchesFloor(t *testing.T) {
	for _, at := range []string{"08:05", "10:00", "13:30", "19:55"} {
		t.Run(at, func(t *testing.T) {
			w := worldAt(t, at, 60)
			var v View
			v.Build(w)
			s, f := &v.Scene, &w.Floor
			if got, want := s.Count(tagSeat), len(f.Agents); got != want || want != 66 {
				t.Errorf("%d seat tiles, floor has %d seats, scenario 66", got, want)
			}
			if got, want := s.Count(tagBot), len(f.InBot); got != want {
				t.Errorf("%d bot dots, floor has %d sessions", got, want)
			}
			if got, want := s.Count(tagWaiting), len(f.Waiting); got != want {
				t.Errorf("%d waiting dots, floor has %d waiting", got, want)
			}
			if got, want := s.Count(tagMove), len(w.Moves.List); got != want {
				t.Errorf("%d moving dots, %d moves", got, want)
			}
			if c := s.Find(tagClock); len(c) != 1 || c[0].Text != at {
				t.Errorf("clock %+v, want %s", c, at)
			}
			if s.Count(tagHelp) != 0 {
				t.Error("help overlay shown unasked")
			}
		})
	}
}

// TestSeatTiles checks each tile's place and colour against its seat.
func TestSeatTiles(t *testing.T) {
	w := worldAt(t, "13:00", 60)
	var v View
	v.Build(w)
	tiles := v.Scene.Find(tagSeat)
	states := map[sim.AgentState]int{}
	for i, a := range w.Floor.Agents {
		ga := v.Layout.Groups[a.Group]
		want := v.Layout.SeatRect(ga, i-ga.First)
		sh := tiles[i]
		if sh.X != want.X || sh.Y != want.Y || sh.W != want.W {
			t.Errorf("seat %d tile at %v,%v size %v, want %+v", i, sh.X, sh.Y, sh.W, want)
		}
		states[a.State]++
		switch a.State {
		case sim.SeatBusy:
			if sh.Color != intentColour(a.Intent) || sh.Kind != shapeRect {
				t.Errorf("busy seat %d (intent %d) coloured %v", i, a.Intent, sh.Color)
			}
		case sim.SeatIdle:
			if sh.Color != colSeatIdle {
				t.Errorf("idle seat %d coloured %v", i, sh.Color)
			}
		case sim.SeatBreak:
			if sh.Color != colSeatBreak {
				t.Errorf("seat %d on a break coloured %v", i, sh.Color)
			}
		case sim.SeatOff:
			if sh.Kind != shapeFrame {
				t.Errorf("off seat %d drawn as %v, want an outline", i, sh.Kind)
			}
		}
	}
	if states[sim.SeatBusy] == 0 || states[sim.SeatBreak]+states[sim.SeatIdle] == 0 {
		t.Errorf("at 13:00 seat states %v; want busy agents and some on a break or idle", states)
	}
}

// TestWaitingDots checks that waiting customers are coloured by their wait
// against their channel's threshold, longest first.
func TestWaitingDots(t *testing.T) {
	w := NewWorld(defaultScenario(t), 3, 60)
	w.Do(actAgentDown) // a busier queue: one agent fewer in each group
	w.Do(actAgentDown)
	at, _ := sinceOpen(w.Scenario, "10:30")
	w.Settle(at)
	var v View
	v.Build(w)
	dots := v.Scene.Find(tagWaiting)
	if len(dots) < 5 {
		t.Fatalf("only %d waiting at 10:30 with two agents fewer a group; the test needs a queue", len(dots))
	}
	k := 0
	for i, qa := range v.Layout.Queue {
		q := v.queues[i]
		if !slices.IsSortedFunc(q, func(a, b sim.WaitingView) int { return -cmpFloat(a.Waited, b.Waited) }) {
			t.Errorf("%v queue not longest-first", qa.Channel)
		}
		for j, c := range q {
			d := dots[k]
			k++
			if want := waitColour(c.Waited, qa.Thresh); d.Color != want {
				t.Errorf("%v customer %d waited %.0f s: colour %v, want %v", qa.Channel, j, c.Waited, d.Color, want)
			}
			if x, y := qa.Grid.Center(j); d.X != x || d.Y != y {
				t.Errorf("%v customer %d at %v,%v, want %v,%v", qa.Channel, j, d.X, d.Y, x, y)
			}
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestOverflowingQueue checks that a queue longer than its area shows a count.
func TestOverflowingQueue(t *testing.T) {
	sc := defaultScenario(t)
	sc.Patience = sim.Exponential{MeanS: 3600} // customers who wait: the deficit piles up
	w := NewWorld(sc, 3, 60)
	w.Target = -1 // every group
	for range 30 {
		w.Do(actAgentDown) // agents nearly gone...
	}
	for range 5 {
		w.Do(actBotDown) // ...and the bot passes on more: the queue explodes
	}
	at, _ := sinceOpen(w.Scenario, "11:00")
	w.Settle(at)
	var v View
	v.Build(w)
	if len(w.Floor.Waiting) <= v.Layout.Queue[0].Grid.Cap() {
		t.Fatalf("only %d waiting for %d cells: the set-up no longer overflows the queue area", len(w.Floor.Waiting), v.Layout.Queue[0].Grid.Cap())
	}
	more := false
	for _, sh := range v.Scene.Shapes {
		more = more || (sh.Kind == shapeText && strings.HasPrefix(sh.Text, "+"))
	}
	total := 0
	for _, qa := range v.Layout.Queue {
		total += qa.Grid.Cap()
	}
	if n := v.Scene.Count(tagWaiting); n > total || !more {
		t.Errorf("%d waiting dots for %d cells, a +N count shown: %v", n, total, more)
	}
}

func TestHeaderFigures(t *testing.T) {
	w := worldAt(t, "12:00", 60)
	var v View
	v.Build(w)
	k := v.Scene.Find(tagKPI)
	if len(k) != 5 {
		t.Fatalf("%d header figures, want 5", len(k))
	}
	want := []string{percent(w.Floor.KPIs[sim.MServiceLevel], 0), seconds(w.Floor.KPIs[sim.MASA]),
		percent(w.Floor.KPIs[sim.MAbandonRate], 1), percent(w.Floor.KPIs[sim.MBotContainment], 0),
		percent(w.Floor.KPIs[sim.MOccupancy], 0)}
	for i := range want {
		if k[i].Text != want[i] || strings.Contains(k[i].Text, "NaN") {
			t.Errorf("figure %d = %q, want %q", i, k[i].Text, want[i])
		}
	}
	for _, sh := range v.Scene.Shapes {
		if sh.Kind == shapeText && !(Rect{sh.X, sh.Y, 0, 0}).In(Rect{0, 0, screenW, screenH}) {
			t.Errorf("text %q at %v,%v is off the screen", sh.Text, sh.X, sh.Y)
		}
	}
}

func TestFormatting(t *testing.T) {
	tests := []struct{ got, want string }{
		{percent(0.8234, 0), "82%"},
		{percent(0.031, 1), "3.1%"},
		{percent(nan(), 0), "–"},
		{seconds(12.4), "12 s"},
		{seconds(150), "2 min"},
		{seconds(4 * 3600), "4 h"},
		{seconds(nan()), "–"},
		{count(1234567), "1,234,567"},
		{count(999), "999"},
		{speedLabel(3600), "3600"},
		{speedLabel(1.5), "1.5"},
		{clip("Retail hybrid weekday", 8), "Retail …"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestHelpOverlay(t *testing.T) {
	w := worldAt(t, "09:00", 60)
	w.Do(actHelp)
	var v View
	v.Build(w)
	if v.Scene.Count(tagHelp) != 1 {
		t.Fatal("no help overlay")
	}
	text := ""
	for _, sh := range v.Scene.Shapes {
		text += sh.Text + "\n"
	}
	for _, b := range bindings() {
		if !strings.Contains(text, b.keys) || !strings.Contains(text, b.help) {
			t.Errorf("help overlay lacks %q: %q", b.keys, b.help)
		}
	}
}

func TestBindingsCoverEveryAction(t *testing.T) {
	seen := map[Action]bool{}
	for _, b := range bindings() {
		seen[b.act] = true
	}
	for a := actPause; a <= actQuit; a++ {
		if !seen[a] && a != actBotDown && a != actAgentDown {
			t.Errorf("action %d has no line in the help overlay", a)
		}
	}
}

func TestEveryActionHasAKey(t *testing.T) {
	keyed := map[Action]bool{}
	for _, k := range keyActions() {
		keyed[k.act], keyed[k.withShift] = true, true
	}
	for a := actPause; a <= actQuit; a++ {
		if !keyed[a] {
			t.Errorf("action %d has no key", a)
		}
	}
}

package main

import (
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
)

func TestTickAdvancesByDelta(t *testing.T) {
	sc := defaultScenario(t)
	tests := []struct {
		speed float64
		ticks int
		want  time.Duration
	}{
		{1, 60, time.Second},
		{60, 60, time.Minute},
		{60, 1, time.Second},
		{3600, 60, time.Hour},
		{3600, 1, time.Minute},
	}
	for _, tc := range tests {
		w := NewWorld(sc, 1, tc.speed)
		for range tc.ticks {
			w.Tick()
		}
		if got := w.Now(); (got - tc.want).Abs() > time.Microsecond {
			t.Errorf("speed %g, %d ticks: Now = %v, want %v", tc.speed, tc.ticks, got, tc.want)
		}
	}
}

func TestPauseAndStep(t *testing.T) {
	w := NewWorld(defaultScenario(t), 1, 60)
	w.Do(actPause)
	w.Tick()
	if w.Now() != 0 {
		t.Errorf("paused: Now = %v after a tick, want 0", w.Now())
	}
	w.Do(actStep)
	if w.Now() != time.Second || !w.Paused {
		t.Errorf("step: Now = %v, Paused = %v, want 1s and paused", w.Now(), w.Paused)
	}
	w.Do(actPause)
	w.Tick()
	if w.Now() != 2*time.Second {
		t.Errorf("resumed: Now = %v, want 2s", w.Now())
	}
}

func TestNextSpeed(t *testing.T) {
	tests := []struct {
		s    float64
		up   bool
		want float64
	}{
		{1, true, 2},
		{60, true, 120},
		{45, true, 60},
		{3600, true, 3600},
		{60, false, 30},
		{45, false, 30},
		{1, false, 1},
		{3600, false, 1200},
	}
	for _, tc := range tests {
		if got := nextSpeed(tc.s, tc.up); got != tc.want {
			t.Errorf("nextSpeed(%g, %v) = %g, want %g", tc.s, tc.up, got, tc.want)
		}
	}
}

func TestSpeedKeysSpanRealTimeToAnHourASecond(t *testing.T) {
	w := NewWorld(defaultScenario(t), 1, 60)
	for range 20 {
		w.Do(actFaster)
	}
	if w.Speed != maxSpeed {
		t.Errorf("Speed after many faster = %g, want %g", w.Speed, maxSpeed)
	}
	for range 20 {
		w.Do(actSlower)
	}
	if w.Speed != minSpeed {
		t.Errorf("Speed after many slower = %g, want %g", w.Speed, minSpeed)
	}
}

func TestRestartWithNewSeed(t *testing.T) {
	w := worldAt(t, "09:00", 60)
	seed, gen := w.Seed, w.Gen
	w.Do(actNewSeed)
	if w.Seed == seed || w.Now() != 0 || w.Gen != gen+1 || len(w.Moves.List) != 0 {
		t.Errorf("new seed: Seed %d (was %d), Now %v, Gen %d (was %d), %d moves; want a fresh day",
			w.Seed, seed, w.Now(), w.Gen, gen, len(w.Moves.List))
	}
}

func TestWhatIfKeys(t *testing.T) {
	sc := defaultScenario(t)
	w := NewWorld(sc, 5, 60)
	w.Seek(time.Hour)
	w.Do(actBotUp)
	if got, want := w.Scenario.Intents[0].BotContainment, sc.Intents[0].BotContainment+0.1; got != want || w.Seed != 5 || w.Now() != 0 {
		t.Errorf("bot up: containment %v, seed %d, Now %v; want %v, seed 5, a restart", got, w.Seed, w.Now(), want)
	}
	if w.Note == "" {
		t.Error("bot up: no note says what changed")
	}
	w.Do(actTarget) // general only
	w.Do(actAgentUp)
	w.Do(actAgentUp)
	if got := w.WhatIf.Agents; got[0] != 2 || got[1] != 0 {
		t.Errorf("two agents up for general: Agents = %v, want [2 0]", got)
	}
	if got := w.Seats(); got[0] != 38 {
		t.Errorf("general seats after +2 = %d, want 38", got[0])
	}
	w.Do(actTarget) // senior
	w.Do(actTarget) // every group
	w.Do(actAgentDown)
	if got := w.WhatIf.Agents; got[0] != 1 || got[1] != -1 {
		t.Errorf("one down everywhere: Agents = %v, want [1 −1]", got)
	}
	w.Do(actReset)
	if !w.WhatIf.Zero() || w.Scenario.Intents[0] != sc.Intents[0] {
		t.Errorf("reset: WhatIf %+v, want none", w.WhatIf)
	}
}

func TestAgentKeysStopAtZero(t *testing.T) {
	w := NewWorld(defaultScenario(t), 1, 60)
	w.Target = 1
	for range 40 {
		w.Do(actAgentDown)
	}
	if got := w.WhatIf.Agents[1]; got != -30 {
		t.Errorf("senior after 40 down = %d, want −30 (its peak)", got)
	}
}

func TestQuitAndHelp(t *testing.T) {
	w := NewWorld(defaultScenario(t), 1, 60)
	if w.Do(actHelp); !w.Help {
		t.Error("help key did not show the overlay")
	}
	if !w.Do(actQuit) {
		t.Error("quit key did not quit")
	}
}

func TestSettle(t *testing.T) {
	w := worldAt(t, "10:00", 300)
	if w.Now() != 2*time.Hour {
		t.Errorf("Settle(10:00): Now = %v, want 2h", w.Now())
	}
	kinds := map[MoveKind]int{}
	for _, m := range w.Moves.List {
		kinds[m.Kind]++
		if m.Age < 0 || m.Age >= moveLife {
			t.Errorf("move of age %d, want 0 to %d", m.Age, moveLife-1)
		}
	}
	if kinds[moveArrive] == 0 || kinds[moveContained] == 0 {
		t.Errorf("Settle(10:00) at 300×: moves %v, want arrivals and contained customers in flight", kinds)
	}
}

func TestDayEnds(t *testing.T) {
	w := NewWorld(defaultScenario(t), 1, maxSpeed)
	for i := 0; i < 24*60 && !w.Done(); i++ {
		w.Tick()
	}
	if !w.Done() {
		t.Fatalf("the day is not over after a simulated day at %g×", maxSpeed)
	}
	now := w.Now()
	w.Tick()
	if w.Now() != now || w.Floor.KPIs[sim.MOffered] < 5000 {
		t.Errorf("after the end: Now %v (was %v), offered %v", w.Now(), now, w.Floor.KPIs[sim.MOffered])
	}
}

func TestMovesBurstAndAge(t *testing.T) {
	var m Moves
	m.arrive(10)
	if len(m.List) != moveBurst {
		t.Errorf("arrive(10) started %d moves, want at most %d a tick", len(m.List), moveBurst)
	}
	m.record(&sim.Record{ID: 3, Outcome: sim.OutAnswered})
	m.record(&sim.Record{ID: 4, Outcome: sim.OutAbandoned, Intent: 2})
	if n := len(m.List); n != moveBurst+1 || m.List[n-1].Kind != moveAbandon || m.List[n-1].Intent != 2 {
		t.Errorf("after an answered and an abandoned record: %+v", m.List)
	}
	for range moveLife {
		m.age()
	}
	if len(m.List) != 0 {
		t.Errorf("%d moves left after %d ticks, want none", len(m.List), moveLife)
	}
}

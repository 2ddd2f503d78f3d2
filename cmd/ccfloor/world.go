package main

import (
	"time"

	"github.com/ccsim/ccsim/sim"
)

const (
	ticksPerSecond = 60     // Update calls per real second (ebiten's default)
	minSpeed       = 1.0    // real time
	maxSpeed       = 3600.0 // an hour a second
	noteTicks      = 3 * ticksPerSecond
)

// World is the simulation behind the floor: one run of the scenario with
// the what-if changes applied, how fast it goes, the customers in flight on
// screen, and the viewer's choices. It has no window: the game drives it
// with one Tick per Update.
type World struct {
	Base     *sim.Scenario // the scenario as loaded
	Scenario *sim.Scenario // Base with WhatIf applied: what runs
	WhatIf   WhatIf
	Seed     uint64
	Speed    float64 // simulated seconds per real second, minSpeed to maxSpeed
	Paused   bool
	Help     bool // the key overlay is shown
	Target   int  // group the agent what-if keys change; -1: every group
	Gen      int  // counts restarts, so views know to lay out again

	Floor sim.Floor // the picture after the last step
	Moves Moves     // customers arriving and leaving, animated
	Note  string    // a short message, shown for a few seconds

	run       *sim.Runner
	t         time.Duration // simulated time the run has been stepped to
	offered   int64         // arrivals seen so far
	noteTicks int
}

// NewWorld starts a run of sc with the given seed and speed.
func NewWorld(sc *sim.Scenario, seed uint64, speed float64) *World {
	w := &World{Base: sc, Scenario: sc, Seed: seed, Speed: speed, Target: -1,
		WhatIf: WhatIf{Agents: make([]int, len(sc.Groups))}}
	w.restart()
	return w
}

// restart starts the day again with the current scenario and seed.
func (w *World) restart() {
	w.run = sim.NewRun(w.Scenario, w.Seed, 0)
	w.run.Observe(w.Moves.record)
	w.t, w.offered = 0, 0
	w.Moves.clear()
	w.run.Floor(&w.Floor)
	w.Gen++
}

// Delta is the simulated time one tick advances: Speed / 60 seconds.
func (w *World) Delta() time.Duration {
	return time.Duration(w.Speed * float64(time.Second) / ticksPerSecond)
}

// Now is the simulated time of the picture.
func (w *World) Now() time.Duration { return w.Floor.Now }

// Done reports whether the day is over and every customer has left.
func (w *World) Done() bool { return w.Floor.Done }

// Tick is one Update: it steps the run unless paused.
func (w *World) Tick() {
	if !w.Paused {
		w.step()
	}
	if w.noteTicks > 0 {
		if w.noteTicks--; w.noteTicks == 0 {
			w.Note = ""
		}
	}
}

// step advances the run by Delta, the moves by a tick, and takes the picture.
func (w *World) step() {
	w.Moves.age()
	if w.run.Done() {
		return
	}
	w.t += w.Delta()
	w.run.RunUntil(w.t)
	w.look()
}

// look takes the picture and starts the moves of new arrivals.
func (w *World) look() {
	w.run.Floor(&w.Floor)
	n := int64(w.Floor.KPIs[sim.MOffered])
	w.Moves.arrive(int(n - w.offered))
	w.offered = n
}

// Seek runs straight to simulated time t (if later), without animation.
func (w *World) Seek(t time.Duration) {
	if t <= w.t {
		return
	}
	w.run.Observe(nil) // no records: nothing to animate on the way
	w.run.RunUntil(t)
	w.run.Observe(w.Moves.record)
	w.t = t
	w.run.Floor(&w.Floor)
	w.offered = int64(w.Floor.KPIs[sim.MOffered])
}

// Settle prepares a still picture at simulated time t: it seeks to shortly
// before t and plays the last second of ticks so that customers are in
// flight, as they would be in the window.
func (w *World) Settle(t time.Duration) {
	const lead = ticksPerSecond
	w.Seek(t - lead*w.Delta())
	for w.t < t && !w.run.Done() {
		w.Moves.age()
		w.t = min(t, w.t+w.Delta())
		w.run.RunUntil(w.t)
		w.look()
	}
}

// Seats returns the number of agent seats of each group.
func (w *World) Seats() []int {
	n := make([]int, len(w.Scenario.Groups))
	for _, a := range w.Floor.Agents {
		n[a.Group]++
	}
	return n
}

// say shows a note for a few seconds.
func (w *World) say(s string) {
	w.Note, w.noteTicks = s, noteTicks
}

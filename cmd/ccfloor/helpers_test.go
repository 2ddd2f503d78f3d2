package main

import (
	"math"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// defaultScenario loads the bundled default scenario.
func defaultScenario(tb testing.TB) *sim.Scenario {
	tb.Helper()
	sc, err := loadScenario("default")
	if err != nil {
		tb.Fatalf("loadScenario(default): %v", err)
	}
	return sc
}

// worldAt returns a world of the default scenario settled at time of day hhmm.
func worldAt(tb testing.TB, hhmm string, speed float64) *World {
	tb.Helper()
	sc := defaultScenario(tb)
	w := NewWorld(sc, sc.Seed, speed)
	at, err := sinceOpen(sc, hhmm)
	if err != nil {
		tb.Fatalf("sinceOpen(%q): %v", hhmm, err)
	}
	w.Settle(at)
	return w
}

func nan() float64 { return math.NaN() }

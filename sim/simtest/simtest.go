// Package simtest holds scenarios shared by the tests of several packages.
package simtest

import (
	"time"

	"github.com/ccsim/ccsim/sim"
)

// KnownDay is a human-only day, 08:00–14:00 in 30-minute intervals, with two
// intents of different handle-time families (lognormal 240 s, gamma 400 s)
// and exponential patience of mean 180 s: the known truth of round trips
// through synthetic logs and calibration.
func KnownDay() *sim.Scenario {
	return &sim.Scenario{Name: "known", Seed: 3, Replications: 1,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals: sim.Arrivals{Open: 8 * time.Hour, Close: 14 * time.Hour, Interval: 30 * time.Minute,
			Profile: []float64{60, 90, 120, 150, 160, 150, 140, 150, 160, 130, 100, 80}},
		Patience: sim.Exponential{MeanS: 180},
		Intents: []sim.Intent{{Name: "a", Share: 0.7, HandleTime: sim.LogNormal{MeanS: 240, CV: 0.8}},
			{Name: "b", Share: 0.3, HandleTime: sim.Gamma{MeanS: 400, CV: 0.6}}},
		Groups: []sim.Group{{Name: "g", Counts: []int{9, 14, 18, 22, 24, 22, 21, 22, 24, 19, 15, 12}}},
	}
}

// SmallDay is a two-interval day (08:00–09:00) with exponential handle time
// and patience, quick to simulate.
func SmallDay() *sim.Scenario {
	return &sim.Scenario{
		Name: "small day", Seed: 3, Replications: 3,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals:     sim.Arrivals{Open: 8 * time.Hour, Close: 9 * time.Hour, Interval: 30 * time.Minute, Profile: []float64{200, 300}},
		Patience:     sim.Exponential{MeanS: 120},
		Intents:      []sim.Intent{{Name: "call", Share: 1, HandleTime: sim.Exponential{MeanS: 180}}},
		Groups:       []sim.Group{{Name: "agents", Counts: []int{22, 32}}},
	}
}

package main

import (
	"github.com/ccsim/ccsim/sim"
)

// loadScenario loads a scenario file, or a bundled scenario by name ("" is
// "default"). Problems with the input are usage errors (exit 2).
func loadScenario(arg string) (*sim.Scenario, error) {
	return loadScenarioWith(arg, nil)
}

package main

import (
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// loadScenario loads a scenario file, or a bundled scenario by name ("" is
// "default"). Problems with the input are usage errors (exit 2).
func loadScenario(arg string) (*sim.Scenario, error) {
	sc, err := scenarios.Open(arg)
	if err != nil {
		return nil, usageError{err}
	}
	return sc, nil
}

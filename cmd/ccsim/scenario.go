package main

import (
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// loadScenario loads a scenario file, or a bundled scenario by name ("" is
// "default"), with overrides applied before validation, through
// scenarios.Open, the loader every command and ccfloor use, and records
// this tool's version in its provenance. Problems with the input are usage
// errors (exit 2).
func loadScenario(arg string, ovs ...scenarios.Override) (*sim.Scenario, error) {
	sc, err := scenarios.Open(arg, ovs...)
	if err != nil {
		return nil, usageError{err}
	}
	sc.Provenance.Tool = version()
	return sc, nil
}

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// overrideFlag collects repeated --set key=value flags.
type overrideFlag []scenarios.Override

func (f *overrideFlag) String() string {
	parts := make([]string, len(*f))
	for i, o := range *f {
		parts[i] = o.String()
	}
	return strings.Join(parts, " ")
}

// Set parses one key=value.
func (f *overrideFlag) Set(s string) error {
	o, err := scenarios.ParseOverride(s)
	if err != nil {
		return err
	}
	*f = append(*f, o)
	return nil
}

// loadScenarioWith is loadScenario with overrides applied before validation.
func loadScenarioWith(arg string, ovs []scenarios.Override) (*sim.Scenario, error) {
	if len(ovs) == 0 {
		return loadScenario(arg)
	}
	if arg == "" {
		arg = "default"
	}
	if _, err := os.Stat(arg); err == nil {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, usageError{err}
		}
		sc, err := scenarios.LoadWith(os.DirFS(filepath.Dir(abs)), filepath.Base(abs), ovs)
		if err != nil {
			return nil, usageError{relabel(err, filepath.Base(abs), arg)}
		}
		return sc, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, usageError{err}
	}
	if _, ok := scenarios.Source(arg); ok {
		sc, err := scenarios.BundledWith(arg, ovs)
		if err != nil {
			return nil, usageError{err}
		}
		return sc, nil
	}
	return nil, usageError{fmt.Errorf("%s: no such file, and no bundled scenario of that name (see 'ccsim examples')", arg)}
}

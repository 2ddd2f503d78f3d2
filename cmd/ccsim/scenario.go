package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// loadScenario loads a scenario file, or a bundled scenario by name ("" is
// "default"). Problems with the input are usage errors (exit 2).
func loadScenario(arg string) (*sim.Scenario, error) {
	if arg == "" {
		arg = "default"
	}
	if _, err := os.Stat(arg); err == nil {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, usageError{err}
		}
		sc, err := scenarios.Load(os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
		if err != nil {
			return nil, usageError{relabel(err, filepath.Base(abs), arg)}
		}
		return sc, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, usageError{err}
	}
	if _, ok := scenarios.Source(arg); ok {
		sc, err := scenarios.Bundled(arg)
		if err != nil {
			return nil, usageError{err}
		}
		return sc, nil
	}
	return nil, usageError{fmt.Errorf("%s: no such file, and no bundled scenario of that name (see 'ccsim examples')", arg)}
}

// relabel makes errors name the file as the user gave it.
func relabel(err error, from, to string) error {
	var list scenarios.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			if e.File == from {
				e.File = to
			}
		}
	}
	return err
}

package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ccsim/ccsim/sim"
)

// Open loads the scenario file at path arg or, when there is no such file,
// the bundled scenario named arg ("" is "default"), with overrides applied
// before validation. Errors name the file as arg gives it.
func Open(arg string, ovs ...Override) (*sim.Scenario, error) {
	if arg == "" {
		arg = "default"
	}
	if _, err := os.Stat(arg); err == nil {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, err
		}
		fsys, name := os.DirFS(filepath.Dir(abs)), filepath.Base(abs)
		load := func() (*sim.Scenario, error) { return Load(fsys, name) }
		if len(ovs) > 0 {
			load = func() (*sim.Scenario, error) { return LoadWith(fsys, name, ovs) }
		}
		sc, err := load()
		return sc, relabel(err, name, arg)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if _, ok := Source(arg); !ok {
		return nil, fmt.Errorf("%s: no such file, and no bundled scenario of that name (see 'ccsim examples')", arg)
	}
	if len(ovs) > 0 {
		return BundledWith(arg, ovs)
	}
	return Bundled(arg)
}

// OpenSweep loads the sweep file at path; errors name it as path gives it.
func OpenSweep(path string) (*Sweep, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	sw, err := LoadSweep(os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
	return sw, relabel(err, filepath.Base(abs), path)
}

// relabel makes errors located in file from name it as to.
func relabel(err error, from, to string) error {
	var list ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			if e.File == from {
				e.File = to
			}
		}
	}
	return err
}

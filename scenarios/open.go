package scenarios

import (
	"crypto/sha256"
	"encoding/hex"
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
		if err != nil {
			return nil, relabel(err, name, arg)
		}
		data, err := os.ReadFile(abs)
		if err != nil {
			return nil, err
		}
		sc.Provenance = provenance(arg, data, ovs)
		return sc, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	data, ok := Source(arg)
	if !ok {
		return nil, fmt.Errorf("%s: no such file, and no bundled scenario of that name (see 'ccsim examples')", arg)
	}
	load := func() (*sim.Scenario, error) { return Bundled(arg) }
	if len(ovs) > 0 {
		load = func() (*sim.Scenario, error) { return BundledWith(arg, ovs) }
	}
	sc, err := load()
	if err != nil {
		return nil, err
	}
	sc.Provenance = provenance("bundled:"+arg, data, ovs)
	return sc, nil
}

// provenance records the source, its digest and the overrides of a scenario.
func provenance(source string, data []byte, ovs []Override) *sim.Provenance {
	sum := sha256.Sum256(data)
	p := &sim.Provenance{Source: source, SHA256: hex.EncodeToString(sum[:])}
	for _, o := range ovs {
		p.Overrides = append(p.Overrides, o.String())
	}
	return p
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

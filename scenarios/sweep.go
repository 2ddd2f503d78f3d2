package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// Sweep is a parameter study: a base scenario and the overrides of each
// point, from a grid (every combination) or a list. Point i's scenario is
// the base with Points[i].Overrides applied.
type Sweep struct {
	Name         string
	Base         string        // the base scenario as written: a file relative to the sweep file, or a bundled name
	Replications int           // per point; 0: the base scenario's
	Seed         *uint64       // nil: the base scenario's
	Params       []string      // the keys swept, in column order
	Points       []SweepPoint  // in order: a grid varies its last key fastest
	Scenario     *sim.Scenario // the base scenario
}

// SweepPoint is one point of a sweep.
type SweepPoint struct {
	Overrides []Override // in Params order; a list point sets only some keys
	Scenario  *sim.Scenario
}

// Label is the point's overrides as key=value, space separated.
func (p SweepPoint) Label() string {
	parts := make([]string, len(p.Overrides))
	for i, o := range p.Overrides {
		parts[i] = o.String()
	}
	return strings.Join(parts, " ")
}

// Value returns the text of the point's value for key, or "" if it does not set it.
func (p SweepPoint) Value(key string) string {
	for _, o := range p.Overrides {
		if o.Key == key {
			return FormatValue(o.Value)
		}
	}
	return ""
}

// sweepFile is the TOML schema of a sweep.
type sweepFile struct {
	Name         string           `toml:"name,omitempty"`
	Base         string           `toml:"base"`
	Replications int              `toml:"replications,omitzero"`
	Seed         *uint64          `toml:"seed"`
	Grid         map[string]any   `toml:"grid"`
	Points       []map[string]any `toml:"points"`
}

// MaxSweepPoints bounds the size of a sweep.
const MaxSweepPoints = 100_000

// LoadSweep reads the sweep file name in fsys, loads its base scenario (a
// file relative to the sweep, else a bundled scenario) and checks every
// point's overrides. Errors give the sweep file's lines.
func LoadSweep(fsys fs.FS, name string) (*Sweep, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("scenarios: %w", err)
	}
	var f sweepFile
	d, err := decodeStrict(name, data, &f)
	if d == nil {
		return nil, err
	}
	if err = swept(err); err != nil {
		return nil, err
	}
	sw := &Sweep{Name: f.Name, Base: f.Base, Replications: f.Replications, Seed: f.Seed}
	if sw.Name == "" {
		sw.Name = strings.TrimSuffix(path.Base(name), path.Ext(name))
	}
	if f.Replications < 0 {
		return nil, ErrorList{d.errorf("replications", "must be at least 1, got %d", f.Replications)}
	}
	base, err := sweepBase(fsys, path.Dir(name), f.Base)
	if err != nil {
		return nil, ErrorList{d.errorf("base", "%v", err)}
	}
	points, where, err := sweepPoints(d, &f)
	if err != nil {
		return nil, err
	}
	if sw.Scenario, err = base.load(nil); err != nil {
		return nil, ErrorList{d.errorf("base", "%v", err)}
	}
	var errs ErrorList
	for i, ovs := range points {
		sc, err := base.load(ovs)
		if err != nil {
			errs = append(errs, pointErrors(d, where[i], i, ovs, err)...)
			continue
		}
		sw.Points = append(sw.Points, SweepPoint{Overrides: ovs, Scenario: sc})
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	sw.Params = params(points)
	return sw, nil
}

// swept drops the "unknown key" errors of dotted keys under grid and
// points: BurntSushi does not mark keys inside an any value as decoded.
func swept(err error) error {
	list, ok := err.(ErrorList)
	if !ok {
		return err
	}
	var out ErrorList
	for _, e := range list {
		if !strings.HasPrefix(e.Key, "grid.") && !strings.HasPrefix(e.Key, "points.") {
			out = append(out, e)
		}
	}
	return out.err()
}

// sweepSource is where a sweep's base scenario comes from.
type sweepSource struct {
	name string
	data []byte
	fsys fs.FS // nil for a bundled scenario
	dir  string
}

func (s sweepSource) load(ovs []Override) (*sim.Scenario, error) {
	return parseWith(s.name, s.data, s.fsys, s.dir, ovs)
}

// sweepBase finds the base scenario: a file next to the sweep, else bundled.
func sweepBase(fsys fs.FS, dir, base string) (sweepSource, error) {
	if base == "" {
		return sweepSource{}, errors.New(`is required: a scenario file or a bundled name, e.g. base = "default"`)
	}
	p := path.Join(dir, base)
	if data, err := fs.ReadFile(fsys, p); err == nil {
		return sweepSource{name: p, data: data, fsys: fsys, dir: path.Dir(p)}, nil
	}
	if data, ok := Source(base); ok {
		return sweepSource{name: base + ".toml", data: data}, nil
	}
	return sweepSource{}, fmt.Errorf("%q: no such file next to the sweep, and no bundled scenario of that name (bundled: %s)", base, strings.Join(Names(), ", "))
}

// sweepPoints expands the grid (keys in file order, the last varying
// fastest) or takes the list; where locates each point for errors.
func sweepPoints(d *doc, f *sweepFile) (points [][]Override, where []string, err error) {
	switch {
	case f.Grid != nil && f.Points != nil:
		return nil, nil, ErrorList{d.errorf("points", "give a [grid] or [[points]], not both")}
	case f.Grid == nil && f.Points == nil:
		return nil, nil, ErrorList{d.errorf("grid", "is required: a [grid] of keys and their values, or [[points]] of overrides")}
	case f.Points != nil:
		for i, p := range f.Points {
			points, where = append(points, fileOrder(d, "points", p)), append(where, "points."+strconv.Itoa(i))
		}
		return points, where, nil
	}
	points = [][]Override{nil}
	for _, param := range fileOrder(d, "grid", f.Grid) {
		vals, ok := param.Value.([]any)
		if !ok || len(vals) == 0 {
			return nil, nil, ErrorList{d.errorf("grid."+param.Key, "must be a non-empty array of values, e.g. [0.25, 0.4]")}
		}
		if len(points)*len(vals) > MaxSweepPoints {
			return nil, nil, ErrorList{d.errorf("grid."+param.Key, "the grid has more than %d points", MaxSweepPoints)}
		}
		var next [][]Override
		for _, p := range points {
			for _, v := range vals {
				next = append(next, append(append([]Override(nil), p...), Override{Key: param.Key, Value: v}))
			}
		}
		points = next
	}
	for range points {
		where = append(where, "grid")
	}
	return points, where, nil
}

// fileOrder lists the keys set in table m (under prefix) in the order the
// file writes them, as dotted paths: a quoted key "a.b" = 1 and a dotted
// key a.b = 1 give the same "a.b". BurntSushi's metadata keeps the order,
// a map does not.
func fileOrder(d *doc, prefix string, m map[string]any) []Override {
	var keys []Override
	seen := map[string]bool{}
	for _, k := range d.md.Keys() {
		if len(k) < 2 || k[0] != prefix {
			continue
		}
		v, ok := lookup(m, k[1:])
		if _, table := v.(map[string]any); !ok || table {
			continue
		}
		if key := strings.Join(k[1:], "."); !seen[key] {
			seen[key] = true
			keys = append(keys, Override{Key: key, Value: v})
		}
	}
	return keys
}

// lookup returns the value at parts in nested tables.
func lookup(m map[string]any, parts []string) (any, bool) {
	var v any = m
	for _, p := range parts {
		t, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = t[p]; !ok {
			return nil, false
		}
	}
	return v, true
}

// params lists every key the points set, in first-use order.
func params(points [][]Override) []string {
	var keys []string
	seen := map[string]bool{}
	for _, p := range points {
		for _, o := range p {
			if !seen[o.Key] {
				seen[o.Key] = true
				keys = append(keys, o.Key)
			}
		}
	}
	return keys
}

// pointErrors locates the errors of point i (written under table at) in
// the sweep file: each at the line of the override that caused it.
func pointErrors(d *doc, at string, i int, ovs []Override, err error) ErrorList {
	list, ok := err.(ErrorList)
	if !ok {
		return ErrorList{d.errorf(at, "point %d: %v", i, err)}
	}
	var out ErrorList
	for _, e := range list {
		key := at
		for _, o := range ovs {
			if e.File == "override "+o.String() {
				key = at + "." + o.Key
			}
		}
		msg := e.Msg
		if e.Key != "" {
			msg = e.Key + ": " + msg
		}
		out = append(out, d.errorf(key, "point %d (%s): %s", i, SweepPoint{Overrides: ovs}.Label(), msg))
	}
	return out
}

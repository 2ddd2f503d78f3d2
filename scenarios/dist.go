package scenarios

import (
	"encoding/csv"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// fileDist is a distribution table: { dist = "lognormal", mean = "4m", cv = 0.8 }.
type fileDist struct {
	Dist   string     `toml:"dist"`
	Mean   duration   `toml:"mean,omitempty"`
	CV     *float64   `toml:"cv,omitempty"`
	K      *int       `toml:"k,omitempty"`
	Min    duration   `toml:"min,omitempty"`
	Max    duration   `toml:"max,omitempty"`
	Value  duration   `toml:"value,omitempty"`
	Values []duration `toml:"values,omitempty"`
	File   string     `toml:"file,omitempty"`   // empirical: CSV of values in seconds
	Column string     `toml:"column,omitempty"` // empirical: the CSV column (header name); default the first
}

// distParams lists the keys each distribution takes; the first ones are required.
var distParams = map[string]struct{ required, optional []string }{
	"exponential":   {[]string{"mean"}, nil},
	"lognormal":     {[]string{"mean", "cv"}, nil},
	"gamma":         {[]string{"mean", "cv"}, nil},
	"erlang":        {[]string{"mean", "k"}, nil},
	"deterministic": {[]string{"value"}, nil},
	"uniform":       {[]string{"min", "max"}, nil},
	"empirical":     {nil, []string{"values", "file", "column"}},
}

func (f *fileDist) isSet(key string) bool {
	switch key {
	case "mean":
		return f.Mean.set
	case "cv":
		return f.CV != nil
	case "k":
		return f.K != nil
	case "min":
		return f.Min.set
	case "max":
		return f.Max.set
	case "value":
		return f.Value.set
	case "values":
		return f.Values != nil
	case "file":
		return f.File != ""
	case "column":
		return f.Column != ""
	}
	return false
}

// dist converts a distribution table at key into a sim.Dist. fsys and dir
// resolve an empirical file relative to the scenario; fsys may be nil.
func (l *loader) dist(key string, f *fileDist) sim.Dist {
	params, ok := distParams[f.Dist]
	if !ok {
		names := "exponential, lognormal, gamma, erlang, deterministic, uniform, empirical"
		msg := fmt.Sprintf("unknown distribution %q (one of %s)", f.Dist, names)
		if f.Dist == "" {
			msg = "dist is required (one of " + names + ")"
		}
		l.errs = append(l.errs, l.d.errorf(key+".dist", "%s", msg))
		return nil
	}
	allowed := map[string]bool{}
	for _, p := range params.required {
		allowed[p] = true
		if !f.isSet(p) {
			l.errs = append(l.errs, l.d.errorf(key, "%s distribution needs %s", f.Dist, p))
		}
	}
	for _, p := range params.optional {
		allowed[p] = true
	}
	for _, p := range []string{"mean", "cv", "k", "min", "max", "value", "values", "file", "column"} {
		if f.isSet(p) && !allowed[p] {
			l.errs = append(l.errs, l.d.errorf(key+"."+p, "%s is not a parameter of the %s distribution", p, f.Dist))
		}
	}
	switch f.Dist {
	case "exponential":
		return sim.Exponential{MeanS: f.Mean.Seconds()}
	case "lognormal":
		return sim.LogNormal{MeanS: f.Mean.Seconds(), CV: deref(f.CV)}
	case "gamma":
		return sim.Gamma{MeanS: f.Mean.Seconds(), CV: deref(f.CV)}
	case "erlang":
		k := 0
		if f.K != nil {
			k = *f.K
		}
		return sim.Erlang{MeanS: f.Mean.Seconds(), K: k}
	case "deterministic":
		return sim.Deterministic{Value: f.Value.Seconds()}
	case "uniform":
		return sim.Uniform{Min: f.Min.Seconds(), Max: f.Max.Seconds()}
	}
	return l.empirical(key, f)
}

func (l *loader) empirical(key string, f *fileDist) sim.Dist {
	var e sim.Empirical
	for _, v := range f.Values {
		e.Values = append(e.Values, v.Seconds())
	}
	switch {
	case f.File != "" && f.Values != nil:
		l.errs = append(l.errs, l.d.errorf(key, "give either values or file, not both"))
	case f.File != "":
		vals, err := l.readValues(f.File, f.Column)
		if err != nil {
			l.errs = append(l.errs, l.d.errorf(key+".file", "%v", err))
			return nil
		}
		e.Values = vals
	case f.Column != "":
		l.errs = append(l.errs, l.d.errorf(key+".column", "column needs file"))
	}
	if len(e.Values) == 0 && f.File == "" {
		l.errs = append(l.errs, l.d.errorf(key, "empirical distribution needs values or file"))
	}
	return e
}

// readValues reads a column of seconds from a CSV file next to the scenario.
func (l *loader) readValues(name, column string) ([]float64, error) {
	if l.fsys == nil {
		return nil, fmt.Errorf("cannot open %q: the scenario was not loaded from a directory", name)
	}
	p := path.Join(l.dir, name)
	f, err := l.fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot open %q: %w", name, err)
	}
	defer f.Close()
	return readColumn(f, p, column)
}

func readColumn(r io.Reader, name, column string) ([]float64, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	col, line := 0, 0
	var vals []float64
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line++
		if line == 1 {
			if column != "" {
				if col = indexOf(rec, column); col < 0 {
					return nil, fmt.Errorf("%s: no column %q in header %v", name, column, rec)
				}
				continue
			}
			if _, err := strconv.ParseFloat(strings.TrimSpace(rec[0]), 64); err != nil {
				continue // a header row: use the first column
			}
		}
		if col >= len(rec) {
			return nil, fmt.Errorf("%s:%d: has no column %d", name, line, col+1)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[col]), 64)
		if err != nil || v < 0 {
			return nil, fmt.Errorf("%s:%d: %q is not a non-negative number of seconds", name, line, rec[col])
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, fmt.Errorf("%s: no values", name)
	}
	return vals, nil
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if strings.TrimSpace(x) == s {
			return i
		}
	}
	return -1
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

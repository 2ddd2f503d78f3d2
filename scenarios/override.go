package scenarios

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/ccsim/ccsim/sim"
)

// Override sets one key of a scenario. Key is a dotted path over the TOML
// document: tables by key, arrays by zero-based index, and intents and agent
// groups also by name ("intents.order_status.bot_containment",
// "agents.general.counts", "arrivals.profile.3", "bot.context_transfer").
// Value is a decoded TOML value: string, int64, float64, bool, []any or
// map[string]any. Setting one of an agent group's count, counts or shifts
// replaces the other two.
type Override struct {
	Key   string
	Value any
}

// ParseOverride reads "key=value", where value is TOML (0.4, true, [1, 2],
// "30s", {dist = "exponential", mean = "2m"}); a bare word that is not TOML
// is taken as a string (30s, 08:00, exponential).
func ParseOverride(s string) (Override, error) {
	key, text, ok := strings.Cut(s, "=")
	key, text = strings.TrimSpace(key), strings.TrimSpace(text)
	if !ok || key == "" || text == "" {
		return Override{}, fmt.Errorf("override %q: want key=value, e.g. intents.order_status.bot_containment=0.4", s)
	}
	v, err := parseValue(text)
	if err != nil {
		return Override{}, fmt.Errorf("override %q: %v", s, err)
	}
	return Override{Key: key, Value: v}, nil
}

// ParseVary reads "key=v1,v2,…" (a list of values for one key, split at
// commas outside brackets, braces and quotes) into one override per value.
func ParseVary(s string) ([]Override, error) {
	key, text, ok := strings.Cut(s, "=")
	key, text = strings.TrimSpace(key), strings.TrimSpace(text)
	if !ok || key == "" || text == "" {
		return nil, fmt.Errorf("vary %q: want key=v1,v2,…, e.g. intents.order_status.bot_containment=0.25,0.4", s)
	}
	var out []Override
	for _, part := range splitTop(text) {
		v, err := parseValue(strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("vary %q: value %q: %v", s, part, err)
		}
		out = append(out, Override{Key: key, Value: v})
	}
	return out, nil
}

// splitTop splits s at commas that are not inside brackets, braces or quotes.
func splitTop(s string) []string {
	var parts []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// parseValue decodes one TOML value; a bare word that is not TOML, or that
// TOML reads as a date or time, is a string.
func parseValue(text string) (any, error) {
	if text == "" {
		return nil, fmt.Errorf("empty value")
	}
	var m map[string]any
	_, err := toml.Decode("v = "+text, &m)
	if err != nil {
		if strings.ContainsAny(text[:1], `["'{`) || strings.ContainsAny(text, "\n=") {
			return nil, fmt.Errorf("not a TOML value: %v", strings.TrimPrefix(err.Error(), "toml: "))
		}
		return text, nil
	}
	if _, ok := m["v"].(time.Time); ok { // TOML dates and times (08:00:00): the scenario writes them as strings
		return text, nil
	}
	return m["v"], nil
}

// String writes the override as key=value with the value in TOML.
func (o Override) String() string { return o.Key + "=" + FormatValue(o.Value) }

// FormatValue writes a decoded TOML value inline: 0.4, true, "30s" is
// written 30s (a bare string), [1, 2], {mean = "2m"}.
func FormatValue(v any) string {
	switch x := v.(type) {
	case string:
		if x != "" && !strings.ContainsAny(x, " ,=[]{}\"'#\n") {
			return x
		}
		return strconv.Quote(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = FormatValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + " = " + FormatValue(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// LoadWith is Load with overrides applied before validation. Errors in the
// file itself come first, with their lines; errors the overrides cause name
// the override.
func LoadWith(fsys fs.FS, name string, ovs []Override) (*sim.Scenario, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("scenarios: %w", err)
	}
	return parseWith(name, data, fsys, path.Dir(name), ovs)
}

// ParseWith is Parse with overrides applied before validation.
func ParseWith(name string, data []byte, ovs []Override) (*sim.Scenario, error) {
	return parseWith(name, data, nil, "", ovs)
}

// BundledWith is Bundled with overrides applied before validation.
func BundledWith(name string, ovs []Override) (*sim.Scenario, error) {
	data, ok := Source(name)
	if !ok {
		_, err := Bundled(name)
		return nil, err
	}
	return ParseWith(name+".toml", data, ovs)
}

// Variant is sc with overrides applied: sc is encoded, overridden and
// loaded again, so the overrides are checked like keys of a file.
func Variant(sc *sim.Scenario, ovs []Override) (*sim.Scenario, error) {
	data, err := Encode(sc)
	if err != nil {
		return nil, err
	}
	v, err := ParseWith(sc.Name, data, ovs)
	if err != nil || sc.Provenance == nil {
		return v, err
	}
	p := *sc.Provenance
	p.Overrides = append([]string(nil), p.Overrides...)
	for _, o := range ovs {
		p.Overrides = append(p.Overrides, o.String())
	}
	v.Provenance = &p
	return v, nil
}

func parseWith(name string, data []byte, fsys fs.FS, dir string, ovs []Override) (*sim.Scenario, error) {
	sc, err := parse(name, data, fsys, dir)
	if err != nil || len(ovs) == 0 {
		return sc, err
	}
	var tree map[string]any
	if _, err := toml.Decode(string(data), &tree); err != nil {
		return nil, ErrorList{&Error{File: name, Msg: err.Error()}}
	}
	paths := make([]string, len(ovs))
	var errs ErrorList
	for i, o := range ovs {
		p, err := o.apply(tree)
		if err != nil {
			errs = append(errs, &Error{File: "override " + o.String(), Msg: err.Error()})
		}
		paths[i] = p
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(tree); err != nil {
		return nil, ErrorList{&Error{File: name, Msg: "overrides: " + err.Error()}}
	}
	sc, err = parse(name, buf.Bytes(), fsys, dir)
	if err != nil {
		return nil, blame(err, ovs, paths)
	}
	return sc, nil
}

// blame relabels the errors of an overridden scenario with the override
// that caused each: the one whose path is closest to the error's key.
func blame(err error, ovs []Override, paths []string) error {
	list, ok := err.(ErrorList)
	if !ok {
		return err
	}
	all := make([]string, len(ovs))
	for i, o := range ovs {
		all[i] = o.String()
	}
	for _, e := range list {
		best, bestLen := -1, -1
		for i, p := range paths {
			if n := related(e.Key, p); n > bestLen {
				best, bestLen = i, n
			}
		}
		e.Line = 0
		if best < 0 {
			e.File = "overrides " + strings.Join(all, " ")
			continue
		}
		e.File = "override " + all[best]
		if e.Key == paths[best] || stripIndices(e.Key) == stripIndices(paths[best]) {
			e.Key = ""
		}
	}
	return list
}

// related returns how many path elements key and path share when one is a
// prefix of the other (ignoring indices), or -1.
func related(key, path string) int {
	a, b := strings.Split(key, "."), strings.Split(path, ".")
	if stripIndices(key) == stripIndices(path) {
		return len(b)
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for i := range a {
		if a[i] != b[i] {
			return -1
		}
	}
	return len(a)
}

// apply sets the override in a decoded scenario document and returns its
// path with array indices ("intents.0.bot_containment").
func (o Override) apply(tree map[string]any) (string, error) {
	segs := strings.Split(o.Key, ".")
	for _, s := range segs {
		if s == "" {
			return "", fmt.Errorf("key %q has an empty part", o.Key)
		}
	}
	w := walker{t: reflect.TypeOf(file{}), node: tree}
	for i, seg := range segs {
		last := i == len(segs)-1
		if err := w.step(seg, last, o.Value); err != nil {
			if at := strings.Join(segs[:i+1], "."); !last {
				return "", fmt.Errorf("%s: %w", at, err)
			}
			return "", err
		}
	}
	return strings.Join(w.path, "."), nil
}

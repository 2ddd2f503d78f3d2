package scenarios

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/trainer"
)

// Error is one problem in an input file, located by file, line and key.
type Error struct {
	File string // file name as given to the loader
	Line int    // 1-based; 0 when unknown
	Key  string // dotted key path, e.g. "intents.2.share"; empty for syntax errors
	Msg  string

	format string // Msg's wording and arguments, to print it in another language (In)
	args   []any
}

// In is the message in language l: through the German catalogue of
// decoding errors when it has the wording, else Msg.
func (e *Error) In(l i18n.Lang) string {
	if e.format == "" || l == i18n.English {
		return e.Msg
	}
	return decodeMessages.Printer(l).Sprintf(e.format, e.args...)
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in one file, in line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// err returns l as an error, or nil when it is empty, sorted by line.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool { return l[i].Line < l[j].Line })
	return l
}

// doc is a decoded TOML document that can locate its keys for error messages.
type doc struct {
	name  string
	lines lineIndex
	md    toml.MetaData
}

// tomlLineErr matches BurntSushi's decode errors: `toml: line 3 (last key "a.b"): msg`.
var tomlLineErr = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// decodeStrict decodes data into v, rejecting unknown keys with a suggestion.
func decodeStrict(name string, data []byte, v any) (*doc, error) {
	d := &doc{name: name, lines: indexLines(string(data))}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return nil, ErrorList{d.syntaxError(err)}
	}
	d.md = md
	var list ErrorList
	for _, k := range md.Undecoded() {
		key := k.String()
		e := &Error{File: name, Line: d.lines.lookup(key), Key: key, format: i18n.Key("unknown key")}
		if s := suggest(reflect.TypeOf(v), []string(k)); s != "" {
			e.format, e.args = i18n.Key("unknown key (did you mean %q?)"), []any{s}
		}
		e.Msg = fmt.Sprintf(e.format, e.args...)
		list = append(list, e)
	}
	return d, list.err()
}

// syntaxError turns a BurntSushi error into an *Error with line and key.
// Its message is the library's, in English; In wraps it in a German sentence.
func (d *doc) syntaxError(err error) *Error {
	e := &Error{File: d.name, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e.Line, e.Key, e.Msg = pe.Position.Line, pe.LastKey, pe.Message
	} else if m := tomlLineErr.FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Key, e.Msg = m[2], m[3]
	}
	e.format, e.args = i18n.Key("TOML syntax error: %s"), []any{e.Msg}
	return e
}

// errorf makes an error located at key (a dotted path with array indices).
func (d *doc) errorf(key, format string, args ...any) *Error {
	return &Error{File: d.name, Line: d.lines.lookup(key), Key: key, Msg: fmt.Sprintf(format, args...)}
}

// suggest returns the known key closest to the last element of path, or "".
func suggest(t reflect.Type, path []string) string {
	for _, p := range path[:len(path)-1] {
		t = elem(t)
		if t.Kind() == reflect.Map {
			t = t.Elem()
			continue
		}
		if t.Kind() != reflect.Struct {
			return ""
		}
		f, ok := fieldByKey(t, p)
		if !ok {
			return ""
		}
		t = f.Type
	}
	t = elem(t)
	if t.Kind() != reflect.Struct {
		return ""
	}
	return closest(path[len(path)-1], keysOf(t))
}

func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t
}

func keysOf(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			keys = append(keys, keysOf(f.Type)...)
			continue
		}
		if k := tagKey(f); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if g, ok := fieldByKey(f.Type, key); ok {
				return g, true
			}
		}
		if tagKey(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tagKey(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

// closest returns the candidate within edit distance 2 (or sharing a 4-letter prefix) of s.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		d := trainer.EditDistance(strings.ToLower(s), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		for _, c := range candidates {
			if len(s) >= 4 && len(c) >= 4 && strings.EqualFold(s[:4], c[:4]) {
				return c
			}
		}
	}
	return best
}

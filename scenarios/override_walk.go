package scenarios

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// walker follows an override's key through the schema (the types of file)
// and the decoded document side by side.
type walker struct {
	t    reflect.Type // schema type of node
	node any          // map[string]any, []map[string]any, []any, or a value
	path []string     // the path so far, arrays by index
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	tomlUnmarshaler = reflect.TypeFor[toml.Unmarshaler]()
)

// leaf reports whether values of t are written as one TOML value
// (durations, clocks, fractions and scalars) rather than a table or array.
func leaf(t reflect.Type) bool {
	t = derefType(t)
	pt := reflect.PointerTo(t)
	if pt.Implements(textUnmarshaler) || pt.Implements(tomlUnmarshaler) {
		return true
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map, reflect.Slice, reflect.Array:
		return false
	}
	return true
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// step moves to seg, or sets it to v when it is the last part of the key.
func (w *walker) step(seg string, last bool, v any) error {
	if arr, ok := w.node.([]map[string]any); ok {
		items := make([]any, len(arr))
		for i, m := range arr {
			items[i] = m
		}
		return w.index(seg, last, v, items, func(i int, x any) error {
			m, ok := x.(map[string]any)
			if !ok {
				return fmt.Errorf("must be a table, got %s", FormatValue(x))
			}
			arr[i] = m
			return nil
		})
	}
	if arr, ok := w.node.([]any); ok {
		return w.index(seg, last, v, arr, func(i int, x any) error { arr[i] = x; return nil })
	}
	t := derefType(w.t)
	m, ok := w.node.(map[string]any)
	if !ok || leaf(t) {
		return errors.New("is a value, not a table or an array")
	}
	var child reflect.Type
	switch t.Kind() {
	case reflect.Map:
		child = t.Elem()
	case reflect.Struct:
		f, ok := fieldByKey(t, seg)
		if !ok {
			msg := "unknown key"
			if s := closest(seg, keysOf(t)); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return errors.New(msg)
		}
		child = f.Type
	default:
		return errors.New("is not a table")
	}
	w.path = append(w.path, seg)
	if last {
		m[seg] = v
		if t == reflect.TypeFor[fileAgents]() {
			replaceStaffing(m, seg)
		}
		return nil
	}
	next, exists := m[seg]
	if !exists {
		switch k := derefType(child).Kind(); {
		case (k == reflect.Struct || k == reflect.Map) && !leaf(child):
			next = map[string]any{}
			m[seg] = next
		default:
			return errors.New("is not set in the scenario; set it whole")
		}
	}
	w.t, w.node = child, next
	return nil
}

// replaceStaffing keeps one of an agent group's count, counts and shifts:
// the one just set.
func replaceStaffing(m map[string]any, set string) {
	staffing := map[string]bool{"count": true, "counts": true, "shifts": true}
	if !staffing[set] {
		return
	}
	for k := range staffing {
		if k != set {
			delete(m, k)
		}
	}
}

// index moves to (or sets) an array element named by seg: a zero-based
// index, or for intents and agent groups their name.
func (w *walker) index(seg string, last bool, v any, items []any, set func(int, any) error) error {
	elem := derefType(w.t)
	if elem.Kind() == reflect.Slice || elem.Kind() == reflect.Array {
		elem = elem.Elem()
	} else {
		elem = reflect.TypeFor[float64]() // a fraction list
	}
	i, err := strconv.Atoi(seg)
	if err != nil {
		i, err = byName(seg, items, elem)
		if err != nil {
			return err
		}
	} else if i < 0 || i >= len(items) {
		return fmt.Errorf("index %d out of range: %d values (indices from 0)", i, len(items))
	}
	w.path = append(w.path, strconv.Itoa(i))
	if last {
		return set(i, v)
	}
	w.t, w.node = elem, items[i]
	return nil
}

// byName finds the intent (by name) or agent group (by group) called name.
func byName(name string, items []any, elem reflect.Type) (int, error) {
	var field, what string
	switch derefType(elem) {
	case reflect.TypeFor[fileIntent]():
		field, what = "name", "intent"
	case reflect.TypeFor[fileAgents]():
		field, what = "group", "agent group"
	default:
		return 0, fmt.Errorf("%q is not an index (write 0, 1, …)", name)
	}
	var names []string
	for i, it := range items {
		m, _ := it.(map[string]any)
		n, _ := m[field].(string)
		if n == name {
			return i, nil
		}
		names = append(names, n)
	}
	return 0, fmt.Errorf("no %s named %q (there are: %s)", what, name, strings.Join(names, ", "))
}

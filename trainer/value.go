package trainer

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// Kind is the type of a Value.
type Kind uint8

// The kinds of values the expression language knows.
const (
	KindInvalid Kind = iota
	KindInt          // whole numbers (int64)
	KindFloat        // literals such as 0.4, used by chance()
	KindBool         // true or false
	KindStr          // strings and enum values
	KindSet          // a subset of a declared list of names
)

// String returns the kind's name in the expression language.
func (k Kind) String() string {
	switch k {
	case KindInt:
		return "int"
	case KindFloat:
		return "float"
	case KindBool:
		return "bool"
	case KindStr:
		return "str"
	case KindSet:
		return "set"
	}
	return "invalid"
}

// Value is one value of the expression language. The zero Value is invalid.
type Value struct {
	k   Kind
	n   int64   // int, bool (0/1), set (bit mask over the domain)
	f   float64 // float
	s   string  // str
	dom []string
}

// IntValue returns an int value.
func IntValue(n int64) Value { return Value{k: KindInt, n: n} }

// BoolValue returns a bool value.
func BoolValue(b bool) Value {
	if b {
		return Value{k: KindBool, n: 1}
	}
	return Value{k: KindBool}
}

// StrValue returns a string value.
func StrValue(s string) Value { return Value{k: KindStr, s: s} }

func floatValue(f float64) Value { return Value{k: KindFloat, f: f} }

func setValue(mask int64, dom []string) Value { return Value{k: KindSet, n: mask, dom: dom} }

// Kind returns the value's kind.
func (v Value) Kind() Kind { return v.k }

// Int returns the value of an int (or a bool as 0/1, a set as its size).
func (v Value) Int() int64 {
	if v.k == KindSet {
		return int64(bits.OnesCount64(uint64(v.n)))
	}
	if v.k == KindFloat {
		return int64(v.f)
	}
	return v.n
}

// Bool reports whether the value is true.
func (v Value) Bool() bool { return v.n != 0 }

// Str returns the value of a string.
func (v Value) Str() string { return v.s }

func (v Value) num() float64 {
	if v.k == KindFloat {
		return v.f
	}
	return float64(v.n)
}

// Members returns the names in a set value, in domain order.
func (v Value) Members() []string {
	var out []string
	for i, name := range v.dom {
		if v.n&(1<<i) != 0 {
			out = append(out, name)
		}
	}
	return out
}

// String formats the value as the expression language would write it.
func (v Value) String() string {
	switch v.k {
	case KindInt:
		return strconv.FormatInt(v.n, 10)
	case KindFloat:
		return strconv.FormatFloat(v.f, 'g', -1, 64)
	case KindBool:
		return strconv.FormatBool(v.n != 0)
	case KindStr:
		return strconv.Quote(v.s)
	case KindSet:
		return "{" + strings.Join(v.Members(), ", ") + "}"
	}
	return "<invalid>"
}

// equal reports whether a and b are the same value (ints and floats compare numerically).
func equal(a, b Value) bool {
	switch {
	case a.k == KindStr && b.k == KindStr:
		return a.s == b.s
	case a.k == KindFloat || b.k == KindFloat:
		return a.num() == b.num()
	}
	return a.n == b.n
}

// typ is a static type: a kind plus, for enums and sets, the allowed names.
type typ struct {
	k   Kind
	dom []string // enum values (KindStr) or set members (KindSet); nil for plain strings
}

func (t typ) String() string {
	if t.dom != nil && t.k == KindStr {
		return "enum"
	}
	return t.k.String()
}

func (t typ) numeric() bool { return t.k == KindInt || t.k == KindFloat }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// setLiteral reads the value of a set variable given to Options.Set: its
// members separated by commas, optionally quoted and in brackets ("price,
// upgrade", "['price']", "" or "[]" for the empty set); each must be one of
// the variable's values.
func setLiteral(src string, dom []string) (Value, error) {
	body := strings.TrimSpace(src)
	if strings.HasPrefix(body, "[") && strings.HasSuffix(body, "]") {
		body = body[1 : len(body)-1]
	}
	var mask int64
	for _, m := range strings.Split(body, ",") {
		m = strings.Trim(strings.TrimSpace(m), `'"`)
		if m == "" {
			continue
		}
		i := slices.Index(dom, m)
		if i < 0 {
			return Value{}, fmt.Errorf("%q is not one of the set's values (%s)", m, strings.Join(dom, ", "))
		}
		mask |= 1 << i
	}
	return setValue(mask, dom), nil
}

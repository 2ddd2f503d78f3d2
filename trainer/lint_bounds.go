package trainer

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// interval is the range [lo, hi] an int expression can take.
type interval struct{ lo, hi int64 }

var unbounded = interval{math.MinInt64 / 4, math.MaxInt64 / 4}

// lintBounds reports conditions that can never hold given the declared
// bounds of int variables (patience < 0 with min 0), by interval reasoning
// on comparisons joined with &&, || and !. It returns their paths.
func (l *linter) lintBounds() map[string]bool {
	never := map[string]bool{}
	for _, c := range l.s.conditions() {
		n, err := parseExpr(c.src)
		if err != nil {
			continue // reported by compile
		}
		used := map[string]bool{}
		if canTrue, _ := l.truth(n, used); !canTrue {
			never[c.path] = true
			l.p.errorf(c.path, "condition %q can never hold%s", c.src, l.boundsNote(used))
		}
	}
	return never
}

// boundsNote explains the bounds of the variables a condition read.
func (l *linter) boundsNote(used map[string]bool) string {
	var parts []string
	for _, v := range l.s.Vars {
		if !used[v.Name] {
			continue
		}
		lo, hi := v.bounds()
		switch {
		case v.Min != nil && v.Max != nil:
			parts = append(parts, fmt.Sprintf("%s is between %d and %d", v.Name, lo, hi))
		case v.Min != nil:
			parts = append(parts, fmt.Sprintf("%s is at least %d", v.Name, lo))
		case v.Max != nil:
			parts = append(parts, fmt.Sprintf("%s is at most %d", v.Name, hi))
		}
	}
	for _, name := range []string{nameTurn, nameElapsed} {
		if used[name] {
			parts = append(parts, name+" is never negative")
		}
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

// truth reports whether a condition can be true and whether it can be false.
func (l *linter) truth(n astNode, used map[string]bool) (canTrue, canFalse bool) {
	switch x := n.(type) {
	case *litNode:
		if x.v.k == KindBool {
			return x.v.Bool(), !x.v.Bool()
		}
	case *unaryNode:
		if x.op == "!" {
			t, f := l.truth(x.x, used)
			return f, t
		}
	case *binaryNode:
		switch x.op {
		case "&&":
			at, af := l.truth(x.x, used)
			bt, bf := l.truth(x.y, used)
			return at && bt && l.jointly(x, used), af || bf
		case "||":
			at, af := l.truth(x.x, used)
			bt, bf := l.truth(x.y, used)
			return at || bt, af && bf
		case "<", "<=", ">", ">=", "==", "!=":
			a, aok := l.span(x.x, used)
			b, bok := l.span(x.y, used)
			if aok && bok {
				return compare(x.op, a, b)
			}
		}
	}
	return true, true
}

// compare reports whether a op b can be true and can be false for a, b in their intervals.
func compare(op string, a, b interval) (canTrue, canFalse bool) {
	switch op {
	case "<":
		return a.lo < b.hi, a.hi >= b.lo
	case "<=":
		return a.lo <= b.hi, a.hi > b.lo
	case ">":
		return compare("<", b, a)
	case ">=":
		return compare("<=", b, a)
	}
	overlap := a.lo <= b.hi && b.lo <= a.hi
	single := a.lo == a.hi && b.lo == b.hi && a.lo == b.lo
	if op == "==" {
		return overlap, !single
	}
	return !single, overlap
}

// span returns the interval of an int expression, if lint can tell.
func (l *linter) span(n astNode, used map[string]bool) (interval, bool) {
	switch x := n.(type) {
	case *litNode:
		if x.v.k == KindInt {
			return interval{x.v.n, x.v.n}, true
		}
	case *identNode:
		return l.nameSpan(x.name, used)
	case *unaryNode:
		if a, ok := l.span(x.x, used); ok && x.op == "-" {
			return interval{-a.hi, -a.lo}, true
		}
	case *binaryNode:
		a, aok := l.span(x.x, used)
		b, bok := l.span(x.y, used)
		if !aok || !bok {
			break
		}
		switch x.op {
		case "+":
			return clampSpan(interval{a.lo + b.lo, a.hi + b.hi}), true
		case "-":
			return clampSpan(interval{a.lo - b.hi, a.hi - b.lo}), true
		}
	}
	return interval{}, false
}

func clampSpan(iv interval) interval {
	return interval{max(iv.lo, unbounded.lo), min(iv.hi, unbounded.hi)}
}

func (l *linter) nameSpan(name string, used map[string]bool) (interval, bool) {
	if name == nameTurn || name == nameElapsed {
		used[name] = true
		return interval{0, unbounded.hi}, true
	}
	if c, ok := l.p.consts[name]; ok && c.k == KindInt {
		return interval{c.n, c.n}, true
	}
	for i := range l.s.Vars {
		v := &l.s.Vars[i]
		if v.Name == name && v.Type == "int" {
			used[name] = true
			lo, hi := v.bounds()
			return clampSpan(interval{lo, hi}), true
		}
	}
	return interval{}, false
}

// jointly reports whether the comparisons of one variable with a constant
// in a chain of && can hold together (mood >= 3 && mood < 2 cannot).
func (l *linter) jointly(n astNode, used map[string]bool) bool {
	env := map[string]interval{}
	var walk func(astNode) bool
	walk = func(n astNode) bool {
		b, ok := n.(*binaryNode)
		if !ok {
			return true
		}
		if b.op == "&&" {
			return walk(b.x) && walk(b.y)
		}
		id, lit, op := comparison(b)
		if id == "" {
			return true
		}
		iv, ok := env[id]
		if !ok {
			if iv, ok = l.nameSpan(id, used); !ok {
				return true
			}
		}
		iv = narrow(iv, op, lit)
		env[id] = iv
		return iv.lo <= iv.hi
	}
	return walk(n)
}

// comparison splits "name op int" (or "int op name", flipped) into its parts.
func comparison(b *binaryNode) (name string, lit int64, op string) {
	flip := map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
	if _, ok := flip[b.op]; !ok {
		return "", 0, ""
	}
	id, iok := b.x.(*identNode)
	v, vok := b.y.(*litNode)
	if iok && vok && v.v.k == KindInt {
		return id.name, v.v.n, b.op
	}
	id, iok = b.y.(*identNode)
	v, vok = b.x.(*litNode)
	if iok && vok && v.v.k == KindInt {
		return id.name, v.v.n, flip[b.op]
	}
	return "", 0, ""
}

// narrow limits iv to the values x with x op lit.
func narrow(iv interval, op string, lit int64) interval {
	switch op {
	case "<":
		iv.hi = min(iv.hi, lit-1)
	case "<=":
		iv.hi = min(iv.hi, lit)
	case ">":
		iv.lo = max(iv.lo, lit+1)
	case ">=":
		iv.lo = max(iv.lo, lit)
	case "==":
		iv.lo, iv.hi = max(iv.lo, lit), min(iv.hi, lit)
	}
	return iv
}

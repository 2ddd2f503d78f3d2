package trainer

import (
	"math"
)

// builtinNames lists the functions of the expression language, for suggestions.
var builtinNames = []string{"clamp", "min", "max", "said", "matched", "fired", "score",
	"visits", "turns_since", "rand", "chance", "emit", "count", "if"}

// call compiles a builtin call; stmt is true when the call is a whole `do` statement.
func (p *program) call(n *callNode, stmt bool) (evalFn, typ, error) {
	switch n.fn {
	case "clamp", "min", "max":
		return p.numericCall(n)
	case "said", "matched", "fired", "score", "visits", "turns_since", "emit":
		return p.nameCall(n, stmt)
	case "rand", "chance":
		if p.pure != "" {
			return nil, typ{}, posErr(n, "%s() cannot be used in %s", n.fn, p.pure)
		}
	}
	switch n.fn {
	case "rand":
		args, _, err := p.args(n, 2, KindInt)
		if err != nil {
			return nil, typ{}, err
		}
		return func(s *Session) Value {
			lo, hi := args[0](s).n, args[1](s).n
			if hi < lo {
				lo, hi = hi, lo
			}
			d := s.draw()
			return IntValue(lo + int64(math.Floor(d*float64(hi-lo+1))))
		}, typ{k: KindInt}, nil
	case "chance":
		args, _, err := p.args(n, 1, KindFloat)
		if err != nil {
			return nil, typ{}, err
		}
		return func(s *Session) Value { return BoolValue(s.draw() < args[0](s).num()) }, typ{k: KindBool}, nil
	case "if":
		return p.ifCall(n)
	case "count":
		args, ts, err := p.args(n, 1, KindInvalid)
		if err != nil {
			return nil, typ{}, err
		}
		if ts[0].k != KindSet {
			return nil, typ{}, posErr(n, "count needs a set, got %s", ts[0])
		}
		return func(s *Session) Value { return IntValue(args[0](s).Int()) }, typ{k: KindInt}, nil
	}
	if s := closest(n.fn, builtinNames); s != "" {
		return nil, typ{}, posErr(n, "unknown function %q (did you mean %q?)", n.fn, s)
	}
	return nil, typ{}, posErr(n, "unknown function %q", n.fn)
}

// args compiles exactly want arguments, each of kind k unless k is KindInvalid
// (KindFloat accepts ints too).
func (p *program) args(n *callNode, want int, k Kind) ([]evalFn, []typ, error) {
	if want >= 0 && len(n.args) != want {
		return nil, nil, posErr(n, "%s takes %d argument(s), got %d", n.fn, want, len(n.args))
	}
	fs := make([]evalFn, len(n.args))
	ts := make([]typ, len(n.args))
	for i, a := range n.args {
		f, t, err := p.expr(a, false)
		if err != nil {
			return nil, nil, err
		}
		if k != KindInvalid && t.k != k && !(k == KindFloat && t.k == KindInt) {
			return nil, nil, posErr(a, "argument %d of %s is %s, want %s", i+1, n.fn, t, k)
		}
		fs[i], ts[i] = f, t
	}
	return fs, ts, nil
}

func (p *program) numericCall(n *callNode) (evalFn, typ, error) {
	want := -1
	if n.fn == "clamp" {
		want = 3
	} else if len(n.args) == 0 {
		return nil, typ{}, posErr(n, "%s needs at least one argument", n.fn)
	}
	args, ts, err := p.args(n, want, KindFloat)
	if err != nil {
		return nil, typ{}, err
	}
	rt := typ{k: KindInt}
	for _, t := range ts {
		if t.k == KindFloat {
			rt.k = KindFloat
		}
	}
	pick := func(a, b float64) bool { return a < b } // min
	if n.fn == "max" {
		pick = func(a, b float64) bool { return a > b }
	}
	wrap := func(f float64) Value {
		if rt.k == KindInt {
			return IntValue(int64(f))
		}
		return floatValue(f)
	}
	if n.fn == "clamp" {
		return func(s *Session) Value {
			x, lo, hi := args[0](s).num(), args[1](s).num(), args[2](s).num()
			return wrap(math.Max(lo, math.Min(hi, x)))
		}, rt, nil
	}
	return func(s *Session) Value {
		best := args[0](s).num()
		for _, a := range args[1:] {
			if v := a(s).num(); pick(v, best) {
				best = v
			}
		}
		return wrap(best)
	}, rt, nil
}

// nameCall compiles the builtins whose one argument is a string literal naming
// something in the script: a pattern, reply, rule, dimension, node or event.
func (p *program) nameCall(n *callNode, stmt bool) (evalFn, typ, error) {
	if len(n.args) != 1 {
		return nil, typ{}, posErr(n, "%s takes 1 argument, got %d", n.fn, len(n.args))
	}
	lit, ok := n.args[0].(*litNode)
	if !ok || lit.v.k != KindStr {
		return nil, typ{}, posErr(n, "%s takes a string literal such as %s(\"name\")", n.fn, n.fn)
	}
	name := lit.v.s
	switch n.fn {
	case "said":
		re, err := p.pattern(name)
		if err != nil {
			return nil, typ{}, posErr(lit, "%v", err)
		}
		return func(s *Session) Value { return BoolValue(s.said(re)) }, typ{k: KindBool}, nil
	case "emit":
		if !stmt {
			return nil, typ{}, posErr(n, "emit is a statement: use it alone in `do`")
		}
		return func(s *Session) Value { s.emit(name); return BoolValue(true) }, typ{k: KindBool}, nil
	}
	idx, err := p.lookupName(n.fn, name)
	if err != nil {
		return nil, typ{}, posErr(lit, "%v", err)
	}
	switch n.fn {
	case "matched":
		return func(s *Session) Value { return BoolValue(s.replyCount[idx] > 0) }, typ{k: KindBool}, nil
	case "fired":
		return func(s *Session) Value { return BoolValue(s.ruleFired[idx]) }, typ{k: KindBool}, nil
	case "score":
		return func(s *Session) Value { return IntValue(int64(s.points[idx])) }, typ{k: KindInt}, nil
	case "visits":
		return func(s *Session) Value { return IntValue(int64(s.visits[idx])) }, typ{k: KindInt}, nil
	}
	return func(s *Session) Value { // turns_since
		if s.visits[idx] == 0 {
			return IntValue(-1)
		}
		return IntValue(int64(s.turn - s.lastVisit[idx]))
	}, typ{k: KindInt}, nil
}

// lookupName finds the index of a reply, rule, dimension or node named in a builtin call.
func (p *program) lookupName(fn, name string) (int, error) {
	var ix map[string]int
	var unknown text
	switch fn {
	case "matched":
		ix, unknown = p.replyIndex, textf("unknown reply %q", name)
	case "fired":
		ix, unknown = p.ruleIndex, textf("unknown rule %q", name)
	case "score":
		ix, unknown = p.dimIndex, textf("unknown rubric dimension %q", name)
	default:
		ix, unknown = p.nodeIndex, textf("unknown node %q", name)
	}
	i, ok := ix[name]
	if !ok {
		return 0, unknown
	}
	return i, nil
}

// ifCall compiles if(cond, a, b): a when cond holds, else b; only the chosen side is evaluated.
func (p *program) ifCall(n *callNode) (evalFn, typ, error) {
	args, ts, err := p.args(n, 3, KindInvalid)
	if err != nil {
		return nil, typ{}, err
	}
	if ts[0].k != KindBool {
		return nil, typ{}, posErr(n.args[0], "the condition of if is %s, want bool", ts[0])
	}
	if ts[1].k != ts[2].k {
		return nil, typ{}, posErr(n, "the two sides of if differ: %s and %s", ts[1], ts[2])
	}
	c, a, b := args[0], args[1], args[2]
	return func(s *Session) Value {
		if c(s).Bool() {
			return a(s)
		}
		return b(s)
	}, ts[1], nil
}

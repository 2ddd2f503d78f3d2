package trainer

import "fmt"

// evalFn computes an expression's value in a session.
type evalFn func(s *Session) Value

// execFn runs one `do` statement in a session.
type execFn func(s *Session)

// names the expression language predefines, with their types.
const (
	nameTurn     = "turn"
	nameElapsed  = "elapsed_s"
	nameVariant  = "handoff.variant"
	nameContext  = "handoff.context"
	nameMode     = "mode"
	maxSetValues = 63
)

// compileExpr compiles src as an expression; want, unless KindInvalid, is the required kind.
func (p *program) compileExpr(src string, want Kind) (evalFn, typ, error) {
	n, err := parseExpr(src)
	if err != nil {
		return nil, typ{}, textf("expression %q: %v", src, err)
	}
	f, t, err := p.expr(n, false)
	if err != nil {
		return nil, typ{}, textf("expression %q: %v", src, err)
	}
	if want != KindInvalid && t.k != want && !(want == KindFloat && t.k == KindInt) {
		return nil, typ{}, textf("expression %q: is %s, want %s", src, t, want)
	}
	return f, t, nil
}

// compileStmt compiles one `do` statement.
func (p *program) compileStmt(src string) (execFn, error) {
	n, err := parseStmt(src)
	if err != nil {
		return nil, textf("statement %q: %v", src, err)
	}
	var f execFn
	if a, ok := n.(*assignNode); ok {
		f, err = p.assign(a)
	} else {
		var e evalFn
		e, _, err = p.expr(n, true)
		f = func(s *Session) { e(s) }
	}
	if err != nil {
		return nil, textf("statement %q: %v", src, err)
	}
	return f, nil
}

// posErr is an error at n's column: format is a lintMessages key.
func posErr(n astNode, format string, args ...any) error {
	return textf("column %d: %v", n.position()+1, textf(format, args...))
}

func (p *program) expr(n astNode, stmt bool) (evalFn, typ, error) {
	switch n := n.(type) {
	case *litNode:
		v := n.v
		return func(*Session) Value { return v }, typ{k: v.k}, nil
	case *identNode:
		return p.ident(n)
	case *unaryNode:
		return p.unary(n)
	case *binaryNode:
		return p.binary(n)
	case *callNode:
		return p.call(n, stmt)
	case *assignNode:
		return nil, typ{}, posErr(n, "assignment is only allowed as a statement in `do`")
	}
	return nil, typ{}, fmt.Errorf("internal: unknown syntax node %T", n)
}

func (p *program) ident(n *identNode) (evalFn, typ, error) {
	if slot, ok := p.varSlot[n.name]; ok {
		p.reads[n.name] = true
		return func(s *Session) Value { return s.vars[slot] }, p.varTypes[slot], nil
	}
	if v, ok := p.consts[n.name]; ok {
		return func(*Session) Value { return v }, typ{k: v.k}, nil
	}
	switch n.name {
	case nameTurn:
		return func(s *Session) Value { return IntValue(int64(s.turn)) }, typ{k: KindInt}, nil
	case nameElapsed:
		return func(s *Session) Value { return IntValue(s.scriptSeconds()) }, typ{k: KindInt}, nil
	case nameVariant:
		return func(s *Session) Value { return StrValue(s.variant) }, typ{k: KindStr, dom: p.variantNames()}, nil
	case nameContext:
		return func(s *Session) Value { return BoolValue(s.context) }, typ{k: KindBool}, nil
	case nameMode:
		return func(s *Session) Value { return StrValue(string(s.mode)) }, typ{k: KindStr, dom: []string{"guided", "free"}}, nil
	}
	if s := closest(n.name, p.knownNames()); s != "" {
		return nil, typ{}, posErr(n, "unknown variable %q (did you mean %q?)", n.name, s)
	}
	return nil, typ{}, posErr(n, "unknown variable %q", n.name)
}

func (p *program) unary(n *unaryNode) (evalFn, typ, error) {
	x, t, err := p.expr(n.x, false)
	if err != nil {
		return nil, typ{}, err
	}
	if n.op == "!" {
		if t.k != KindBool {
			return nil, typ{}, posErr(n, "! needs a bool, got %s", t)
		}
		return func(s *Session) Value { return BoolValue(!x(s).Bool()) }, t, nil
	}
	switch t.k {
	case KindInt:
		return func(s *Session) Value { return IntValue(-x(s).n) }, t, nil
	case KindFloat:
		return func(s *Session) Value { return floatValue(-x(s).f) }, t, nil
	}
	return nil, typ{}, posErr(n, "- needs a number, got %s", t)
}

func (p *program) binary(n *binaryNode) (evalFn, typ, error) {
	x, tx, err := p.expr(n.x, false)
	if err != nil {
		return nil, typ{}, err
	}
	y, ty, err := p.expr(n.y, false)
	if err != nil {
		return nil, typ{}, err
	}
	switch n.op {
	case "&&", "||":
		if tx.k != KindBool || ty.k != KindBool {
			return nil, typ{}, posErr(n, "%s needs bools, got %s and %s", n.op, tx, ty)
		}
		if n.op == "&&" {
			return func(s *Session) Value { return BoolValue(x(s).Bool() && y(s).Bool()) }, typ{k: KindBool}, nil
		}
		return func(s *Session) Value { return BoolValue(x(s).Bool() || y(s).Bool()) }, typ{k: KindBool}, nil
	case "==", "!=":
		return p.equality(n, x, y, tx, ty)
	case "<", "<=", ">", ">=":
		return compareOp(n, x, y, tx, ty)
	case "in":
		return p.member(n, x, y, tx, ty)
	}
	return arith(n, x, y, tx, ty)
}

func (p *program) equality(n *binaryNode, x, y evalFn, tx, ty typ) (evalFn, typ, error) {
	same := tx.k == ty.k || tx.numeric() && ty.numeric()
	if !same || tx.k == KindSet {
		return nil, typ{}, posErr(n, "cannot compare %s %s %s", tx, n.op, ty)
	}
	if err := checkEnumLiteral(n.x, n.y, tx, ty); err != nil {
		return nil, typ{}, err
	}
	neg := n.op == "!="
	return func(s *Session) Value { return BoolValue(equal(x(s), y(s)) != neg) }, typ{k: KindBool}, nil
}

// checkEnumLiteral rejects comparing an enum with a string literal outside its values.
func checkEnumLiteral(a, b astNode, ta, tb typ) error {
	for _, c := range [][2]any{{a, tb}, {b, ta}} {
		lit, ok := c[0].(*litNode)
		t := c[1].(typ)
		if ok && lit.v.k == KindStr && t.dom != nil && indexOf(t.dom, lit.v.s) < 0 {
			return posErr(lit, "%q is not one of %v", lit.v.s, t.dom)
		}
	}
	return nil
}

func compareOp(n *binaryNode, x, y evalFn, tx, ty typ) (evalFn, typ, error) {
	if !tx.numeric() || !ty.numeric() {
		return nil, typ{}, posErr(n, "%s needs numbers, got %s and %s", n.op, tx, ty)
	}
	var f func(a, b float64) bool
	switch n.op {
	case "<":
		f = func(a, b float64) bool { return a < b }
	case "<=":
		f = func(a, b float64) bool { return a <= b }
	case ">":
		f = func(a, b float64) bool { return a > b }
	default:
		f = func(a, b float64) bool { return a >= b }
	}
	return func(s *Session) Value { return BoolValue(f(x(s).num(), y(s).num())) }, typ{k: KindBool}, nil
}

func (p *program) member(n *binaryNode, x, y evalFn, tx, ty typ) (evalFn, typ, error) {
	if tx.k != KindStr || ty.k != KindSet {
		return nil, typ{}, posErr(n, "in needs a string and a set, got %s and %s", tx, ty)
	}
	if err := checkEnumLiteral(n.x, n.y, tx, ty); err != nil {
		return nil, typ{}, err
	}
	return func(s *Session) Value {
		set := y(s)
		i := indexOf(set.dom, x(s).s)
		return BoolValue(i >= 0 && set.n&(1<<i) != 0)
	}, typ{k: KindBool}, nil
}

func arith(n *binaryNode, x, y evalFn, tx, ty typ) (evalFn, typ, error) {
	if !tx.numeric() || !ty.numeric() {
		return nil, typ{}, posErr(n, "%s needs numbers, got %s and %s", n.op, tx, ty)
	}
	op := n.op
	if tx.k == KindInt && ty.k == KindInt {
		return func(s *Session) Value { return intArith(s, op, x(s).n, y(s).n) }, typ{k: KindInt}, nil
	}
	return func(s *Session) Value { return floatArith(s, op, x(s).num(), y(s).num()) }, typ{k: KindFloat}, nil
}

func intArith(s *Session, op string, a, b int64) Value {
	switch op {
	case "+":
		return IntValue(a + b)
	case "-":
		return IntValue(a - b)
	case "*":
		return IntValue(a * b)
	}
	if b == 0 {
		s.runtimeErr("division by zero")
		return IntValue(0)
	}
	if op == "/" {
		return IntValue(a / b)
	}
	return IntValue(a % b)
}

func floatArith(s *Session, op string, a, b float64) Value {
	switch op {
	case "+":
		return floatValue(a + b)
	case "-":
		return floatValue(a - b)
	case "*":
		return floatValue(a * b)
	case "/":
		if b == 0 {
			s.runtimeErr("division by zero")
			return floatValue(0)
		}
		return floatValue(a / b)
	}
	return floatValue(0)
}

// assign compiles `name = x`, `name += x` or `name -= x`.
func (p *program) assign(a *assignNode) (execFn, error) {
	slot, ok := p.varSlot[a.name]
	if !ok {
		if _, isConst := p.consts[a.name]; isConst || a.name == nameTurn || a.name == nameElapsed ||
			a.name == nameVariant || a.name == nameContext || a.name == nameMode {
			return nil, posErr(a, "cannot assign to %q", a.name)
		}
		_, _, err := p.ident(&identNode{name: a.name, pos: a.pos})
		return nil, err
	}
	p.writes[a.name] = true
	x, tx, err := p.expr(a.x, false)
	if err != nil {
		return nil, err
	}
	vt := p.varTypes[slot]
	v := &p.s.Vars[slot]
	switch vt.k {
	case KindInt:
		return assignInt(a, slot, v, x, tx)
	case KindSet:
		return assignSet(a, slot, x, tx, vt)
	}
	if a.op != "=" {
		return nil, posErr(a, "%s works on int and set variables, %q is %s", a.op, a.name, vt)
	}
	if tx.k != vt.k {
		return nil, posErr(a, "cannot assign %s to %q (%s)", tx, a.name, vt)
	}
	if vt.dom != nil {
		if err := checkEnumLiteral(a.x, a.x, vt, vt); err != nil {
			return nil, err
		}
		return func(s *Session) {
			val := x(s)
			if indexOf(vt.dom, val.s) < 0 {
				s.runtimeErr(fmt.Sprintf("%q is not a value of %s", val.s, a.name))
				return
			}
			s.vars[slot] = val
		}, nil
	}
	return func(s *Session) { s.vars[slot] = x(s) }, nil
}

func assignInt(a *assignNode, slot int, v *Var, x evalFn, tx typ) (execFn, error) {
	if tx.k != KindInt {
		return nil, posErr(a, "cannot assign %s to int %q", tx, a.name)
	}
	lo, hi := v.bounds()
	switch a.op {
	case "+=":
		return func(s *Session) { s.vars[slot] = IntValue(clampInt(s.vars[slot].n+x(s).n, lo, hi)) }, nil
	case "-=":
		return func(s *Session) { s.vars[slot] = IntValue(clampInt(s.vars[slot].n-x(s).n, lo, hi)) }, nil
	}
	return func(s *Session) { s.vars[slot] = IntValue(clampInt(x(s).n, lo, hi)) }, nil
}

func assignSet(a *assignNode, slot int, x evalFn, tx typ, vt typ) (execFn, error) {
	if a.op == "=" || tx.k != KindStr {
		return nil, posErr(a, "set %q takes `+= \"name\"` or `-= \"name\"`", a.name)
	}
	if err := checkEnumLiteral(a.x, a.x, vt, vt); err != nil {
		return nil, err
	}
	add := a.op == "+="
	return func(s *Session) {
		name := x(s).s
		i := indexOf(vt.dom, name)
		if i < 0 {
			s.runtimeErr(fmt.Sprintf("%q is not a member of set %s", name, a.name))
			return
		}
		cur := s.vars[slot]
		if add {
			cur.n |= 1 << i
		} else {
			cur.n &^= 1 << i
		}
		s.vars[slot] = cur
	}, nil
}

func clampInt(n, lo, hi int64) int64 { return max(lo, min(hi, n)) }

package trainer

import "strconv"

// compileVars checks declarations and literal initial values.
func (p *program) compileVars() {
	for i := range p.s.Vars {
		v := &p.s.Vars[i]
		path := "vars." + v.Name
		if _, dup := p.varSlot[v.Name]; dup {
			p.errorf(path, "duplicate variable %q", v.Name)
		}
		if _, c := p.consts[v.Name]; c {
			p.errorf(path, "%q is both a variable and a constant", v.Name)
		}
		p.varSlot[v.Name] = i
		t, init := p.varType(v, path)
		p.varTypes = append(p.varTypes, t)
		p.initVals = append(p.initVals, init)
	}
}

func (p *program) varType(v *Var, path string) (typ, Value) {
	if v.Init != nil && v.InitExpr != "" {
		p.errorf(path+".init_expr", "give init or init_expr, not both")
	}
	switch v.Type {
	case "int":
		return typ{k: KindInt}, p.intInit(v, path)
	case "bool":
		b, ok := v.Init.(bool)
		if v.Init != nil && !ok {
			p.errorf(path+".init", "init of bool %q must be true or false", v.Name)
		}
		return typ{k: KindBool}, BoolValue(b)
	case "str":
		str, ok := v.Init.(string)
		if v.Init != nil && !ok {
			p.errorf(path+".init", "init of str %q must be a string", v.Name)
		}
		return typ{k: KindStr}, StrValue(str)
	case "enum":
		return p.enumInit(v, path)
	case "set":
		return p.setInit(v, path)
	}
	p.errorf(path+".type", "unknown type %q (want int, bool, str, enum or set)", v.Type)
	return typ{k: KindInt}, IntValue(0)
}

func (p *program) intInit(v *Var, path string) Value {
	if v.Min != nil && v.Max != nil && *v.Min > *v.Max {
		p.errorf(path+".min", "min %d is above max %d", *v.Min, *v.Max)
	}
	var n int64
	switch x := v.Init.(type) {
	case nil:
	case int64:
		n = x
	case int:
		n = int64(x)
	default:
		p.errorf(path+".init", "init of int %q must be an integer", v.Name)
	}
	if lo, hi := v.bounds(); v.InitExpr == "" && (n < lo || n > hi) {
		p.errorf(path+".init", "init %d is out of range [%s, %s]", n, bound(v.Min), bound(v.Max))
	}
	return IntValue(n)
}

func bound(b *int64) string {
	if b == nil {
		return "-"
	}
	return strconv.FormatInt(*b, 10)
}

func (p *program) enumInit(v *Var, path string) (typ, Value) {
	t := typ{k: KindStr, dom: v.Values}
	if len(v.Values) == 0 {
		p.errorf(path+".values", "enum %q needs values", v.Name)
		return t, StrValue("")
	}
	if v.Init == nil {
		return t, StrValue(v.Values[0])
	}
	s, ok := v.Init.(string)
	if !ok || indexOf(v.Values, s) < 0 {
		p.errorf(path+".init", "init of enum %q must be one of %v", v.Name, v.Values)
	}
	return t, StrValue(s)
}

func (p *program) setInit(v *Var, path string) (typ, Value) {
	t := typ{k: KindSet, dom: v.Values}
	if len(v.Values) == 0 || len(v.Values) > maxSetValues {
		p.errorf(path+".values", "set %q needs 1 to %d values", v.Name, maxSetValues)
		return t, setValue(0, v.Values)
	}
	var mask int64
	list, ok := v.Init.([]string)
	if v.Init != nil && !ok {
		p.errorf(path+".init", "init of set %q must be a list of its values", v.Name)
	}
	for _, m := range list {
		i := indexOf(v.Values, m)
		if i < 0 {
			p.errorf(path+".init", "%q is not a value of set %q", m, v.Name)
			continue
		}
		mask |= 1 << i
	}
	return t, setValue(mask, v.Values)
}

// compileInits compiles init_expr after everything else is known.
func (p *program) compileInits() {
	p.initFns = make([]evalFn, len(p.s.Vars))
	for i, v := range p.s.Vars {
		if v.InitExpr == "" {
			continue
		}
		f, t, err := p.compileExpr(v.InitExpr, KindInvalid)
		switch {
		case err != nil:
			p.errorf("vars."+v.Name+".init_expr", "%v", err)
		case t.k != p.varTypes[i].k:
			p.errorf("vars."+v.Name+".init_expr", "init_expr is %s, variable %q is %s", t, v.Name, p.varTypes[i])
		default:
			p.initFns[i] = f
		}
	}
}

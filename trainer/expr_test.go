package trainer

import (
	"strings"
	"testing"
)

func TestExprEval(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.optsV(ModeGuided, "with_context"))
	tests := []struct {
		name, src, want string
	}{
		{"int literal", "42", "42"},
		{"precedence", "1 + 2 * 3", "7"},
		{"parens", "(1 + 2) * 3", "9"},
		{"unary minus", "-mood - 1", "-1"},
		{"division", "7 / 2", "3"},
		{"modulo", "7 % 3", "1"},
		{"float", "0.5 + 1", "1.5"},
		{"comparison", "patience >= 3", "true"},
		{"and or not", "!(mood > 0) && (false || true)", "true"},
		{"string equality", "'a' == \"a\"", "true"},
		{"enum", "tier == 'basic'", "true"},
		{"enum not equal", "tier != 'gold'", "true"},
		{"set membership", "'x' in seen", "false"},
		{"set count", "count(seen)", "0"},
		{"const", "limit * 2", "8"},
		{"clamp", "clamp(12 - turn, 0, 4)", "4"},
		{"min max", "min(3, 1, 2) + max(3, 9)", "10"},
		{"if", "if(handoff.context, 2, 0)", "2"},
		{"variant", "handoff.variant == 'with_context'", "true"},
		{"mode", "mode == 'guided'", "true"},
		{"turn", "turn", "0"},
		{"elapsed", "elapsed_s", "0"},
		{"visits", "visits('a')", "1"},
		{"turns_since", "turns_since('b')", "-1"},
		{"said", "said('@apology')", "false"},
		{"matched", "matched('sorry')", "false"},
		{"fired", "fired('verify-first')", "false"},
		{"score", "score('empathy')", "0"},
		{"rand in range", "rand(3, 3)", "3"},
		{"chance 1", "chance(1)", "true"},
		{"chance 0", "chance(0)", "false"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := s.p.compileExpr(tc.src, KindInvalid)
			if err != nil {
				t.Fatalf("compile %q: %v", tc.src, err)
			}
			if got := f(s).String(); got != tc.want {
				t.Errorf("eval %q = %s, want %s", tc.src, got, tc.want)
			}
		})
	}
}

func TestExprErrors(t *testing.T) {
	p := compile(testScript())
	tests := []struct {
		name, src, want string
	}{
		{"unknown variable", "moood > 1", `unknown variable "moood" (did you mean "mood"?)`},
		{"unknown function", "clmp(1, 2, 3)", `unknown function "clmp" (did you mean "clamp"?)`},
		{"int plus bool", "mood + true", "+ needs numbers, got int and bool"},
		{"and on ints", "mood && 1", "&& needs bools"},
		{"compare str to int", "tier == 1", "cannot compare enum == int"},
		{"enum literal", "tier == 'platinum'", `"platinum" is not one of [basic gold]`},
		{"set literal", "'z' in seen", `"z" is not one of [x y]`},
		{"not on int", "!mood", "! needs a bool"},
		{"unterminated", "'abc", "unterminated string"},
		{"trailing", "1 2", `unexpected "2"`},
		{"bad char", "mood $ 1", "unexpected '$'"},
		{"empty", "", "unexpected end of expression"},
		{"clamp arity", "clamp(1, 2)", "clamp takes 3 argument(s), got 2"},
		{"said needs literal", "said(tier)", "said takes a string literal"},
		{"unknown reply", "matched('nope')", `unknown reply "nope"`},
		{"unknown node", "visits('zz')", `unknown node "zz"`},
		{"unknown lexicon", "said('@sorry')", "unknown lexicon entry @sorry"},
		{"emit outside do", "emit('x')", "emit is a statement"},
		{"if sides differ", "if(true, 1, 'a')", "the two sides of if differ"},
		{"assignment in expression", "mood = 1", `unexpected "="`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := p.compileExpr(tc.src, KindInvalid)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("compileExpr(%q) error = %v, want it to contain %q", tc.src, err, tc.want)
			}
		})
	}
}

func TestStmt(t *testing.T) {
	tests := []struct {
		name, src, varName, want string
	}{
		{"add clamps at max", "mood += 9", "mood", "5"},
		{"subtract clamps at min", "mood -= 9", "mood", "-5"},
		{"assign", "patience = 7", "patience", "7"},
		{"assign clamps", "patience = -3", "patience", "0"},
		{"enum assign", "tier = 'gold'", "tier", "gold"},
		{"set add", `seen += "y"`, "seen", "{y}"},
		{"set remove", `seen -= "x"`, "seen", "{}"},
		{"bool assign", "lucky = !lucky || true", "lucky", "true"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := mustStart(t, testScript(), c.opts(ModeGuided))
			f, err := s.p.compileStmt(tc.src)
			if err != nil {
				t.Fatalf("compileStmt(%q): %v", tc.src, err)
			}
			f(s)
			for _, v := range s.Vars() {
				if v.Name == tc.varName && v.Value != tc.want {
					t.Errorf("after %q, %s = %s, want %s", tc.src, tc.varName, v.Value, tc.want)
				}
			}
		})
	}
}

func TestStmtErrors(t *testing.T) {
	p := compile(testScript())
	tests := []struct {
		name, src, want string
	}{
		{"assign to const", "limit = 3", `cannot assign to "limit"`},
		{"assign to turn", "turn += 1", `cannot assign to "turn"`},
		{"unknown variable", "moood += 1", `unknown variable "moood"`},
		{"bool to int", "mood = true", `cannot assign bool to int "mood"`},
		{"float to int", "mood += 0.5", `cannot assign float to int "mood"`},
		{"plus-equals on bool", "lucky += 1", "+= works on int and set variables"},
		{"bad enum value", "tier = 'silver'", `"silver" is not one of`},
		{"set assign", `seen = "x"`, "takes `+= \"name\"`"},
		{"bare expression", "mood + 1", "a statement must be an assignment"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := p.compileStmt(tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("compileStmt(%q) error = %v, want it to contain %q", tc.src, err, tc.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"punctuation", "Sorry!! That's... frustrating?", "sorry that's frustrating"},
		{"curly apostrophe", "I’ll cancel", "i'll cancel"},
		{"hyphen in word", "a pre-order, please", "a pre-order please"},
		{"lone hyphen", "yes - cancel", "yes cancel"},
		{"spaces", "  lots   of\tspace ", "lots of space"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

package trainer

import (
	"testing"
	"time"
)

func i64(n int64) *int64 { return &n }

func say(text ...string) []Line { return []Line{{Text: text}} }

// testScript is a small script exercising every feature the session tests need.
func testScript() *Script {
	return &Script{ID: "t", Title: "Test", Version: 1, Start: "a", TimeLimitS: 300, Seed: 1,
		Vars: []Var{
			{Name: "mood", Type: "int", Init: int64(0), Min: i64(-5), Max: i64(5)},
			{Name: "patience", Type: "int", Init: int64(3), Min: i64(0), Max: i64(10)},
			{Name: "tier", Type: "enum", Values: []string{"basic", "gold"}},
			{Name: "seen", Type: "set", Values: []string{"x", "y"}},
			{Name: "lucky", Type: "bool", InitExpr: "chance(0.5)"},
		},
		Consts:  []Const{{Name: "limit", Value: int64(4)}},
		Lexicon: []LexEntry{{Name: "apology", Patterns: []string{"sorry"}}, {Name: "verify", Patterns: []string{"email", "verify"}}},
		Rubric: Rubric{PassPct: 60, Bands: []Band{{"gold", 90}, {"silver", 70}},
			Dims: []Dim{{ID: "empathy", Weight: 1, Max: 2}, {ID: "compliance", Weight: 1, Max: 2}}},
		Rules: []Rule{
			{ID: "verify-first", Require: "@verify", BeforeTag: "change", Dim: "compliance", Penalty: 2, Critical: true},
			{ID: "no-whatever", Forbid: "whatever", Dim: "empathy", Penalty: 1},
		},
		Triggers: []Trigger{{ID: "hangup", When: "patience <= 0", Effect: Effect{Goto: "hangup"}}},
		Ticks:    []Tick{{EveryS: 30, Effect: Effect{Do: []string{"patience -= 1"}}}},
		Injects:  []Inject{{ID: "angry", Label: "Angry", Effect: Effect{Do: []string{"mood -= 3"}, Lines: say("Grr")}}},
		Handoff:  &Handoff{Variants: []Variant{{Name: "with_context", Weight: 1, Context: true}, {Name: "no_context", Weight: 1}}},
		Nodes: []*Node{
			{ID: "a", Enter: Effect{Lines: say("Hi")}, TimeoutS: 20,
				OnTimeout: &Effect{Do: []string{"patience -= 1"}, Lines: say("Hello?")},
				Replies: []*Reply{
					{ID: "sorry", Label: "Say sorry", Match: Match{Any: []string{"@apology"}}, Examples: []string{"so sorry"}, Once: true,
						Effect: Effect{Do: []string{"mood += 7", `seen += "x"`}, Score: map[string]int{"empathy": 2}}},
					{ID: "verify", Label: "Verify", Match: Match{Any: []string{"@verify"}}, Examples: []string{"what's your email"},
						Effect: Effect{Score: map[string]int{"compliance": 2}, Goto: "b"}},
					{ID: "skip", Label: "Skip", Match: Match{Any: []string{"skip|whatever"}}, Examples: []string{"skip it"}, Effect: Effect{Goto: "b"}},
				},
				Fallback: &Effect{Do: []string{"patience -= 1"}, Lines: say("What?")}},
			{ID: "b", Tags: []string{"change"}, Enter: Effect{Lines: say("OK")},
				Branch: []Branch{{When: "mood >= 5", Goto: "happy"}, {Goto: "meh"}}},
			{ID: "happy", End: "happy", Enter: Effect{Lines: say("Thanks!")}},
			{ID: "meh", End: "meh"},
			{ID: "hangup", End: "hung_up", Enter: Effect{Lines: say("Bye.")}},
		},
	}
}

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time                 { return c.t }
func (c *clock) add(d time.Duration)            { c.t = c.t.Add(d) }
func newClock() *clock                          { return &clock{t: time.Date(2025, 1, 1, 10, 0, 0, 0, time.UTC)} }
func (c *clock) opts(m Mode) Options            { return Options{Mode: m, Now: c.now} }
func (c *clock) optsV(m Mode, v string) Options { return Options{Mode: m, Variant: v, Now: c.now} }

// mustStart starts a session of sc or fails the test.
func mustStart(tb testing.TB, sc *Script, opt Options) *Session {
	tb.Helper()
	s, err := Start(sc, opt)
	if err != nil {
		tb.Fatalf("Start: %v", err)
	}
	return s
}

func varInt(s *Session, name string) int64 {
	for _, v := range s.Vars() {
		if v.Name == name {
			return v.Int
		}
	}
	return -999
}

func lastCustomer(s *Session) string {
	tr := s.Transcript()
	for i := len(tr) - 1; i >= 0; i-- {
		if tr[i].Speaker == "customer" {
			return tr[i].Text
		}
	}
	return ""
}

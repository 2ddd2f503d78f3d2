package trainer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/i18n"
)

// TestDebriefAdvice checks the "better would have been" of each dimension
// that lost points, the lines not understood and the ending's note.
func TestDebriefAdvice(t *testing.T) {
	tests := []struct {
		name    string
		mode    Mode
		play    func(*Session) error
		better  []Advice
		unheard []Unheard
		text    []string
	}{
		{"skipping loses both dimensions", ModeGuided, func(s *Session) error { return s.Reply("skip") },
			[]Advice{
				{Dim: "empathy", Lost: 2, Turn: 1, Node: "a", Said: "skip it", Reply: "sorry", Button: "Say sorry", Example: "so sorry"},
				{Dim: "compliance", Lost: 2, Turn: 1, Node: "a", Said: "skip it", Reply: "verify", Button: "Verify", Example: "what's your email"},
			}, []Unheard{},
			[]string{"Better would have been:", `empathy (-2), turn 1, a: Say sorry, e.g. "so sorry"`, "The call fizzled out."}},
		{"one good reply leaves one dimension short", ModeGuided, func(s *Session) error { return s.Reply("verify") },
			[]Advice{{Dim: "empathy", Lost: 2, Turn: 1, Node: "a", Said: "what's your email", Reply: "sorry", Button: "Say sorry", Example: "so sorry"}},
			[]Unheard{}, []string{"Better would have been:\n  empathy (-2), turn 1, a: Say sorry, e.g. \"so sorry\"\n\nRules"}},
		{"a line not understood is marked", ModeFree, func(s *Session) error {
			if err := s.Say("the weather is lovely today"); err != nil {
				return err
			}
			return s.Say("what's your email")
		}, []Advice{{Dim: "empathy", Lost: 2, Turn: 1, Node: "a", Said: "the weather is lovely today", Reply: "sorry", Button: "Say sorry", Example: "so sorry"}},
			[]Unheard{{Turn: 1, Node: "a", Text: "the weather is lovely today"}},
			[]string{"Not understood", `turn 1, a: "the weather is lovely today"`, "the weather is lovely today  (not understood)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := testScript()
			sc.Nodes[3].Debrief = "The call fizzled out."
			c := newClock()
			s := mustStart(t, sc, Options{Mode: tc.mode, Variant: "no_context", Now: c.now})
			c.add(5 * time.Second)
			if err := tc.play(s); err != nil {
				t.Fatal(err)
			}
			d := s.Debrief()
			if !reflect.DeepEqual(d.Better, tc.better) {
				t.Errorf("Better = %+v,\nwant %+v", d.Better, tc.better)
			}
			if !reflect.DeepEqual(d.Unheard, tc.unheard) {
				t.Errorf("Unheard = %+v, want %+v", d.Unheard, tc.unheard)
			}
			text := d.Text()
			for _, w := range tc.text {
				if !strings.Contains(text, w) {
					t.Errorf("Text() lacks %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestDebriefAdviceWhereItStopped checks the advice for points lost by
// stopping early: the best reply at the node where the call stopped.
func TestDebriefAdviceWhereItStopped(t *testing.T) {
	sc := testScript()
	sc.Nodes[0].Replies[0].Score = nil
	sc.Nodes[0].Replies[1].Goto = "c"
	sc.Nodes[1].Branch[1].Goto = "c"
	sc.Nodes = append(sc.Nodes, &Node{ID: "c", Enter: Effect{Lines: say("Hm.")}, Fallback: &Effect{Lines: say("?")},
		Replies: []*Reply{{ID: "comfort", Label: "Comfort", Examples: []string{"that must be hard"}, Match: Match{Any: []string{"hard"}},
			Effect: Effect{Score: map[string]int{"empathy": 2}, Goto: "meh"}}}})
	c := newClock()
	s := mustStart(t, sc, Options{Variant: "no_context", Now: c.now})
	if err := s.Reply("verify"); err != nil {
		t.Fatal(err)
	}
	s.Quit()
	want := []Advice{{Dim: "empathy", Lost: 2, Node: "c", Reply: "comfort", Button: "Comfort", Example: "that must be hard", Why: "the call stopped here"}}
	d := s.Debrief()
	if !reflect.DeepEqual(d.Better, want) {
		t.Errorf("Better = %+v,\nwant %+v", d.Better, want)
	}
	if text, w := d.Text(), `empathy (-2), at c (the call stopped here): Comfort, e.g. "that must be hard"`; !strings.Contains(text, w) {
		t.Errorf("Text() lacks %q:\n%s", w, text)
	}
}

// TestDebriefTextEvidence checks that the text debrief quotes what the
// trainee said for a fired rule, and says when a required thing was never said.
func TestDebriefTextEvidence(t *testing.T) {
	d := Debrief{Rules: []RuleHit{
		{ID: "verify-first", Critical: true, Debrief: "Verify first.", Evidence: "no need to verify you"},
		{ID: "close-politely", Debrief: "Say goodbye.", Evidence: "(not said by the end)"},
	}}
	var b strings.Builder
	d.rulesText(&b, messages.Printer(i18n.English))
	for _, want := range []string{"you said: “no need to verify you”", "evidence: (not said by the end)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("rules text lacks %q:\n%s", want, b.String())
		}
	}
}

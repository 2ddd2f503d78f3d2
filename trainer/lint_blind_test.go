package trainer

import (
	"strings"
	"testing"
)

// TestLintBlindSpots checks each new lint check on a small edit of the test
// script: the finding, its severity and its key path.
func TestLintBlindSpots(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Script)
		path string
		sev  Severity
		want string
	}{
		{"unknown name in a line", func(s *Script) { s.Nodes[0].Enter.Lines = say("Hi, your total is {totl}.") },
			"node.a.lines.0.text", SevError, "unknown name {totl}"},
		{"misspelt variable in a line", func(s *Script) { s.Nodes[0].Fallback.Lines = say("Mood {mod}") },
			"node.a.fallback.lines.0.text", SevError, "did you mean {mood}?"},
		{"slash in a reply pattern", func(s *Script) { s.Nodes[0].Replies[2].Match.Any = []string{"open 24/7"} },
			"node.a.reply.2.match.any.0", SevError, "normalisation removes '/'"},
		{"punctuation class in a require rule", func(s *Script) { s.Rules[0].Require = "[;:&]" },
			"rule.0.require", SevError, "can never match"},
		{"ASCII \\b before a non-ASCII letter", func(s *Script) { s.Nodes[0].Replies[2].Match.Any = []string{`\bøl\b`} },
			"node.a.reply.2.match.any.0", SevError, `\b next to a non-ASCII letter`},
		{"dead alternative is a warning", func(s *Script) { s.Nodes[0].Replies[2].Match.Any = []string{"skip|whatever/ever"} },
			"node.a.reply.2.match.any.0", SevWarning, "part of pattern"},
		{"forbid that can never fire", func(s *Script) { s.Rules[1].Forbid = "whatever/ever" },
			"rule.1.forbid", SevWarning, "can never match"},
		{"critical forbid that can never fire", func(s *Script) { s.Rules[1].Forbid, s.Rules[1].Critical = "whatever/ever", true },
			"rule.1.forbid", SevError, "critical rule \"no-whatever\" can never fire"},
		{"critical rule with an impossible condition", func(s *Script) { s.Rules[0].When = "patience > 10" },
			"rule.0.when", SevError, "critical rule \"verify-first\" can never fire"},
		{"critical rule with an unknown tag", func(s *Script) { s.Rules[0].BeforeTag = "nowhere" },
			"rule.0.before_tag", SevError, "no node has tag"},
		{"condition below the minimum", func(s *Script) { s.Triggers[0].When = "patience < 0" },
			"trigger.0.when", SevError, "patience is between 0 and 10"},
		{"condition above the maximum", func(s *Script) { s.Nodes[0].Replies[0].When = "mood > 5" },
			"node.a.reply.0.when", SevError, "can never hold"},
		{"conjunction that cannot hold", func(s *Script) { s.Nodes[1].Branch[0].When = "mood >= 3 && mood < 2" },
			"node.b.branch.0.when", SevError, "can never hold"},
		{"negative turn", func(s *Script) { s.Ticks[0].When = "turn < 0" },
			"tick.0.when", SevError, "turn is never negative"},
		{"constant out of reach", func(s *Script) { s.Triggers[0].When = "patience + limit > 14" },
			"trigger.0.when", SevError, "can never hold"},
		{"unused lexicon entry", func(s *Script) { s.Lexicon = append(s.Lexicon, LexEntry{Name: "spare", Patterns: []string{"x"}}) },
			"lexicon.spare", SevWarning, "never used"},
		{"ending without a note", nil, "node.happy", SevWarning, `ending "happy" has no debrief note`},
		{"triggers firing each other", func(s *Script) {
			s.Triggers = append(s.Triggers,
				Trigger{ID: "up", When: "mood < 0", Effect: Effect{Do: []string{"patience += 1"}}},
				Trigger{ID: "down", When: "patience > 5", Effect: Effect{Do: []string{"mood -= 1"}}})
		}, "trigger.1", SevWarning, `"up", "down" can keep firing each other`},
		{"trigger and tick see-saw", func(s *Script) {
			s.Triggers = append(s.Triggers, Trigger{ID: "calm", When: "patience < 2", Effect: Effect{Do: []string{"patience += 3"}}})
		}, "trigger.1", SevWarning, `trigger "calm" and tick 0 push patience back and forth`},
		{"longest label is always best", func(s *Script) {
			s.Nodes[1].Branch[1].Goto = "c"
			s.Nodes = append(s.Nodes, longNodes()...)
		}, "node.c", SevWarning, "longest label at 3 of 3 decision points (c, d, e)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := testScript()
			if tc.edit != nil {
				tc.edit(sc)
			}
			var found []string
			for _, f := range Lint(sc) {
				if f.Path == tc.path && f.Severity == tc.sev && strings.Contains(f.Msg, tc.want) {
					return
				}
				found = append(found, f.String())
			}
			t.Errorf("Lint() lacks %s at %s containing %q; got:\n%s", tc.sev, tc.path, tc.want, strings.Join(found, "\n"))
		})
	}
}

// longNodes are three decision points whose best reply has the longest label.
func longNodes() []*Node {
	mk := func(id, next string) *Node {
		return &Node{ID: id, Enter: Effect{Lines: say("Well?")}, Fallback: &Effect{Lines: say("Hm?")}, Replies: []*Reply{
			{ID: id + "_good", Label: "Explain the options and check what suits them", Match: Match{Any: []string{"option"}},
				Examples: []string{"here are your options"}, Effect: Effect{Score: map[string]int{"empathy": 1}, Goto: next}},
			{ID: id + "_bad", Label: "Hurry up", Match: Match{Any: []string{"hurry"}}, Examples: []string{"hurry"},
				Effect: Effect{Goto: next}},
		}}
	}
	return []*Node{mk("c", "d"), mk("d", "e"), mk("e", "meh")}
}

// TestLintCleanScriptStaysClean checks that the test script raises none of the new errors.
func TestLintCleanScriptStaysClean(t *testing.T) {
	for _, f := range Lint(testScript()).Errors() {
		t.Errorf("Lint(testScript()) error: %s", f)
	}
}

// TestLintQuietCases checks edits the new checks must not warn about.
func TestLintQuietCases(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Script)
		quiet string // no finding may contain this
	}{
		{"a once trigger does not see-saw", func(s *Script) {
			s.Triggers = append(s.Triggers, Trigger{ID: "calm", When: "patience < 2", Once: true, Effect: Effect{Do: []string{"patience += 3"}}})
		}, "back and forth"},
		{"a trigger that only moves on does not see-saw", nil, "back and forth"},
		{"a reachable bound holds", func(s *Script) { s.Triggers[0].When = "patience <= 0 || mood >= 5" }, "can never hold"},
		{"known names in a line", func(s *Script) { s.Nodes[0].Enter.Lines = say("Limit {limit}, mood {mood}.") }, "unknown name"},
		{"apostrophes and hyphens survive normalisation", func(s *Script) {
			s.Nodes[0].Replies[2].Match.Any = []string{"i'll skip|pre-order"}
		}, "can never match"},
		{"umlauts are folded before \\b", func(s *Script) { s.Nodes[0].Replies[2].Match.Any = []string{`\bfür\b|skip`} }, "can never match"},
		{"currency symbols are kept", func(s *Script) { s.Nodes[0].Replies[2].Match.Any = []string{`5 €|skip`} }, "can never match"},
		{"decimal points between digits survive", func(s *Script) { s.Nodes[0].Replies[2].Match.Any = []string{`14\.99|skip`} }, "can never match"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := testScript()
			if tc.edit != nil {
				tc.edit(sc)
			}
			for _, f := range Lint(sc) {
				if strings.Contains(f.Msg, tc.quiet) {
					t.Errorf("Lint() = %s, want no finding about %q", f, tc.quiet)
				}
			}
		})
	}
}

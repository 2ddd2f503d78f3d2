package trainer

import (
	"strings"
	"testing"
)

// TestScriptErrorNeverPasses checks that a session with a script error never
// passes, however well it scored, and that the debrief says why.
func TestScriptErrorNeverPasses(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Script)
		outcome string
		want    string
	}{
		{"goto loop", func(s *Script) {
			s.Nodes[1].Branch = nil
			s.Nodes[1].Next = "loop"
			s.Nodes = append(s.Nodes, &Node{ID: "loop", Next: "b"})
		}, "error", "the session ended in a script error: turn 1 at node "},
		{"division by zero", func(s *Script) {
			s.Nodes[0].Replies[1].Do = []string{"mood = mood / (patience - 3)"}
		}, "happy", "the script had an error during the session: turn 1 at node a: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := testScript()
			sc.Rubric.PassPct = 0
			sc.Nodes[1].Enter.Do = []string{"mood = 5"}
			tc.edit(sc)
			c := newClock()
			s := mustStart(t, sc, c.opts(ModeGuided))
			if err := s.Reply("verify"); err != nil {
				t.Fatal(err)
			}
			d := s.Debrief()
			if d.Outcome != tc.outcome {
				t.Errorf("Outcome = %q, want %q", d.Outcome, tc.outcome)
			}
			if d.Score.Pass || !strings.Contains(d.Score.Void, tc.want) {
				t.Errorf("Score.Pass = %v, Void = %q; want false and %q", d.Score.Pass, d.Score.Void, tc.want)
			}
			if text := d.Text(); !strings.Contains(text, "FAIL") || !strings.Contains(text, "Not passed: "+tc.want) {
				t.Errorf("Text() lacks FAIL and the reason:\n%s", text)
			}
		})
	}
}

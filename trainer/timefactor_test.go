package trainer

import (
	"testing"
	"time"
)

// TestElapsedInScriptSeconds checks that elapsed_s counts the script's own
// seconds: in free mode, active time divided by the time factor.
func TestElapsedInScriptSeconds(t *testing.T) {
	tests := []struct {
		name string
		mode Mode
		wait time.Duration
		want bool // elapsed_s >= 20 after wait
	}{
		{"guided at 20 s", ModeGuided, 20 * time.Second, true},
		{"free at 20 s", ModeFree, 20 * time.Second, false},
		{"free at 49 s", ModeFree, 49 * time.Second, false},
		{"free at 50 s", ModeFree, 50 * time.Second, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := testScript()
			sc.Nodes[0].TimeoutS, sc.Nodes[0].OnTimeout, sc.Ticks = 0, nil, nil
			sc.Triggers = append(sc.Triggers, Trigger{ID: "late", When: "elapsed_s >= 20", Once: true,
				Effect: Effect{Do: []string{"mood -= 1"}}})
			c := newClock()
			s := mustStart(t, sc, c.opts(tc.mode))
			c.add(tc.wait)
			if err := s.Inject("angry"); err != nil {
				t.Fatal(err)
			}
			if got := varInt(s, "mood") == -4; got != tc.want {
				t.Errorf("trigger fired = %v (mood %d), want %v", got, varInt(s, "mood"), tc.want)
			}
		})
	}
}

package scenarios

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// playPlan plays a [[test]] plan's inputs in free mode, turn apart: its
// chosen reply ids through Reply, its typed replies through Say.
func playPlan(tb testing.TB, sc *trainer.Script, plan trainer.TestPlan, turn time.Duration) *trainer.Session {
	tb.Helper()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Seed: plan.Seed, Variant: plan.Variant,
		Set: plan.Set, Now: func() time.Time { return now }})
	if err != nil {
		tb.Fatalf("Start: %v", err)
	}
	for _, id := range plan.Choose {
		now = now.Add(turn)
		if err := s.Reply(id); err != nil {
			tb.Logf("plan %q: Reply(%q) at %s: %v", plan.Name, id, s.Node(), err)
			break
		}
	}
	for _, text := range plan.Replies {
		now = now.Add(turn)
		if err := s.Say(text); err != nil {
			tb.Logf("plan %q: Say(%q) at %s: %v", plan.Name, text, s.Node(), err)
			break
		}
	}
	return s
}

// hangups returns the outcomes of the ends that patience triggers go to.
func hangups(sc *trainer.Script) []string {
	var out []string
	for _, t := range sc.Triggers {
		if !strings.Contains(t.When, "patience") {
			continue
		}
		for _, n := range sc.Nodes {
			if n.ID == t.Goto && n.End != "" {
				out = append(out, n.End)
			}
		}
	}
	return out
}

// TestFreeModeTypingTime plays each bundled script's own model plays (its
// [[test]] plans that expect a pass) in free mode at 45 s per turn, the time
// a typed reply takes, and checks that the customer does not hang up: free
// mode's time factor must leave room for typing.
func TestFreeModeTypingTime(t *testing.T) {
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatal(err)
		}
		if !sc.HasMode(trainer.ModeFree) {
			continue
		}
		bad := hangups(sc)
		models := 0
		for _, plan := range sc.Tests {
			if plan.Runs > 0 || plan.Expect.Pass == nil || !*plan.Expect.Pass {
				continue
			}
			models++
			t.Run(name+"/"+plan.Name, func(t *testing.T) {
				s := playPlan(t, sc, plan, 45*time.Second)
				if slices.Contains(bad, s.Outcome()) || s.Outcome() == "timed_out" {
					t.Errorf("typed at 45 s per turn, the model play ends %q after %s at %s, want no hang-up or time-out",
						s.Outcome(), s.Elapsed(), s.Node())
				}
			})
		}
		if models == 0 {
			t.Errorf("%s: no [[test]] plan expects a pass, so there is no model play to time", name)
		}
	}
}

package scenarios

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ccsim/ccsim/trainer"
)

// strategyEpoch is the start of the strategy and model-play sessions.
var strategyEpoch = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// strategies are blind ways of pressing buttons in guided mode: each picks
// one of the offered choices in the order the session shows them.
var strategies = []struct {
	name string
	pick func([]trainer.Choice) trainer.Choice
}{
	{"longest label", func(ch []trainer.Choice) trainer.Choice {
		best := ch[0]
		for _, c := range ch[1:] {
			if utf8.RuneCountInString(c.Label) > utf8.RuneCountInString(best.Label) {
				best = c
			}
		}
		return best
	}},
	{"shortest label", func(ch []trainer.Choice) trainer.Choice {
		best := ch[0]
		for _, c := range ch[1:] {
			if utf8.RuneCountInString(c.Label) < utf8.RuneCountInString(best.Label) {
				best = c
			}
		}
		return best
	}},
	{"first", func(ch []trainer.Choice) trainer.Choice { return ch[0] }},
	{"last", func(ch []trainer.Choice) trainer.Choice { return ch[len(ch)-1] }},
}

// playStrategy plays one guided session picking with pick, 10 s per turn,
// and reports whether it passed.
func playStrategy(tb testing.TB, sc *trainer.Script, seed uint64, pick func([]trainer.Choice) trainer.Choice) bool {
	tb.Helper()
	now := strategyEpoch
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeGuided, Seed: seed,
		Trainee: fmt.Sprintf("trainee-%d", seed), Now: func() time.Time { return now }})
	if err != nil {
		tb.Fatalf("Start: %v", err)
	}
	for step := 0; step < 60 && !s.Ended(); step++ {
		now = now.Add(10 * time.Second)
		ch := s.Choices()
		if len(ch) == 0 {
			s.Tick()
			continue
		}
		if err := s.Reply(pick(ch).ID); err != nil && err != trainer.ErrEnded {
			tb.Fatalf("seed %d: Reply: %v", seed, err)
		}
	}
	s.Quit()
	return s.Score().Pass
}

// TestGuidedStrategies checks that no blind strategy (always the longest
// label, the shortest, the first or the last button) passes a bundled script
// in half of 100 sessions or more (seeds, trainees and hand-off variants vary).
func TestGuidedStrategies(t *testing.T) {
	const runs = 100
	var table []string
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatal(err)
		}
		if !sc.HasMode(trainer.ModeGuided) {
			continue
		}
		row := []string{name}
		for _, st := range strategies {
			passed := 0
			for seed := uint64(1); seed <= runs; seed++ {
				if playStrategy(t, sc, seed, st.pick) {
					passed++
				}
			}
			row = append(row, fmt.Sprintf("%s %d%%", st.name, passed*100/runs))
			if passed*2 >= runs {
				t.Errorf("%s: the %q strategy passes %d of %d sessions, want fewer than half", name, st.name, passed, runs)
			}
		}
		table = append(table, strings.Join(row, "  "))
	}
	t.Logf("pass rates of blind strategies:\n%s", strings.Join(table, "\n"))
}

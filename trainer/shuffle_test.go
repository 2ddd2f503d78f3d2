package trainer

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func idsOf(ch []Choice) []string {
	var ids []string
	for _, c := range ch {
		ids = append(ids, c.ID)
	}
	return ids
}

// TestChoicesShuffled checks that the order of choices is a permutation of
// the offered replies, the same for the same session and its replay, and
// different across seeds and trainees.
func TestChoicesShuffled(t *testing.T) {
	tests := []struct {
		name    string
		options func(seed uint64, c *clock) Options
	}{
		{"by seed", func(seed uint64, c *clock) Options { return Options{Seed: seed, Now: c.now} }},
		{"by trainee", func(seed uint64, c *clock) Options {
			return Options{Seed: 1, Trainee: string(rune('a' + seed)), Now: c.now}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first := map[string]int{}
			for seed := uint64(1); seed <= 24; seed++ {
				c := newClock()
				s := mustStart(t, testScript(), tc.options(seed, c))
				got := idsOf(s.Choices())
				sorted := slices.Sorted(slices.Values(got))
				if want := []string{"skip", "sorry", "verify"}; !slices.Equal(sorted, want) {
					t.Fatalf("seed %d: Choices() = %v, want a permutation of %v", seed, got, want)
				}
				if again := idsOf(s.Choices()); !slices.Equal(again, got) {
					t.Errorf("seed %d: Choices() changed between calls: %v then %v", seed, got, again)
				}
				twin := mustStart(t, testScript(), tc.options(seed, newClock()))
				if other := idsOf(twin.Choices()); !slices.Equal(other, got) {
					t.Errorf("seed %d: a second session shows %v, want %v", seed, other, got)
				}
				c.add(5 * time.Second)
				if err := s.Reply("sorry"); err != nil {
					t.Fatal(err)
				}
				r, err := Replay(testScript(), s.Events())
				if err != nil {
					t.Fatal(err)
				}
				if g, w := r.Choices(), s.Choices(); !reflect.DeepEqual(g, w) {
					t.Errorf("seed %d: replay shows %v, want %v", seed, g, w)
				}
				first[got[0]]++
			}
			if len(first) != 3 {
				t.Errorf("first choice over 24 sessions: %v, want every reply first at least once", first)
			}
		})
	}
}

package web

import (
	"slices"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
)

// TestAttention: a running seat is flagged for a customer about to hang
// up, a trainee stuck or offline, and a rule broken; others are not.
func TestAttention(t *testing.T) {
	src := []workshop.ScriptSource{{Name: "quick.roleplay.toml", Source: quickScript(t)}}
	scripts, err := workshop.ParseScripts(src)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	rm := workshop.New("ABCDEFGH", nil, workshop.Config{Mode: "guided", Scripts: src}, scripts, func() time.Time { return now })
	j, err := rm.Join(workshop.JoinRequest{Name: "Ann"})
	if err != nil {
		t.Fatal(err)
	}
	s := rm.Seat(j.ID)
	if got := attention(s, &gridRow{Rules: []string{"x"}}, 0); got != nil {
		t.Errorf("attention before the start = %v, want none", got)
	}
	rm.Act(workshop.Action{Action: "start"})
	for _, tc := range []struct {
		name   string
		row    gridRow
		online int
		want   []string
	}{
		{"calm", gridRow{TimeoutLeftMS: 20000, IdleMS: 1000}, 1, nil},
		{"about to hang up", gridRow{TimeoutLeftMS: hangUpLeftMS, IdleMS: 1000}, 1, []string{"hanging up"}},
		{"stuck", gridRow{IdleMS: stuckMS}, 1, []string{"stuck"}},
		{"offline", gridRow{IdleMS: 1000}, 0, []string{"offline"}},
		{"rule broken", gridRow{IdleMS: 1000, Rules: []string{"no-rudeness"}}, 1, []string{"rule broken"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := attention(s, &tc.row, tc.online); !slices.Equal(got, tc.want) {
				t.Errorf("attention = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestAttentionEnded: an ended conversation needs no attention.
func TestAttentionEnded(t *testing.T) {
	src := []workshop.ScriptSource{{Name: "quick.roleplay.toml", Source: quickScript(t)}}
	scripts, _ := workshop.ParseScripts(src)
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	rm := workshop.New("ABCDEFGH", nil, workshop.Config{Mode: "guided", Scripts: src}, scripts, func() time.Time { return now })
	j, _ := rm.Join(workshop.JoinRequest{Name: "Ann"})
	rm.Act(workshop.Action{Action: "start"})
	rm.Act(workshop.Action{Action: "end"})
	if got := attention(rm.Seat(j.ID), &gridRow{IdleMS: stuckMS, Rules: []string{"x"}}, 0); got != nil {
		t.Errorf("attention after the end = %v, want none", got)
	}
}

package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
)

// TestRoomPulseRestored: a room's pulse answers reach the store; after a
// restart the room reads them back, a trainee who reconnects with their
// resume token gets the same respondent key, so that their after pairs
// with their before; removing a trainee deletes their ratings.
func TestRoomPulseRestored(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenarios.BundledRoleplay("failed-bot")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := scenarios.RoleplaySource("failed-bot")
	cfg := workshop.Config{Title: "T", Mode: "guided", Pulse: true, Team: "Blue",
		Scripts: []workshop.ScriptSource{{Name: "failed-bot.roleplay.toml", Source: string(src)}}}
	now := func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }
	rm := workshop.New("ROOM3467", []byte{1}, cfg, []*trainer.Script{sc}, now)
	rm.SaveState()
	answers := make([]int, 12)
	tokens := map[string]string{}
	for i, name := range []string{"Ann", "Bo", "Cy", "Di", "Ed", "Flo"} {
		j, err := rm.Join(workshop.JoinRequest{Name: name, Mode: "guided"})
		if err != nil {
			t.Fatal(err)
		}
		tokens[j.ID] = j.Token
		rm.SetRespondent(rm.Seat(j.ID), j.Token)
		for k := range answers {
			answers[k] = 1 + i%5
		}
		if _, err := rm.Receive(rm.Seat(j.ID), workshop.Message{T: "pulse", N: 1, Phase: "before", Answers: answers}); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(rm *workshop.Room) {
		b, err := rm.TakeBatch()
		if err == nil {
			err = db.Commit(ctx, b)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	commit(rm)
	rm.Act(workshop.Action{Action: "end"})
	commit(rm)

	// A restart: the room is rebuilt from the store.
	recs, err := db.Rooms(ctx)
	if err != nil || len(recs) != 1 {
		t.Fatalf("rooms %v, %v", recs, err)
	}
	back := workshop.New("ROOM3467", []byte{1}, cfg, []*trainer.Script{sc}, now)
	if err := back.Restore(ctx, db, recs[0]); err != nil {
		t.Fatal(err)
	}
	if s := back.PulseSummary("en"); s.Before != 6 {
		t.Fatalf("restored room: %d respondents before, want 6", s.Before)
	}
	for _, s := range back.Seats {
		back.SetRespondent(s, tokens[s.Participant.ID]) // each trainee reconnects
		for k := range answers {
			answers[k] = 5
		}
		if _, err := back.Receive(s, workshop.Message{T: "pulse", N: 2, Phase: "after", Answers: answers}); err != nil {
			t.Fatal(err)
		}
	}
	back.Act(workshop.Action{Action: "remove", Seat: back.Seats[5].Participant.ID})
	commit(back)
	rounds, err := db.PulseHistory(ctx, "Blue")
	if err != nil || len(rounds) != 1 {
		t.Fatalf("history %v, %v", rounds, err)
	}
	in, _ := scenarios.BundledPulse("")
	s := workshop.Summarize(in, rounds[0], "en", 0)
	if s.Before != 5 || s.After != 5 || s.Paired != 5 {
		t.Errorf("stored round: %d before, %d after, %d paired; want 5 each (Flo removed, the rest paired across the restart)", s.Before, s.After, s.Paired)
	}
}

// TestLegacySeatAnswersForgotten: a seat stored with its pulse answers
// (before they were kept anonymously) counts the phase as done and is
// rewritten without them.
func TestLegacySeatAnswersForgotten(t *testing.T) {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	src, _ := scenarios.RoleplaySource("failed-bot")
	sc, _ := scenarios.BundledRoleplay("failed-bot")
	cfg := workshop.Config{Title: "T", Mode: "guided", Pulse: true,
		Scripts: []workshop.ScriptSource{{Name: "failed-bot.roleplay.toml", Source: string(src)}}}
	rm := workshop.New("OLD34679", []byte{1}, cfg, []*trainer.Script{sc}, time.Now)
	b := &workshop.Batch{Rooms: []workshop.RoomRecord{rm.Record()}, Participants: []workshop.Participant{{ID: "p1", Room: "OLD34679", Seat: 1,
		Name: "Ann", TokenHash: []byte{9}, Script: "s", Mode: "guided", Extra: []byte(`{"pulse":{"before":[3,3,3,3,3]}}`)}}}
	if err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	back := workshop.New("OLD34679", []byte{1}, cfg, []*trainer.Script{sc}, time.Now)
	if err := back.Restore(ctx, db, rm.Record()); err != nil {
		t.Fatal(err)
	}
	if need := back.PulseNeed(back.Seats[0]); need != "" {
		t.Errorf("PulseNeed = %q, want the opening pulse done", need)
	}
	nb, _ := back.TakeBatch()
	if len(nb.Participants) != 1 || string(nb.Participants[0].Extra) != `{"pulse_done":{"before":true}}` {
		t.Errorf("rewritten seat %+v, want only the done mark", nb.Participants)
	}
}

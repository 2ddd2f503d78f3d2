package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

// TestPulseRoundTrip: pulse rounds, answers and texts come back as
// written, per team; the pulse tables hold no column that could name a
// person.
func TestPulseRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := &workshop.Batch{
		PulseRounds: []workshop.PulseRound{{ID: "W1", Team: "Blue", Kind: workshop.KindWorkshop, Title: "t", CreatedMS: 2, Instrument: []byte("x")},
			{ID: "S1", Team: "Red", Kind: workshop.KindStandalone, CreatedMS: 1, Instrument: []byte("y")}},
		PulseAnswers: []workshop.PulseAnswer{{Round: "W1", Respondent: "k1", Phase: "before", Answers: map[string]int{"a": 4}},
			{Round: "W1", Respondent: "k1", Phase: "after", Answers: map[string]int{"a": 5}}},
		PulseTexts: []workshop.PulseText{{Round: "W1", Phase: "after", Text: "more time"}},
	}
	if err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	// A second answer of the same respondent and phase is refused.
	if err := db.Commit(ctx, &workshop.Batch{PulseAnswers: b.PulseAnswers[:1]}); err == nil {
		t.Error("a repeated answer was stored")
	}
	all, err := workshop.LoadRounds(ctx, db, "")
	if err != nil || len(all) != 2 || all[0].Round.ID != "S1" {
		t.Fatalf("LoadRounds(all) = %+v, %v; want S1 then W1", all, err)
	}
	blue, err := db.PulseHistory(ctx, "Blue")
	if err != nil || len(blue) != 1 {
		t.Fatalf("PulseHistory(Blue) = %+v, %v", blue, err)
	}
	w := blue[0]
	if len(w.Answers) != 2 || w.Answers[1].Answers["a"] != 4 || w.Answers[0].Phase != "after" || len(w.Texts) != 1 || w.Texts[0].Text != "more time" || string(w.Round.Instrument) != "x" {
		t.Errorf("round W1 = %+v", w)
	}
	for _, table := range []string{"pulse_rounds", "pulse_answers", "pulse_texts"} {
		rows, err := db.db.Query(`SELECT name FROM pragma_table_info(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var col string
			rows.Scan(&col)
			switch col {
			case "name", "seat", "trainee", "pid", "participant", "token_hash", "at_ms":
				t.Errorf("%s has the column %s", table, col)
			}
		}
		rows.Close()
	}
}

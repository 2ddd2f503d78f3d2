package reports

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

// TestWriteDebriefCSV checks the room debrief's CSV: a row per trainee with
// as many cells as the header, names that a spreadsheet would read as
// formulas quoted, and no pulse column (pulse answers are anonymous).
func TestWriteDebriefCSV(t *testing.T) {
	d := workshop.Debrief{Dims: []string{"empathy"}, Trainees: []workshop.TraineeDebrief{
		{Seat: 1, Name: "=cmd()", Script: "Quick", Mode: "guided"},
		{Seat: 2, Name: "Ann", Script: "Quick", Mode: "free"},
	}}
	var buf bytes.Buffer
	if err := WriteDebriefCSV(&buf, d); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want a header and 2 trainees", len(rows))
	}
	if got, want := rows[1][1], "'=cmd()"; got != want {
		t.Errorf("name cell = %q, want %q (no formula)", got, want)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for h := range col {
		if strings.Contains(h, "pulse") {
			t.Errorf("the debrief CSV has the per-trainee column %q", h)
		}
	}
	var html bytes.Buffer
	if err := WriteDebriefHTML(&html, d); err != nil || !strings.Contains(html.String(), "Ann") {
		t.Errorf("WriteDebriefHTML: %v; want a page naming every trainee", err)
	}
}

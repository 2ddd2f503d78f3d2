package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPulseGerman: five trainees play the German meter-reading role-play
// with --pulse (the script's language, German, is the default of --lang):
// the statements, the hints and the threshold note are German; then ccsim
// pulse teams, show and chart with --lang de print and draw German, numbers
// with a decimal comma and a semicolon between an interval's bounds, and
// no English fixed text.
func TestPulseGerman(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	var out string
	for i := range 5 {
		in := strings.Repeat("3\n", 12) + "Mehr Übung\n/quit\n" + strings.Repeat("4\n", 12) + "\n"
		var o, errb bytes.Buffer
		err := run(context.Background(), []string{"train", "zaehlerstand", "--seed", "1", "--pulse", "--db", db, "--team", "Rot", "--round", "R1"},
			strings.NewReader(in), &o, &errb)
		if err != nil {
			t.Fatalf("train --pulse #%d: %v\n%s", i, err, errb.String())
		}
		if i == 0 {
			out = o.String()
		}
		if i == 4 {
			out += o.String()
		}
	}
	for _, want := range []string{"Bevor es losgeht: Wie weit stimmen Sie zu? (1 = Stimme überhaupt nicht zu … 5 = Stimme voll und ganz zu; Enter überspringt)",
		"  1/12 Der Bot nimmt mir Routinearbeit ab.", "Jetzt, am Ende: Wie weit stimmen Sie zu?", "Danke. Ihre Antworten werden ohne Ihren Namen gespeichert.",
		"Ergebnisse der Runde R1 erscheinen, sobald mindestens 5 Personen geantwortet haben.", "Runde R1 bisher:", "  Antwortende: 5 vorher, 5 nachher, 5 mit beidem",
		"  Vertrauen in KI  vorher 50 [50; 50]", "Mehr Übung"} {
		if !strings.Contains(out, want) {
			t.Errorf("train --pulse in German lacks %q:\n%s", want, out)
		}
	}
	show, _, code := ccsim(t, "pulse", "show", "--db", db, "--team", "Rot", "--lang", "de")
	teams, _, _ := ccsim(t, "pulse", "teams", "--db", db, "--lang", "de")
	if code != 0 || !strings.Contains(show, "Puls des Teams Rot: 1 Runden. Indizes 0–100; Zahlen brauchen mindestens 5 Antwortende.") ||
		!strings.Contains(show, "Terminal") || !strings.Contains(show, "Veränderung +8,3 [+8,3; +8,3]") ||
		!strings.Contains(show, "Trend des Vorher-Index: Angst braucht zwei Runden") || teams != "Rot\t1 Runden\n" {
		t.Errorf("pulse show --lang de exited %d:\n%s\npulse teams --lang de:\n%s", code, show, teams)
	}
	for _, english := range []string{"before", "after", "change", "respondents", "Trend of", "rounds", "Pulse", "terminal", "fewer", "help"} {
		if regexp.MustCompile(`\b` + english + `\b`).MatchString(show + out) {
			t.Errorf("German pulse output shows %q:\n%s\n%s", english, out, show)
		}
	}
	svg := filepath.Join(t.TempDir(), "c.svg")
	if _, errs, code := ccsim(t, "pulse", "chart", "--db", db, "--team", "Rot", "--lang", "de", "--out", svg); code != 0 {
		t.Fatalf("pulse chart --lang de exited %d: %s", code, errs)
	}
	if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte("Puls des Teams Rot")) || !bytes.Contains(b, []byte("nachher")) || bytes.Contains(b, []byte("per round")) {
		t.Errorf("pulse chart --lang de: %v, not German", err)
	}
}

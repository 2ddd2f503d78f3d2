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

// TestPulseUsageGerman checks the usage errors of ccsim pulse with --lang de
// and the round conflict of train --pulse on a German script: German
// sentences, exit 2, the flags and values as typed.
func TestPulseUsageGerman(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	in := strings.Repeat("\n", 13) + "/quit\n" + strings.Repeat("\n", 13)
	if _, errOut, code := ccsimIn(t, in, "train", "zaehlerstand", "--seed", "1", "--pulse", "--db", db, "--team", "Rot", "--round", "R1"); code != 0 {
		t.Fatalf("train --pulse: exit %d, %s", code, errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "zaehlerstand", "--pulse", "--db", db, "--team", "Blau", "--round", "R1"},
			`train: Pulsrunde "R1" gehört zu Team "Rot", ist keine Terminal-Runde oder wurde mit einem anderen Fragebogen gestellt; wählen Sie eine andere --round`},
		{[]string{"pulse", "show", "--db", db, "--lang", "de"}, "pulse: nennen Sie das Team mit --team (siehe ccsim pulse teams)"},
		{[]string{"pulse", "show", "--db", db, "--team", "Grün", "--lang", "de"}, `pulse: Team "Grün" hat keine Pulsrunden in ` + db},
		{[]string{"pulse", "export", "--db", db, "--team", "Rot", "--format", "xml", "--lang", "de"}, `pulse: --format ist csv oder json, nicht "xml"`},
		{[]string{"pulse", "chart", "--db", db, "--team", "Rot", "--out", filepath.Join(dir, "c.txt"), "--lang", "de"}, "pulse: chart braucht --out DATEI.png oder DATEI.svg"},
		{[]string{"pulse", "neu", "--db", db, "--lang", "de"}, `pulse: unbekannter Unterbefehl "neu" (teams, show, export, chart, open)`},
		{[]string{"pulse", "open", "--db", db, "--lang", "de"}, "pulse: open braucht --team (höchstens 60 Zeichen)"},
		{[]string{"pulse", "show", "--db", filepath.Join(dir, "fehlt.db"), "--team", "Rot", "--lang", "de"}, "pulse: --db " + filepath.Join(dir, "fehlt.db") + ": "},
	} {
		_, errOut, code := ccsimIn(t, "", tc.args...)
		if code != 2 || !strings.Contains(errOut, "ccsim: "+tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// trainWithPulse plays failed-bot with --pulse from piped input: every
// statement answered a before and b after, with a free text each time.
func trainWithPulse(t *testing.T, db string, a, b int, text string) string {
	t.Helper()
	var in strings.Builder
	for range 12 {
		in.WriteString(strings.Repeat(string(rune('0'+a)), 1) + "\n")
	}
	in.WriteString(text + "\n/quit\n")
	for range 12 {
		in.WriteString(string(rune('0'+b)) + "\n")
	}
	in.WriteString("\n")
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"train", "failed-bot", "--seed", "1", "--pulse", "--db", db, "--team", "Blue", "--round", "R1"},
		strings.NewReader(in.String()), &out, &errb)
	if err != nil {
		t.Fatalf("train --pulse: %v\n%s", err, errb.String())
	}
	return out.String()
}

// TestTrainPulseAnonymity: four trainees' answers show no figure in ccsim
// pulse show, the CSV or the JSON export, nor their free texts; the fifth
// makes the round's figures appear: trust before 50 (all 3s), after 75.
func TestTrainPulseAnonymity(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	for i := range 4 {
		out := trainWithPulse(t, db, 3, 4, "secret wish")
		if i == 0 && (!strings.Contains(out, "1/12 The bot takes routine work off my hands.") || !strings.Contains(out, "appear once at least 5 people")) {
			t.Errorf("train --pulse output lacks the statements or the threshold note:\n%s", out)
		}
	}
	show, _, code := ccsim(t, "pulse", "show", "--db", db, "--team", "Blue")
	csvOut, _, _ := ccsim(t, "pulse", "export", "--db", db, "--team", "Blue", "--format", "csv")
	jsonOut, _, _ := ccsim(t, "pulse", "export", "--db", db, "--team", "Blue", "--format", "json")
	if code != 0 || !strings.Contains(show, "fewer than 5 before") {
		t.Errorf("pulse show (4 respondents) exited %d:\n%s", code, show)
	}
	for name, out := range map[string]string{"show": show, "csv": csvOut, "json": jsonOut} {
		if strings.Contains(out, "secret wish") || strings.Contains(out, "[50") || strings.Contains(out, ",50.0,") || strings.Contains(out, `"mean"`) {
			t.Errorf("%s shows a figure or a text of 4 respondents:\n%s", name, out)
		}
	}
	trainWithPulse(t, db, 3, 4, "secret wish")
	show, _, _ = ccsim(t, "pulse", "show", "--db", db, "--team", "Blue")
	if !strings.Contains(show, "Trust in AI      before 50 [50, 50]") || !strings.Contains(show, "secret wish") {
		t.Errorf("pulse show (5 respondents) lacks trust before 50 or the texts:\n%s", show)
	}
	png := filepath.Join(t.TempDir(), "c.png")
	if _, errs, code := ccsim(t, "pulse", "chart", "--db", db, "--team", "Blue", "--out", png); code != 0 {
		t.Errorf("pulse chart exited %d: %s", code, errs)
	} else if fi, err := os.Stat(png); err != nil || fi.Size() < 1000 {
		t.Errorf("pulse chart wrote %v, %v", fi, err)
	}
}

// TestPulseBadUsage: a threshold below 5, a missing team or database, and
// an unknown subcommand are usage errors (exit 2).
func TestPulseBadUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	trainWithPulse(t, db, 3, 3, "")
	for _, args := range [][]string{
		{"pulse", "show", "--db", db, "--team", "Blue", "--min-group", "4"},
		{"pulse", "show", "--db", db},
		{"pulse", "show", "--db", db + ".none", "--team", "Blue"},
		{"pulse", "show", "--db", db, "--team", "Red"},
		{"pulse", "dance", "--db", db},
		{"pulse", "chart", "--db", db, "--team", "Blue", "--out", "x.gif"},
	} {
		if _, errs, code := ccsim(t, args...); code != 2 {
			t.Errorf("ccsim %s exited %d, want 2 (%s)", strings.Join(args, " "), code, errs)
		}
	}
}

// TestLineInputKeys: outside play, a keys reader (a terminal) yields whole
// lines, ended by either line end, and the rest of the input after the end.
func TestLineInputKeys(t *testing.T) {
	done := make(chan struct{})
	defer close(done)
	in := newLineInput(strings.NewReader("3\r4\nfür mehr Zeit\nrest"), true, done)
	for _, want := range []string{"3", "4", "für mehr Zeit", "rest"} {
		if got, ok := in.line(); got != want || !ok {
			t.Errorf("line() = %q, %v; want %q", got, ok, want)
		}
	}
	if got, ok := in.line(); ok {
		t.Errorf("line() after the end = %q, true; want false", got)
	}
}

// TestServePulseInstrumentBad: a pulse instrument that does not parse
// stops ccsim serve with a usage error naming the file.
func TestServePulseInstrumentBad(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.pulse.toml")
	os.WriteFile(bad, []byte("name = 3\n"), 0o644)
	_, errs, code := ccsim(t, "serve", "--db", filepath.Join(t.TempDir(), "s.db"), "--pulse-instrument", bad, "--admin-token", "0123456789abcdef")
	if code != 2 || !strings.Contains(errs, "bad.pulse.toml:1") {
		t.Errorf("serve with a bad instrument exited %d: %s", code, errs)
	}
	if _, errs, code := ccsim(t, "serve", "--min-group", "3"); code != 2 || !strings.Contains(errs, "at least 5") {
		t.Errorf("serve --min-group 3 exited %d: %s", code, errs)
	}
}

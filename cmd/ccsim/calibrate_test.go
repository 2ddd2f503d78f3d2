package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// januaryPath is the January 1999 Anonymous Bank file shipped with the
// repository (data/anonymous-bank/README.md).
const januaryPath = "../../data/anonymous-bank/january.txt.gz"

// TestCalibrateGenerated generates three days of the bundled default
// scenario (a bot in front of agents), calibrates the log, and checks every
// output: summary, back-test, scenario file (which ccsim run accepts) and
// report directory.
func TestCalibrateGenerated(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log.csv.gz")
	if _, stderr, code := ccsim(t, "generate", "--days", "3", "--out", log); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	toml, rep := filepath.Join(dir, "fitted.toml"), filepath.Join(dir, "report")
	out, stderr, code := ccsim(t, "calibrate", log, "--backtest", "--reps", "4", "--out", toml, "--report", rep)
	if code != 0 {
		t.Fatalf("calibrate: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Calibration from log.csv.gz (generic)", "Handle time by type", "Kaplan–Meier", "modelled as the scenario's [bot]", "Back-test of all", "whole day (all)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, stderr, code := ccsim(t, "run", toml, "--reps", "2"); code != 0 {
		t.Errorf("ccsim run of the calibrated scenario: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"summary.txt", "scenario-all.toml", "kaplan-meier.csv", "backtest-all.md",
		"calibration-arrivals.png", "calibration-handle-time.svg", "calibration-patience.png", "calibration-staffing.png", "calibration-backtest-all.png"} {
		if fi, err := os.Stat(filepath.Join(rep, f)); err != nil || fi.Size() == 0 {
			t.Errorf("report file %s missing or empty (%v)", f, err)
		}
	}
}

// TestCalibrateJanuaryCLI runs the full calibration of the January records
// with a back-test.
func TestCalibrateJanuaryCLI(t *testing.T) {
	out, stderr, code := ccsim(t, "calibrate", januaryPath, "--backtest", "--reps", "5", "--day-type", "fri")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"(anonymous-bank)", "240  PHANTOM call", "sun-thu  19 days  07:00–24:00", "Back-test of fri",
		"whole day (sun-thu)", "whole day (sat)", "abandon", "ASA s"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestCalibrateUsage(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.txt")
	os.WriteFile(junk, []byte("just some words\nand more\n"), 0o644)
	headerOnly := filepath.Join(dir, "empty.csv")
	os.WriteFile(headerOnly, []byte("arrival,outcome\n"), 0o644)
	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"no files", []string{"calibrate"}, "RECORDS"},
		{"missing file", []string{"calibrate", filepath.Join(dir, "nope.csv")}, "no such file"},
		{"not bank", []string{"calibrate", "--format", "anonymous-bank", junk}, "unknown record format"},
		{"no arrival column", []string{"calibrate", junk}, "arrival"},
		{"no records", []string{"calibrate", headerOnly}, "no usable contact records"},
		{"bad map", []string{"calibrate", "--map", "x", junk}, "COLUMN=FIELD"},
		{"bad format", []string{"calibrate", "--format", "xls", junk}, "--format"},
		{"open without close", []string{"calibrate", "--open", "08:00", junk}, "--close"},
		{"bad clock", []string{"calibrate", "--open", "8am", "--close", "20:00", junk}, "HH:MM"},
		{"bad staffing", []string{"calibrate", "--staffing", "guess", headerOnly}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := ccsim(t, c.args...)
			if code != 2 || !strings.Contains(stderr, c.msg) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, c.msg)
			}
		})
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// ccsim runs the CLI in-process and returns stdout, stderr and the exit code.
func ccsim(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestRunJSONIdenticalAcrossWorkers(t *testing.T) {
	one, _, code := ccsim(t, "run", "--json", "--workers", "1", "--reps", "6")
	if code != 0 {
		t.Fatalf("run --workers 1 exited %d", code)
	}
	eight, _, _ := ccsim(t, "run", "--json", "--workers", "8", "--reps", "6")
	if one != eight {
		t.Errorf("--json output differs between --workers 1 and --workers 8")
	}
	var res sim.Results
	if err := json.Unmarshal([]byte(one), &res); err != nil {
		t.Fatalf("output is not results JSON: %v", err)
	}
	for _, k := range []string{"offered", "service_level", "p_wait", "asa_seconds", "abandon_rate", "occupancy", "bot_containment", "escalation_rate"} {
		if _, ok := res.Metrics[k]; !ok {
			t.Errorf("results JSON lacks metric %q", k)
		}
	}
	if res.Scenario != "Retail hybrid weekday" || res.Replications != 6 || len(res.Intervals) != 24 || res.Intervals[0].Start != "08:00" {
		t.Errorf("results = %q, %d reps, %d intervals; want the default scenario, 6 reps, 24 intervals from 08:00", res.Scenario, res.Replications, len(res.Intervals))
	}
}

func TestRunSummaryAndOut(t *testing.T) {
	dir := t.TempDir()
	out, _, code := ccsim(t, "run", "erlang-c", "--reps", "3", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Erlang C textbook case", "service level", "P(wait)", "95% CI"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res sim.Results
	if err := json.Unmarshal(data, &res); err != nil || res.Replications != 3 {
		t.Errorf("results.json: %v, %d replications", err, res.Replications)
	}
	if _, err := os.Stat(filepath.Join(dir, "summary.txt")); err != nil {
		t.Error(err)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	src := "name = \"x\"\nhorizon = \"10h\"\n[arrivals]\nrate = -5\n[[intents]]\nname = \"a\"\nhandle_time = { dist = \"exponential\", mean = \"1m\" }\n[[agents]]\ngroup = \"g\"\ncount = 3\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"invalid scenario", []string{"run", bad}, 2, bad + ":4: arrivals.rate: must be a positive number"},
		{"missing file", []string{"run", filepath.Join(dir, "nope.toml")}, 2, "no such file"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"run", "--fast"}, 2, "flag provided but not defined"},
		{"two files", []string{"run", "a", "b"}, 2, "at most one scenario"},
		{"erlang without agents", []string{"erlang", "--rate", "100", "--aht", "3m"}, 2, "--agents"},
		{"erlang bad duration", []string{"erlang", "--rate", "100", "--aht", "3 minutes", "--agents", "4"}, 2, "invalid value"},
		{"examples unknown", []string{"examples", "show", "nope"}, 2, "no bundled scenario"},
		{"help", []string{"run", "--help"}, 0, "Usage: ccsim run"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := ccsim(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("ccsim %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.stderr)
			}
		})
	}
}

func TestErlangCalculator(t *testing.T) {
	out, _, code := ccsim(t, "erlang", "--volume", "100", "--interval", "30m", "--aht", "180s", "--agents", "14")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"P(wait)  0.174132", "service level 20s (offered)  0.888350", "ASA (s)    7.8359"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = ccsim(t, "erlang", "--rate", "200", "--aht", "180s", "--target", "0.8")
	if !strings.Contains(out, "Agents needed: 14") {
		t.Errorf("--target 0.8 output lacks 'Agents needed: 14':\n%s", out)
	}
}

func TestValidateCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("validate simulates 12 cases; skipped with -short")
	}
	out, stderr, code := ccsim(t, "validate")
	if code != 0 {
		t.Fatalf("validate exited %d: %s\n%s", code, stderr, out)
	}
	if !strings.Contains(out, "12 cases, largest |z|") {
		t.Errorf("validate output lacks its verdict line:\n%s", out)
	}
	_, _, code = ccsim(t, "validate", "--max-z", "0.01")
	if code != 1 {
		t.Errorf("validate --max-z 0.01 exited %d, want 1", code)
	}
}

func TestExamples(t *testing.T) {
	out, _, code := ccsim(t, "examples")
	if code != 0 || !strings.Contains(out, "default") || !strings.Contains(out, "erlang-a") {
		t.Errorf("examples: exit %d\n%s", code, out)
	}
	out, _, _ = ccsim(t, "examples", "show", "default")
	if !strings.Contains(out, "[[intents]]") {
		t.Errorf("examples show default did not print the TOML:\n%s", out)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct{ src, want string }{
		{"# comment line\nname = \"Plain\"\n", "Plain"},
		{"title = \"Am I talking to a \\\"bot\\\"?\"\n", `Am I talking to a "bot"?`},
		{"title = 'Literal'\n", "Literal"},
		{"# Only a comment\nx = 1\n", "Only a comment"},
	}
	for _, tc := range tests {
		if got := describe([]byte(tc.src)); got != tc.want {
			t.Errorf("describe(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestLimitsExit2 checks that runaway work is refused at once with exit 2,
// naming the file, line and key, for the scenario's own keys and for --reps.
func TestLimitsExit2(t *testing.T) {
	base, err := os.ReadFile("../../scenarios/examples/default.toml")
	if err != nil {
		t.Fatal(err)
	}
	steady, err := os.ReadFile("../../scenarios/examples/erlang-c.toml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  []byte
		re   string // pattern in src to replace
		with string
		args []string
		want string // in stderr
	}{
		{"replications", base, `(?m)^replications = \d+`, "replications = 100000000", nil, ".toml:11: replications: 100000000 replications are more than the limit"},
		{"profile", base, `profile = \[\d+`, "profile = [1e300", nil, ".toml:23: arrivals.profile.0:"},
		{"horizon", steady, `(?m)^horizon = .*`, `horizon = "100000h"` + "\nlimits = { contacts = 1e6 }", nil, ": horizon: "},
		{"--reps", base, `^`, "", []string{"--reps", "100000000"}, "replications are more than the limit of 1000"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, tc.name+".toml")
			src := regexp.MustCompile(tc.re).ReplaceAll(tc.src, []byte(tc.with))
			if err := os.WriteFile(file, src, 0o644); err != nil {
				t.Fatal(err)
			}
			_, stderr, code := ccsim(t, append([]string{"run", file}, tc.args...)...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("run exited %d with %q; want 2 with %q", code, stderr, tc.want)
			}
		})
	}
}

package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// comparison is the part of compare --json the tests read.
type comparison struct {
	Seed            uint64 `json:"seed"`
	IndependentSeed uint64 `json:"independent_seed"`
	Comparisons     []struct {
		Baseline, Variant string
		Metrics           map[string]struct {
			Paired, Independent sim.Stat
			Narrowing           *float64
		}
		Intervals []struct {
			Start   string
			Metrics map[string]struct{ Paired sim.Stat }
		}
	}
}

// TestCompareCRNNarrowing is the acceptance test of ccsim compare: on two
// staffing levels of the default scenario, the paired-difference CI of the
// service level is at least 3 times narrower than that of independent runs.
func TestCompareCRNNarrowing(t *testing.T) {
	out, errs, code := ccsim(t, "compare", "default", "--vary", "agents.senior.shifts.0.count=15,17", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var c comparison
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Comparisons) != 1 || c.IndependentSeed != c.Seed+1 {
		t.Fatalf("%d comparisons, seeds %d and %d; want 1 and two seeds", len(c.Comparisons), c.Seed, c.IndependentSeed)
	}
	sl := c.Comparisons[0].Metrics[sim.MServiceLevel]
	paired, indep := sl.Paired.HalfWidth(), sl.Independent.HalfWidth()
	t.Logf("service level: paired %+.4f ± %.4f, independent %+.4f ± %.4f: %.1fx narrower",
		sl.Paired.Mean, paired, sl.Independent.Mean, indep, indep/paired)
	if !(indep >= 3*paired) {
		t.Errorf("paired CI half-width %.4f, independent %.4f: less than 3 times narrower", paired, indep)
	}
	if sl.Narrowing == nil || math.Abs(*sl.Narrowing-indep/paired) > 1e-9 {
		t.Errorf("narrowing %v, want %g", sl.Narrowing, indep/paired)
	}
	if n := len(c.Comparisons[0].Intervals); n != 24 {
		t.Errorf("%d intervals, want 24", n)
	}
}

func TestCompareScenarios(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := ccsim(t, "compare", "default", "bot-no-context", "human-only", "--reps", "4", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"A  default", "B  bot-no-context", "C  human-only", "C - A, whole day:", "paired difference [95% CI]", "CI narrower", "C - A"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, f := range []string{"report.html", "compare.json", "summary.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("--out: %v", err)
		}
	}
}

func TestCompareUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"one scenario", []string{"compare", "default"}, "two or more scenarios"},
		{"one value", []string{"compare", "--vary", "seed=3"}, "give two or more values"},
		{"bad vary", []string{"compare", "--vary", "seed"}, "want key=v1,v2"},
		{"bad key", []string{"compare", "--vary", "bot.contxt_transfer=true,false"}, `did you mean "context_transfer"`},
		{"vary and scenarios", []string{"compare", "default", "human-only", "--vary", "seed=1,2"}, "one scenario FILE or NAME with --vary"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := ccsim(t, tc.args...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
			}
		})
	}
}

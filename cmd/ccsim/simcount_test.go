package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// TestRunOutSimulatesOnce counts the simulations of `ccsim run --out`:
// the scenario is simulated exactly once, each agent count of the staffing
// curve once, and writing the report simulates nothing (it only renders).
func TestRunOutSimulatesOnce(t *testing.T) {
	runs := map[string]int{}
	var order []string
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		simulate: func(ctx context.Context, sc *sim.Scenario, o sim.Options) (*sim.Results, error) {
			runs[sc.Name]++
			order = append(order, sc.Name)
			return sim.Run(ctx, sc, o)
		}}
	dir := t.TempDir()
	if err := runEnv(context.Background(), e, []string{"run", "erlang-c", "--reps", "2", "--out", dir}); err != nil {
		t.Fatalf("run --out: %v (stderr %q)", err, errb.String())
	}
	if len(order) == 0 || runs[order[0]] != 1 {
		t.Fatalf("simulations %v: want the scenario first, simulated exactly once", order)
	}
	for name, n := range runs {
		if n != 1 {
			t.Errorf("%q simulated %d times, want once", name, n)
		}
	}
	if len(runs) < 2 {
		t.Errorf("simulations %v: want the scenario and the staffing curve's agent counts", order)
	}
}

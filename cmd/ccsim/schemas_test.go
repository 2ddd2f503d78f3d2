package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ccsim/ccsim/sim"
)

// schemaDir holds the JSON Schemas of the result documents.
const schemaDir = "../../docs/schemas"

// compileSchema compiles docs/schemas/NAME.schema.json (and what it refers to).
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(schemaDir, name+".schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		t.Fatalf("schema %s: %v", name, err)
	}
	return s
}

// validate checks a JSON document against schema name.
func validate(t *testing.T, name, what string, doc []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", what, err)
	}
	if err := compileSchema(t, name).Validate(v); err != nil {
		t.Errorf("%s does not match docs/schemas/%s.schema.json: %v", what, name, err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSchemasMatchOutput validates real output of every command against
// its schema: results (a day, a steady state, with overrides), a staffing
// plan, a sweep, a calibration with back-tests, a shift schedule and plans
// compared (without and with a cost model).
func TestSchemasMatchOutput(t *testing.T) {
	for _, args := range [][]string{
		{"run", "--json", "--reps", "3"},
		{"run", "erlang-c", "--json", "--reps", "2"},
		{"run", "channels", "--json", "--reps", "2"},
		{"run", "--json", "--reps", "2", "--set", "bot.opt_out=0.2"},
	} {
		out, errs, code := ccsim(t, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		validate(t, "results", strings.Join(args, " "), []byte(out))
	}
	dir := t.TempDir()
	if _, errs, code := ccsim(t, "staff", "--reps", "3", "--verify-reps", "3", "--on-means", "--out", filepath.Join(dir, "staff")); code != 0 {
		t.Fatalf("staff: exit %d: %s", code, errs)
	}
	validate(t, "plan", "plan.json", readFile(t, filepath.Join(dir, "staff", "plan.json")))
	if _, errs, code := ccsim(t, "sweep", filepath.Join("testdata", "sweep-small.toml"), "--out", filepath.Join(dir, "sweep")); code != 0 {
		t.Fatalf("sweep: exit %d: %s", code, errs)
	}
	validate(t, "sweep", "sweep.json", readFile(t, filepath.Join(dir, "sweep", "sweep.json")))
	if _, errs, code := ccsim(t, "calibrate", januaryPath, "--backtest", "--reps", "3", "--report", filepath.Join(dir, "cal")); code != 0 {
		t.Fatalf("calibrate: exit %d: %s", code, errs)
	}
	validate(t, "calibration", "calibration.json", readFile(t, filepath.Join(dir, "cal", "calibration.json")))
	out, errs, code := ccsim(t, "schedule", "shifts", "--rules", "default", "--json")
	if code != 0 {
		t.Fatalf("schedule: exit %d: %s", code, errs)
	}
	validate(t, "schedule", "schedule --json", []byte(out))
	vary := []string{"staff", "shifts", "--vary", "arrivals.day_factor=1,1.2", "--reps", "4", "--verify-reps", "6"}
	if _, errs, code := ccsim(t, append(vary, "--out", filepath.Join(dir, "vary"))...); code != 0 {
		t.Fatalf("staff --vary: exit %d: %s", code, errs)
	}
	validate(t, "plan-comparison", "comparison.json", readFile(t, filepath.Join(dir, "vary", "comparison.json")))
	// With a cost model the costs are stats, and --json adds the plans.
	out, errs, code = ccsim(t, append(vary, "--set", "costs.agent_hour=30", "--set", "costs.currency=EUR", "--json")...)
	if code != 0 {
		t.Fatalf("staff --vary --json: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"delta_cost": {`) || !strings.Contains(out, `"currency": "EUR"`) {
		t.Errorf("staff --vary --json with a cost model has no cost differences or currency:\n%.400s", out)
	}
	validate(t, "plan-comparison", "staff --vary --json", []byte(out))
}

// TestSchemaRejectsImpossible checks that the schemas hold the metrics'
// ranges: a service level interval above 100 %, a negative wait and a
// document with an unknown field are refused.
func TestSchemaRejectsImpossible(t *testing.T) {
	out, errs, code := ccsim(t, "run", "--json", "--reps", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	s := compileSchema(t, "results")
	for _, tc := range []struct{ name, from, to string }{
		{"service level above 1", `"service_level": {`, `"service_level": {"mean": 0.9, "ci95": [0.8, 1.03], "n": 2}, "x_service_level": {`},
		{"negative wait", `"asa_seconds": {`, `"asa_seconds": {"mean": 3, "ci95": [-6, 12], "n": 2}, "x_asa_seconds": {`},
		{"unknown field", `"scenario":`, `"scenery": 1, "scenario":`},
	} {
		doc := strings.Replace(out, tc.from, tc.to, 1)
		if doc == out {
			t.Fatalf("%s: %q not in the output", tc.name, tc.from)
		}
		var v any
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if s.Validate(v) == nil {
			t.Errorf("%s: the results schema accepts it", tc.name)
		}
	}
}

// TestSchemaShareMetrics requires the common schema to bound exactly the
// metric table's shares to [0, 1].
func TestSchemaShareMetrics(t *testing.T) {
	var common struct {
		Defs struct {
			Metrics struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"metrics"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(schemaDir, "common.schema.json")), &common); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for name := range common.Defs.Metrics.Properties {
		got = append(got, name)
	}
	for _, m := range sim.MetricTable() {
		if m.Unit == sim.UnitShare {
			want = append(want, m.Name)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("common.schema.json bounds %q to [0, 1], the metric table's shares are %q", got, want)
	}
}

package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// TestStaffDefaultHoldsWithAnotherSeed is the acceptance test of ccsim
// staff: the staffing found for the default scenario (goals on one-sided
// 95 % bounds) meets every goal in every interval when the scenario it
// writes is simulated with a different seed.
func TestStaffDefaultHoldsWithAnotherSeed(t *testing.T) {
	dir := t.TempDir()
	written := filepath.Join(dir, "staffed.toml")
	out, errs, code := ccsim(t, "staff", "--max-abandon", "0.05", "--max-occupancy", "0.9", "--confidence", "0.95",
		"--json", "--write", written, "--out", filepath.Join(dir, "report"))
	if code != 0 {
		t.Fatalf("staff exited %d: %s", code, errs)
	}
	var plan staff.Plan
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("staff --json: %v", err)
	}
	if len(plan.Intervals) != 24 {
		t.Fatalf("plan has %d intervals, want 24", len(plan.Intervals))
	}
	sc, err := loadScenario(written)
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(2024)
	res, err := sim.Run(context.Background(), sc, sim.Options{Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	for k, iv := range res.Intervals {
		m := iv.Metrics
		if sl := m[sim.MServiceLevel].Mean; sl < 0.8 {
			t.Errorf("%s: service level %.3f with seed %d, want >= 0.8", iv.Start, sl, seed)
		}
		if ab := m[sim.MAbandonRate].Mean; ab > 0.05 {
			t.Errorf("%s: abandonment %.3f with seed %d, want <= 0.05", iv.Start, ab, seed)
		}
		for _, g := range iv.Groups {
			if occ := g.Metrics[sim.MOccupancy].Mean; occ > 0.9 {
				t.Errorf("%s: group %s occupancy %.3f with seed %d, want <= 0.9", iv.Start, g.Name, occ, seed)
			}
		}
		if got, want := m[sim.MScheduled].Mean, float64(plan.Intervals[k].Scheduled); math.Abs(got-want) > 1e-6 {
			t.Errorf("%s: written scenario schedules %g agents, plan %g", iv.Start, got, want)
		}
	}
	for _, f := range []string{"report.html", "report.pdf", "charts/staffing-plan.png", "charts/staffing-plan.svg", "staffing.csv", "plan.json"} {
		if _, err := os.Stat(filepath.Join(dir, "report", f)); err != nil {
			t.Errorf("report directory: %v", err)
		}
	}
}

// TestStaffJSONContract checks the field names promised in issue 6.
func TestStaffJSONContract(t *testing.T) {
	out, errs, code := ccsim(t, "staff", "erlang-c", "--reps", "4", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var raw struct {
		Intervals []map[string]json.RawMessage `json:"intervals"`
		Hours     *float64                     `json:"agent_hours"`
		Cost      json.RawMessage              `json:"cost"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw.Intervals) == 0 || raw.Hours == nil || raw.Cost == nil {
		t.Fatalf("plan JSON lacks intervals, agent_hours or cost:\n%s", out)
	}
	for _, k := range []string{"start", "erlang_c", "erlang_a", "simulated", "scheduled", "service_level", "agent_hours", "cost"} {
		if _, ok := raw.Intervals[0][k]; !ok {
			t.Errorf("intervals[0] lacks %q", k)
		}
	}
	var sl sim.Stat
	if err := json.Unmarshal(raw.Intervals[0]["service_level"], &sl); err != nil || !(sl.Mean > 0) {
		t.Errorf("service_level = %s, want {mean, ci95}", raw.Intervals[0]["service_level"])
	}
}

func TestStaffUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"target above 1", []string{"staff", "--target", "1.5"}, "target"},
		{"confidence 1", []string{"staff", "--confidence", "1"}, "confidence"},
		{"confidence on the means", []string{"staff", "--confidence", "0.9", "--on-means"}, "on the means"},
		{"tolerance of 0.2", []string{"staff", "--tolerance", "0.2"}, "tolerance"},
		{"tolerance on the means", []string{"staff", "--tolerance", "0.01", "--on-means"}, "no tolerance"},
		{"bounds of one replication", []string{"staff", "--reps", "1"}, "--on-means"},
		{"two scenarios", []string{"staff", "default", "erlang-c"}, "at most one scenario"},
		{"searches without vary", []string{"staff", "--searches", "3"}, "--searches goes with --vary"},
		{"no searches", []string{"staff", "--vary", "arrivals.day_factor=1,2", "--searches", "0"}, "at least 1"},
		{"bad override", []string{"staff", "--set", "bot.contxt_transfer=false"}, `did you mean "context_transfer"`},
		{"unknown scenario", []string{"staff", "nope"}, "no such file"},
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

// BenchmarkStaffDefault times the staffing of the default scenario (24
// intervals, bot on, 20 replications per simulation): "flags" with the
// goals of `ccsim staff` without flags (service level per channel on 95 %
// bounds), "caps" with abandonment and occupancy caps too.
func BenchmarkStaffDefault(b *testing.B) {
	sc, err := scenarios.Bundled("default")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		goals staff.Goals
	}{
		{"flags", staff.Goals{}},
		{"caps", staff.Goals{MaxAbandon: 0.05, MaxOccupancy: 0.9, Confidence: 0.95}},
	} {
		b.Run(bc.name, func(b *testing.B) { benchStaff(b, sc, bc.goals) })
	}
}

// BenchmarkStaffLarge times the staffing of a large center with default
// goals: about 500,000 contacts a day in 48 intervals, 20 skills and
// groups, about 1,000 agents at the peak, 4 replications per simulation
// (testdata/staff-large.toml).
func BenchmarkStaffLarge(b *testing.B) {
	sc, err := loadScenario(filepath.Join("testdata", "staff-large.toml"))
	if err != nil {
		b.Fatal(err)
	}
	benchStaff(b, sc, staff.Goals{})
}

// BenchmarkRunCountsLarge times one replication of the large center's
// day on one worker, as the staffing search measures each candidate
// (sim.RunCounts): the engine's share of BenchmarkStaffLarge. It reports
// the CPU seconds it took.
func BenchmarkRunCountsLarge(b *testing.B) {
	sc, err := loadScenario(filepath.Join("testdata", "staff-large.toml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start, n := cpuTime(), 0
	for b.Loop() {
		if _, err := sim.RunCounts(context.Background(), []*sim.Scenario{sc}, sim.Options{Workers: 1, Replications: 1}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(n), "cpu-s/op")
}

// benchStaff times staff.Search of sc and reports its simulations and
// the CPU seconds it took (all cores).
func benchStaff(b *testing.B, sc *sim.Scenario, goals staff.Goals) {
	b.ReportAllocs()
	start, n := cpuTime(), 0
	for b.Loop() {
		pl, err := staff.Search(context.Background(), sc, goals, staff.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pl.Evaluations), "simulations/op")
		n++
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(n), "cpu-s/op")
}

// TestStaffVary staffs two variants side by side: more traffic needs more
// agent-hours and FTE, the baseline differs from itself by nothing, and
// the comparison carries both plans.
func TestStaffVary(t *testing.T) {
	out, errs, code := ccsim(t, "staff", "shifts", "--vary", "arrivals.day_factor=1,1.2", "--reps", "6", "--verify-reps", "10",
		"--fte-hours", "40", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		staff.Comparison
		Plans []staff.Plan `json:"plans"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Variants) != 2 || len(got.Plans) != 2 || got.Week.FTEHours != 40 {
		t.Fatalf("%d variants, %d plans, week %+v; want 2, 2 and 40 h", len(got.Variants), len(got.Plans), got.Week)
	}
	base, more := got.Variants[0], got.Variants[1]
	if base.DeltaAgentHours != 0 || base.Label != "arrivals day factor 1" {
		t.Errorf("baseline %q: Δ %g agent-hours, want \"arrivals day factor 1\" and 0", base.Label, base.DeltaAgentHours)
	}
	if more.DeltaAgentHours <= 0 || math.Abs(more.DeltaFTE-more.DeltaAgentHours*5/40) > 1e-9 {
		t.Errorf("20 %% more traffic: Δ %g agent-hours, Δ %g FTE; want more hours and FTE = hours × 5 / 40", more.DeltaAgentHours, more.DeltaFTE)
	}
	if s := more.SearchDeltaAgentHours; got.Searches != 5 || s == nil || s.N != 5 || !(s.CI95[0] <= s.Mean && s.Mean <= s.CI95[1]) {
		t.Errorf("%d searches, Δ agent-hours over them %+v; want 5 (the default) and a mean inside its interval", got.Searches, s)
	}
	if iv := more.Intervals[0]; iv.SearchDeltaAgents == nil || iv.SearchDeltaAgents.N != 5 {
		t.Errorf("%s: Δ agents over the searches %+v, want 5 of them", iv.Start, iv.SearchDeltaAgents)
	}
	if more.Cost != nil || more.DeltaCost != nil {
		t.Errorf("costs %v, %v for a scenario without a cost model, want null", more.Cost, more.DeltaCost)
	}
	out, errs, code = ccsim(t, "staff", "--vary", "arrivals.day_factor=1,1.2", "--write", "x.toml")
	if code != 2 || !strings.Contains(errs, "--vary compares plans; --write takes one plan") {
		t.Errorf("--vary with --write: exit %d, %q; want 2 and a usage error", code, errs+out)
	}
}

// TestStaffOnMeansWithASA: --on-means drops the confidence level and the
// tolerance from the goals, --tolerance sets the tolerance of goals on
// bounds, --max-asa adds an ASA goal the check counts, and the table shows
// the check and the FTE line.
func TestStaffOnMeansWithASA(t *testing.T) {
	out, errs, code := ccsim(t, "staff", "erlang-c", "--reps", "4", "--verify-reps", "6", "--on-means", "--max-asa", "15s", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var pl staff.Plan
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatal(err)
	}
	if pl.Goals.Confidence != 0 || pl.Goals.Tolerance != 0 || pl.Goals.MaxASASeconds != 15 || pl.MaxReplications != 4 {
		t.Errorf("goals %+v, max replications %d: want no confidence level or tolerance, ASA 15 s and no added replications", pl.Goals, pl.MaxReplications)
	}
	var goals []string
	for _, g := range pl.Verification.Goals {
		goals = append(goals, g.Goal)
	}
	if strings.Join(goals, ",") != "service_level,asa_voice" || pl.Verification.Replications != 6 {
		t.Errorf("check of goals %v on %d replications, want service_level,asa_voice on 6", goals, pl.Verification.Replications)
	}
	out, errs, code = ccsim(t, "staff", "erlang-c", "--reps", "4", "--verify-reps", "6", "--tolerance", "0.02", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatal(err)
	}
	if pl.Goals.Confidence != 0.95 || pl.Goals.Tolerance != 0.02 || pl.MaxReplications > 16 {
		t.Errorf("goals %+v, max replications %d: want 95 %% bounds, tolerance 0.02, up to 4 batches of 4", pl.Goals, pl.MaxReplications)
	}
	out, errs, code = ccsim(t, "staff", "erlang-c", "--reps", "4", "--verify-reps", "6", "--fte-hours", "40")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"on one-sided 95.0% confidence bounds", "out of sample (6 replications", "FTE (40 h a week"} {
		if !strings.Contains(out, want) {
			t.Errorf("staff's table lacks %q:\n%s", want, out)
		}
	}
}

// TestComparePlans staffs two plans with --out, compares them with report
// --compare (from their directories) and with staff --vary --out, and
// checks that both reports carry the same paired cost difference.
func TestComparePlans(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	args := []string{"--reps", "6", "--verify-reps", "10"}
	for _, run := range [][]string{{"--out", p("base")}, {"--set", "intents.order_status.bot_containment=0.4", "--out", p("low")},
		{"--vary", "intents.order_status.bot_containment=0.55,0.4", "--out", p("vary")}} {
		if _, errs, code := ccsim(t, append(append([]string{"staff"}, args...), run...)...); code != 0 {
			t.Fatalf("staff %v: exit %d: %s", run, code, errs)
		}
	}
	if _, errs, code := ccsim(t, "report", "--compare", p("base"), p("low/plan.json"), "--out", p("cmp")); code != 0 {
		t.Fatalf("report --compare of plans: exit %d: %s", code, errs)
	}
	read := func(path string) []byte {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	var vary staff.Comparison
	if err := json.Unmarshal(read(p("vary/comparison.json")), &vary); err != nil {
		t.Fatal(err)
	}
	csvText := string(read(p("cmp/plan-comparison.csv")))
	if !strings.HasPrefix(csvText, "plan,interval,scheduled,delta_agents") || !strings.Contains(csvText, "\nlow,08:00,") {
		t.Errorf("plan-comparison.csv:\n%s", csvText)
	}
	if _, err := os.Stat(p("cmp/comparison.json")); err == nil {
		t.Errorf("report --compare wrote comparison.json without --format json")
	}
	html := string(read(p("cmp/report.html")))
	if !strings.Contains(html, "Baseline base: ") || !strings.Contains(html, "Against the baseline, low needs") {
		t.Errorf("report.html lacks the verdict")
	}
	d := vary.Variants[1].DeltaCost
	if d == nil || d.CI95[0] > d.Mean || d.Mean > d.CI95[1] || vary.Variants[1].DeltaAgentHours <= 0 {
		t.Errorf("staff --vary --out: lower containment Δ %+v agent-hours %g; want more agent-hours and a cost interval about the mean",
			d, vary.Variants[1].DeltaAgentHours)
	}
	if err := os.Remove(p("low/check.json")); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := ccsim(t, "report", "--compare", p("base"), p("low")); code != 2 || !strings.Contains(errs, "no check.json beside it") {
		t.Errorf("a plan without its check: exit %d, %q", code, errs)
	}
}

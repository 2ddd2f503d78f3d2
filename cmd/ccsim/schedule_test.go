package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim/schedule"
)

// TestScheduleDefault is the acceptance test of ccsim schedule: on the
// default scenario's requirement with the bundled rules, the schedule costs
// within 3 % of the LP lower bound, meets every goal on the check's fresh
// replications, and writes a scenario ccsim run accepts, with shifts and
// breaks that add up to the schedule.
func TestScheduleDefault(t *testing.T) {
	dir := t.TempDir()
	written := filepath.Join(dir, "scheduled.toml")
	out, errs, code := ccsim(t, "schedule", "--rules", "default", "--json", "--write", written, "--out", filepath.Join(dir, "files"))
	if code != 0 {
		t.Fatalf("schedule exited %d: %s", code, errs)
	}
	var rep schedule.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("schedule --json: %v", err)
	}
	if rep.LowerBound <= 0 || rep.Cost < rep.LowerBound-1e-6 {
		t.Errorf("cost %.2f, lower bound %.2f: the bound must be positive and not above the cost", rep.Cost, rep.LowerBound)
	}
	if rep.GapPercent > 3 {
		t.Errorf("gap %.2f %% to the LP lower bound, want at most 3 %%", rep.GapPercent)
	}
	if v := rep.Verification; v.Intervals != 24 || v.AllMet != v.Intervals {
		t.Errorf("out of sample: every goal met in %d of %d intervals, want all 24 (missed: %+v)", v.AllMet, v.Intervals, rep.Missed)
	}
	shifts := 0
	for _, sh := range rep.Shifts {
		shifts += sh.Count
	}
	summary := fmt.Sprintf("%d shifts, %.1f paid hours, cost %s; LP lower bound %s, gap %.2f %%", shifts, rep.PaidHours,
		money(rep.Cost, rep.Currency), money(rep.LowerBound, rep.Currency), rep.GapPercent)
	if !strings.Contains(strings.Join(readmeLines(t), "\n"), summary) {
		t.Errorf("the README's walk-through lacks the schedule's summary %q", summary)
	}
	for _, c := range rep.Coverage {
		if c.Least < c.Required {
			t.Errorf("%s %s: %d agents on duty at the least, %d required", c.Group, c.Start, c.Least, c.Required)
		}
	}
	sc, err := loadScenario(written)
	if err != nil {
		t.Fatalf("the written scenario does not load: %v", err)
	}
	want, got, breaks := 0, 0, 0
	for _, sh := range rep.Shifts {
		want += sh.Count
	}
	for _, g := range sc.Groups {
		if g.Counts != nil {
			t.Errorf("group %s still planned by counts", g.Name)
		}
		for _, sh := range g.Shifts {
			got += sh.Count
			breaks += len(sh.Breaks)
		}
	}
	if got != want || breaks == 0 {
		t.Errorf("written scenario has %d agents on shifts (%d breaks), schedule %d", got, breaks, want)
	}
	for _, name := range []string{"report.html", "report.pdf", "charts/coverage.png", "charts/coverage.svg", "charts/coverage.pdf", "schedule.csv", "schedule.json"} {
		if st, err := os.Stat(filepath.Join(dir, "files", name)); err != nil || st.Size() == 0 {
			t.Errorf("--out wrote no %s: %v", name, err)
		}
	}
}

// TestScheduleBadRules checks that bad rules stop ccsim schedule before
// any simulation, with the file, line and key, and exit code 2.
func TestScheduleBadRules(t *testing.T) {
	dir := t.TempDir()
	rules := filepath.Join(dir, "rules.toml")
	text := "[starts]\nearliest = \"08:00\"\n\n[[shift_types]]\nname = \"full\"\nlength = \"8h\"\nmin_shar = 0.5\n"
	if err := os.WriteFile(rules, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, rules, want string }{
		{"unknown key", rules, rules + `:7: shift_types.min_shar: unknown key (did you mean "min_share"?)`},
		{"missing", filepath.Join(dir, "none.toml"), "no such file, and no bundled shift rules"},
	}
	for _, tc := range tests {
		_, errs, code := ccsim(t, "schedule", "--rules", tc.rules)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", tc.name, code, errs, tc.want)
		}
	}
	if _, errs, code := ccsim(t, "schedule"); code != 2 || !strings.Contains(errs, "--rules is required") {
		t.Errorf("no --rules: exit %d, stderr %q", code, errs)
	}
}

// TestScheduleVary checks schedule --vary: each variant scheduled and
// checked, the baseline first with no differences, the others' differences
// equal to their totals minus the baseline's, and FTE and annual cost from
// the week.
func TestScheduleVary(t *testing.T) {
	out, errs, code := ccsim(t, "schedule", "shifts", "--rules", "default", "--vary", "patience.mean=2m,4m", "--fte-hours", "40", "--json")
	if code != 0 {
		t.Fatalf("schedule --vary exited %d: %s", code, errs)
	}
	var got scheduleVariantsOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Variants) != 2 || len(got.Schedules) != 2 || got.Baseline != got.Variants[0].Label {
		t.Fatalf("want 2 variants with the first as baseline, got %+v", got.Variants)
	}
	b, v := got.Variants[0], got.Variants[1]
	if b.DeltaCost != 0 || b.DeltaPaidHours != 0 {
		t.Errorf("baseline differences %+v, want zero", b)
	}
	if v.DeltaCost != v.Cost-b.Cost || v.DeltaPaidHours != v.PaidHours-b.PaidHours || v.Cost != got.Schedules[1].Cost {
		t.Errorf("variant %+v: differences do not match the totals against %+v", v, b)
	}
	if want := v.PaidHours * 5 / 40; v.FTE != want {
		t.Errorf("FTE %g, want %g paid hours a day x 5 days / 40 h", v.FTE, want)
	}
	if v.AnnualCost != v.Cost*5*52 {
		t.Errorf("annual cost %g, want %g", v.AnnualCost, v.Cost*5*52)
	}
	for _, x := range got.Variants {
		if x.GoalsMet != x.Intervals || x.Intervals == 0 {
			t.Errorf("%s: goals met in %d of %d intervals", x.Label, x.GoalsMet, x.Intervals)
		}
	}
	if _, errs, code := ccsim(t, "schedule", "shifts", "--rules", "default", "--vary", "patience.mean=2m,4m", "--csv"); code != 2 || !strings.Contains(errs, "--vary prints a comparison") {
		t.Errorf("--vary with --csv: exit %d, stderr %q", code, errs)
	}
}

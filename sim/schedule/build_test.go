package schedule

import (
	"context"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim/simtest"
	"github.com/ccsim/ccsim/sim/staff"
)

// TestBuild schedules a small day end to end: the need starts at the
// plan's headcount and only rises by repairs, the schedule covers the
// final need at every moment, the scenario it staffs carries its shifts,
// and the check is the final schedule's.
func TestBuild(t *testing.T) {
	sc := simtest.KnownDay()
	sc.Replications = 4
	h, m := time.Hour, time.Minute
	rules := &Rules{Starts: Window{8 * h, 10 * h, 30 * m}, Types: []ShiftType{
		{Name: "half", Length: 4 * h, MaxShare: 1, Breaks: []Break{{Name: "b", Length: 15 * m, Earliest: 90 * m, Latest: 150 * m, Step: 15 * m}}},
	}}
	opts := Options{Goals: staff.Goals{OnMeans: true}, Staff: staff.Options{Workers: 2, VerifyReplications: 8}}
	res, err := Build(context.Background(), sc, rules, opts)
	if err != nil {
		t.Fatal(err)
	}
	first := NeedOf(sc, res.Plan)
	for k := range first.Agents[0] {
		if got, plan := res.Need.Agents[0][k], first.Agents[0][k]; got < plan {
			t.Errorf("interval %d: need %d below the plan's headcount %d", k, got, plan)
		}
	}
	raised := 0
	for _, r := range res.Repairs {
		for _, x := range r.Raised {
			if x.To <= x.From {
				t.Errorf("repair raised %s %s from %d to %d", x.Group, x.Interval, x.From, x.To)
			}
			raised++
		}
	}
	for _, c := range res.Schedule.Coverage {
		if c.Least < c.Required {
			t.Errorf("%s: %d on duty at the least, need %d", Clock(c.Start), c.Least, c.Required)
		}
	}
	if v := res.Check.Verification; v.AllMet != v.Intervals && len(res.Repairs) < DefaultMaxRepairs {
		t.Errorf("stopped after %d repairs with %d of %d intervals meeting every goal", len(res.Repairs), v.AllMet, v.Intervals)
	}
	if (res.Independent != nil) != (len(res.Repairs) > 0) {
		t.Errorf("independent check %v after %d repairs: want one exactly when there were repairs", res.Independent != nil, len(res.Repairs))
	}
	if ind := res.Independent; ind != nil && ind.Verification.Seed == res.Check.Verification.Seed {
		t.Errorf("independent check reused the check's seed %d", ind.Verification.Seed)
	}
	agents := 0
	for _, sh := range res.Scenario.Groups[0].Shifts {
		agents += sh.Count
	}
	want := 0
	for _, sh := range res.Schedule.Shifts {
		want += sh.Count
	}
	if agents != want || want == 0 {
		t.Errorf("staffed scenario has %d agents on shifts, schedule %d", agents, want)
	}
	if res.Schedule.Bound > res.Schedule.Cost+1e-9 || res.FirstBound > res.Schedule.Bound+1e-9 {
		t.Errorf("bounds: first %.1f, final %.1f, cost %.1f; want first <= final <= cost", res.FirstBound, res.Schedule.Bound, res.Schedule.Cost)
	}
	t.Logf("%d repairs raising %d needs; cost %.1f, bound %.1f; every goal in %d of %d intervals", len(res.Repairs), raised,
		res.Schedule.Cost, res.Schedule.Bound, res.Check.Verification.AllMet, res.Check.Verification.Intervals)
}

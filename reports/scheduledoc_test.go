package reports

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/schedule"
	"github.com/ccsim/ccsim/sim/staff"
)

// scheduleFixture is a day of four half-hours scheduled with one repair,
// whose independent check misses the service level at 08:30.
func scheduleFixture(currency string) Schedule {
	h, m := time.Hour, time.Minute
	st := func(v float64) sim.Stat { return sim.Stat{Mean: v, CI95: [2]float64{v - 0.03, v + 0.02}, N: 40} }
	checked := func(seed uint64, sls []float64, missed [][]string) *staff.Checked {
		c := &staff.Checked{Missed: missed, Results: &sim.Results{}}
		c.Verification = staff.Verification{Seed: seed, Replications: 40, Intervals: len(sls)}
		for k, sl := range sls {
			if len(missed[k]) == 0 {
				c.Verification.AllMet++
			}
			c.Results.Intervals = append(c.Results.Intervals, sim.Interval{Start: schedule.Clock(8*h + time.Duration(k)*30*m),
				Metrics: sim.Metrics{sim.MServiceLevel: st(sl), sim.MAbandonRate: st(0.05)}})
		}
		return c
	}
	sched := &schedule.Schedule{Cost: 210, Bound: 200, Hours: 7, Slot: 15 * m, Shifts: []schedule.Shift{
		{Group: "a", Type: "full", Start: 8 * h, End: 10 * h, Count: 3, Cost: 60, PaidHours: 2,
			Breaks: []schedule.BreakAt{{Name: "break", Start: 9 * h, Length: 15 * m}}},
		{Group: "a", Type: "part", Start: 9 * h, End: 10 * h, Count: 1, Cost: 30, PaidHours: 1},
	}}
	for k, c := range [][2]float64{{2, 3}, {3, 3}, {4, 4}, {3, 4}} {
		sched.Coverage = append(sched.Coverage, schedule.Coverage{Group: "a", Start: 8*h + time.Duration(k)*30*m,
			Required: int(c[0]), Scheduled: c[1], Least: int(c[1])})
	}
	none := [][]string{{}, {}, {}, {}}
	res := &schedule.Result{
		Plan:        &staff.Plan{Scenario: "Tiny day", Goals: staff.GoalsJSON{Target: 0.8, ThresholdSeconds: 20}, Method: "search."},
		Schedule:    sched,
		FirstCost:   180,
		FirstBound:  175,
		Repairs:     []schedule.Repair{{Missed: 1, Raised: []schedule.Raise{{Group: "a", Interval: "08:30", From: 2, To: 3}}}},
		Check:       checked(11, []float64{0.9, 0.82, 0.95, 0.85}, none),
		Independent: checked(12, []float64{0.9, 0.78, 0.95, 0.85}, [][]string{{}, {staff.GoalServiceLevel}, {}, {}}),
	}
	rules := &schedule.Rules{Name: "tiny rules", Starts: schedule.Window{Earliest: 8 * h, Latest: 9 * h, Step: 30 * m},
		Types: []schedule.ShiftType{
			{Name: "full", Length: 2 * h, MinShare: 0.5, MaxShare: 1, Breaks: []schedule.Break{{Name: "break", Length: 15 * m, Earliest: h, Latest: h}}},
			{Name: "part", Length: h, MaxShare: 0.5, CostPerShift: 5},
		}}
	return Schedule{Result: res, Rules: rules, Report: res.Report(rules.Name, currency)}
}

func TestScheduleVerdict(t *testing.T) {
	got := scheduleVerdict(scheduleFixture("EUR"))
	want := []string{
		"After 1 repair, the schedule meets every goal (80 % answered within 20 s) in 4 of 4 intervals on 40 fresh replications.",
		"On an independent check it meets every goal in 3 of 4 intervals on 40 fresh replications (seed 12, which no repair saw); " +
			"it misses in 08:30–09:00 (08:30 service_level).",
		"4 shifts, 7.0 paid agent-hours, cost 210 EUR, 5.00 % above the LP lower bound of 200 EUR.",
		"Biggest risk: the 08:30 interval, closest to the service-level target (80 %): 78.0% [75.0%, 80.0%] answered within 20 s, " +
			"5.0% abandoned, with 3 agents on duty at the fewest for 3 required.",
		"The largest over-cover, the price of the shift rules, is at 08:00: 3.0 agents on duty on average for 2 required (+1.0).",
	}
	if !slices.Equal(got, want) {
		t.Errorf("scheduleVerdict =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := scheduleVerdict(scheduleFixture(""))[2]; !strings.HasSuffix(got, "cost 210.0, 5.00 % above the LP lower bound of 200.0 (no cost model: shift types without cost_per_hour cost 1 a paid hour).") {
		t.Errorf("without a currency: %q", got)
	}
}

func TestOverCoverNone(t *testing.T) {
	if got := overCover([]string{"08:00"}, []float64{3}, []float64{3}); !strings.Contains(got, "no over-cover") {
		t.Errorf("overCover with none = %q", got)
	}
}

// TestScheduleFiles checks the files of a schedule report and the tables
// its HTML shows.
func TestScheduleFiles(t *testing.T) {
	s := scheduleFixture("EUR")
	var names []string
	for _, f := range s.Files(nil) {
		names = append(names, f.Name)
	}
	want := []string{"report.html", "report.pdf", "charts/coverage.png", "charts/coverage.svg", "charts/coverage.pdf", "schedule.csv", "schedule.json"}
	if !slices.Equal(names, want) {
		t.Errorf("Files = %q, want %q", names, want)
	}
	d := s.document()
	if got := d.More[0].Rows; len(got) != 2 || !slices.Equal(got[0], []string{"full", "2h", "2", "08:00–09:00 every 30m", "15m break", "≥ 50 %", "group's hourly cost", "3"}) ||
		got[1][5] != "≤ 50 %" || got[1][6] != "group's hourly cost + 5.00 EUR a shift" || got[1][4] != "none" {
		t.Errorf("shift types rows = %q", got)
	}
	if got := d.Details[0].Rows[1]; !slices.Equal(got, []string{"a", "part", "09:00", "10:00", "", "1", "1", "30.00", "30.00"}) {
		t.Errorf("second shift row = %q", got)
	}
	if got := d.Details[1].Rows[3]; !slices.Equal(got, []string{"09:30", "3", "4", "4.0", "+1.0", "85.0%", "met"}) {
		t.Errorf("coverage row 09:30 = %q", got)
	}
	if got := d.Details[2].Rows; len(got) != 1 || got[0][2] != "a 08:30 2→3" {
		t.Errorf("repairs rows = %q", got)
	}
	var b bytes.Buffer
	if err := s.Files([]Format{HTML})[0].Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{`id="verdict"`, `id="table-shift-types"`, `id="table-shifts"`, `id="table-coverage"`, `id="chart-coverage"`} {
		if !strings.Contains(b.String(), id) {
			t.Errorf("report.html has no %s", id)
		}
	}
}

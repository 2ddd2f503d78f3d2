package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

func planFixture() *staff.Plan {
	cost := 100.0
	pl := &staff.Plan{Scenario: "t", Groups: []string{"a", "b"}, Goals: staff.GoalsJSON{Target: 0.8, ThresholdSeconds: 20}, AgentHours: 3, Cost: &cost}
	for i, start := range []string{"08:00", "08:30"} {
		sl := sim.Stat{Mean: 0.85, CI95: [2]float64{0.82, 0.88}, N: 10}
		pl.Intervals = append(pl.Intervals, staff.Interval{Start: start, ErlangC: 6 + i, ErlangA: 5 + i, Simulated: 5 + i, Scheduled: 6 + i,
			ServiceLevel: sl, AgentHours: 1.5, Cost: &cost,
			Groups: []staff.GroupNeed{{Group: "a", Simulated: 3 + i, Scheduled: 4 + i}, {Group: "b", Simulated: 2, Scheduled: 2}},
			Skills: []staff.SkillFigures{{Skill: "", Group: "a", ServiceLevel: sl}, {Skill: "care", Group: "b", ServiceLevel: sl}}})
	}
	return pl
}

func TestStaffingPlanChart(t *testing.T) {
	c := StaffingPlanChart(StaffingPlan{Plan: planFixture(), Current: []float64{4, 9}})
	if c.Name != "staffing-plan" || len(c.Panels) != 3 {
		t.Fatalf("chart %q with %d panels", c.Name, len(c.Panels))
	}
	var labels []string
	for _, s := range c.Panels[0].Series {
		labels = append(labels, s.Label)
	}
	want := "Erlang C (no abandonment)|Erlang A|simulated requirement|scheduled headcount (after shrinkage)|on duty before (scenario as given)"
	if strings.Join(labels, "|") != want {
		t.Errorf("agent series %q, want %q", labels, want)
	}
	if y := c.Panels[0].Series[2].Y; y[0] != 5 || y[1] != 6 {
		t.Errorf("simulated series %v, want [5 6]", y)
	}
	if n := len(c.Panels[1].Series); n != 3 {
		t.Errorf("service-level panel has %d series, want all contacts and 2 skills", n)
	}
	if n := len(c.Panels[2].Series); n != 2 {
		t.Errorf("group panel has %d series, want 2", n)
	}
}

func TestStaffingPlanFiles(t *testing.T) {
	sp := StaffingPlan{Plan: planFixture()}
	var names []string
	for _, f := range sp.Files([]Format{CSV, JSON, SVG}) {
		names = append(names, f.Name)
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		if f.Name == "staffing.csv" && !strings.Contains(b.String(), "08:30,total,7,6,6,7,1.5,100,0.85,0.82,0.88,0,0") {
			t.Errorf("staffing.csv:\n%s", b.String())
		}
	}
	if got := strings.Join(names, " "); got != "charts/staffing-plan.svg staffing.csv plan.json" {
		t.Errorf("files %q", got)
	}
}

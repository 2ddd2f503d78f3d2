package reports

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// twoPlans is a comparison of two hand-made plans of three intervals.
func twoPlans() PlanComparison {
	cost := func(m float64) *sim.Stat { return &sim.Stat{Mean: m, CI95: [2]float64{m - 1, m + 1}, N: 10} }
	ivs := func(sched ...int) []staff.IntervalDelta {
		var out []staff.IntervalDelta
		for i, s := range sched {
			out = append(out, staff.IntervalDelta{Start: []string{"08:00", "08:30", "09:00"}[i], Scheduled: s, DeltaAgents: s - []int{10, 12, 9}[i],
				DeltaAgentHours: float64(s-[]int{10, 12, 9}[i]) / 2, DeltaCost: cost(float64(s-[]int{10, 12, 9}[i]) * 15)})
		}
		return out
	}
	c := &staff.Comparison{Baseline: "containment 70 %", Week: staff.WeekJSON{FTEHours: 37.5, Days: 5, Weeks: 52},
		Variants: []staff.Variant{
			{Label: "containment 70 %", AgentHours: 15.5, FTE: 2.07, Cost: cost(465), AnnualCost: cost(120900), DeltaCost: cost(0), DeltaAnnualCost: cost(0), Intervals: ivs(10, 12, 9)},
			{Label: "containment 50 %", AgentHours: 18, FTE: 2.4, DeltaAgentHours: 2.5, DeltaFTE: 0.33, Cost: cost(540), AnnualCost: cost(140400),
				DeltaCost: cost(75), DeltaAnnualCost: cost(19500), Intervals: ivs(12, 13, 11), SearchDeltaAgentHours: cost(2.4)},
		}, Searches: 5}
	plan := &staff.Plan{Scenario: "Test day", Currency: "EUR", Goals: staff.GoalsJSON{Target: 0.8, ThresholdSeconds: 20},
		Verification: staff.Verification{Intervals: 3, AllMet: 3}}
	return PlanComparison{Comparison: c, Plans: []*staff.Plan{plan, plan}}
}

// TestPlanComparison checks the files, the verdict (each variant's
// differences with the cost interval), the difference bars and the CSV.
func TestPlanComparison(t *testing.T) {
	pc := twoPlans()
	var names []string
	for _, f := range pc.Files([]Format{HTML, CSV, JSON, PNG}) {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "report.html charts/plan-comparison.png plan-comparison.csv comparison.json" {
		t.Errorf("files %s", got)
	}
	v := strings.Join(pc.document().Verdict, " ")
	for _, want := range []string{"Baseline containment 70 %: 15.5 agent-hours a day, cost 465 EUR a day; its plan meets every goal (80 % answered within 20 s) in 3 of 3 intervals out of sample.",
		"Against the baseline, containment 50 % needs +2.5 agent-hours a day (+0.33 FTE)",
		"+75.00 EUR a day (95 % CI [74.00, 76.00])", "+19,500 EUR a year", "every goal in 3 of 3 intervals", "(over 5 paired searches +2.4, 95 % CI [1.4, 3.4])"} {
		if !strings.Contains(v, want) {
			t.Errorf("verdict lacks %q:\n%s", want, v)
		}
	}
	ch := PlanComparisonChart(pc)
	bars := ch.Panels[1].Series[0]
	if bars.Kind != Bars || len(bars.Y) != 3 || bars.Y[0] != 2 || bars.Y[1] != 1 || bars.Y[2] != 2 {
		t.Errorf("difference bars %+v, want 2, 1, 2", bars)
	}
	if r := ch.Panels[1].Rules; len(r) != 1 || r[0].Value != 0 {
		t.Errorf("difference panel rules %+v, want a zero line", r)
	}
	var b bytes.Buffer
	if err := WritePlanComparisonCSV(&b, pc.Comparison); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || strings.Join(rows[4], ",") != "containment 50 %,08:00,12,2,1,30,29,31" {
		t.Errorf("CSV rows %q", rows)
	}
	var html bytes.Buffer
	if err := pc.Files([]Format{HTML})[0].Write(&html); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), "Staffing plan comparison") || !strings.Contains(html.String(), "75.00 EUR a day") {
		t.Errorf("HTML lacks the kind or the cost difference")
	}
}

// TestPlanComparisonMisses gives the variant's plan an interval that misses
// the service level: the verdict says where, and names it the biggest risk.
func TestPlanComparisonMisses(t *testing.T) {
	pc := twoPlans()
	sl := func(m float64) sim.Stat { return sim.Stat{Mean: m, CI95: [2]float64{m - 0.02, m + 0.02}, N: 10} }
	low := *pc.Plans[1]
	low.Verification.AllMet = 2
	low.Intervals = []staff.Interval{
		{Start: "08:00", Simulated: 12, Met: true, ServiceLevel: sl(0.85), AbandonRate: sl(0.03)},
		{Start: "08:30", Simulated: 13, Missed: []string{staff.GoalServiceLevel}, ServiceLevel: sl(0.76), AbandonRate: sl(0.06)},
		{Start: "09:00", Simulated: 11, Met: true, ServiceLevel: sl(0.9), AbandonRate: sl(0.02)},
	}
	pc.Plans[1] = &low
	v := pc.document().Verdict
	if len(v) != 3 {
		t.Fatalf("verdict %q, want the baseline, the variant and the risk", v)
	}
	if want := "its plan meets every goal in 2 of 3 intervals out of sample; it misses in 08:30–09:00 (08:30 service_level)."; !strings.HasSuffix(v[1], want) {
		t.Errorf("variant sentence %q, want it to end %q", v[1], want)
	}
	if want := "Biggest risk: in containment 50 %, the 08:30 interval, closest to the service-level target with 13 agents: 76.0% [74.0%, 78.0%], 6.0% abandoned."; v[2] != want {
		t.Errorf("risk %q, want %q", v[2], want)
	}
}

// TestPlanRiskByChannel: with channel goals, the biggest risk is the channel
// closest to its own target, even where the interval as a whole is fine.
func TestPlanRiskByChannel(t *testing.T) {
	pc := twoPlans()
	sl := func(m float64) sim.Stat { return sim.Stat{Mean: m, CI95: [2]float64{m - 0.02, m + 0.02}, N: 10} }
	pl := *pc.Plans[0]
	pl.Goals.Channels = []staff.ChannelGoalsJSON{{Channel: "voice", Target: 0.8, ThresholdSeconds: 20}, {Channel: "chat", Target: 0.8, ThresholdSeconds: 60}}
	pl.Intervals = []staff.Interval{
		{Start: "08:00", Simulated: 12, Met: true, ServiceLevel: sl(0.82), AbandonRate: sl(0.03),
			Channels: []staff.ChannelFigures{{Channel: "voice", ServiceLevel: sl(0.9)}, {Channel: "chat", ServiceLevel: sl(0.84)}}},
		{Start: "08:30", Simulated: 13, Met: true, ServiceLevel: sl(0.88), AbandonRate: sl(0.02),
			Channels: []staff.ChannelFigures{{Channel: "voice", ServiceLevel: sl(0.81), AbandonRate: sl(0.04)}, {Channel: "chat", ServiceLevel: sl(0.95)}}},
	}
	v := planVerdict(&pl)
	want := "Biggest risk: voice in the 08:30 interval, closest to its service-level target (80 %) with 13 agents: 81.0% [79.0%, 83.0%], 4.0% abandoned."
	if v[len(v)-1] != want {
		t.Errorf("risk %q, want %q", v[len(v)-1], want)
	}
	pl.Goals.Channels = nil
	if v := planVerdict(&pl); !strings.Contains(v[len(v)-1], "the 08:00 interval") {
		t.Errorf("without channel goals the risk is the interval closest overall: %q", v[len(v)-1])
	}
}

package staff

import (
	"context"
	"math"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// TestCompare sets two plans side by side (more traffic in the variant)
// and checks the bookkeeping against the plans, and that the paired cost
// difference is tighter than an independent one.
func TestCompare(t *testing.T) {
	base, more := skillDay(), skillDay()
	for _, sc := range []*sim.Scenario{base, more} {
		sc.Costs = &sim.Costs{AgentHour: 30, Abandoned: 5, Currency: "EUR"}
	}
	more.Arrivals.DayFactor = 1.15
	var plans []*Plan
	for _, sc := range []*sim.Scenario{base, more} {
		pl, err := Search(context.Background(), sc, Goals{}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, pl)
	}
	week := Week{FTEHours: 40, Days: 6}
	c, err := Compare([]string{"base", "more"}, plans, week)
	if err != nil {
		t.Fatal(err)
	}
	b, v := c.Variants[0], c.Variants[1]
	if b.DeltaAgentHours != 0 || b.DeltaCost.Mean != 0 || b.DeltaCost.CI95 != [2]float64{0, 0} {
		t.Errorf("baseline against itself: %+v, want zero differences", b)
	}
	if got, want := v.DeltaAgentHours, plans[1].AgentHours-plans[0].AgentHours; got != want || got <= 0 {
		t.Errorf("Δ agent-hours = %g, want %g (> 0: more traffic)", got, want)
	}
	if got, want := v.FTE, plans[1].AgentHours*6/40; math.Abs(got-want) > 1e-9 {
		t.Errorf("FTE = %g, want %g", got, want)
	}
	if got, want := v.DeltaCost.Mean, *plans[1].Cost-*plans[0].Cost; math.Abs(got-want) > 1e-6 {
		t.Errorf("Δ cost = %g, want the plans' difference %g", got, want)
	}
	if got, want := v.DeltaAnnualCost.Mean, v.DeltaCost.Mean*6*52; math.Abs(got-want) > 1e-6 {
		t.Errorf("Δ annual cost = %g, want %g", got, want)
	}
	sum := 0.0
	for k, iv := range v.Intervals {
		sum += iv.DeltaAgentHours
		if want := plans[1].Intervals[k].Scheduled - plans[0].Intervals[k].Scheduled; iv.DeltaAgents != want {
			t.Errorf("%s: Δ agents %d, want %d", iv.Start, iv.DeltaAgents, want)
		}
	}
	if math.Abs(sum-v.DeltaAgentHours) > 1e-9 {
		t.Errorf("interval Δ agent-hours sum to %g, total %g", sum, v.DeltaAgentHours)
	}
	welch := sim.WelchDiff(dayCosts(plans[0], -1), dayCosts(plans[1], -1))
	if v.DeltaCost.HalfWidth() >= welch.HalfWidth() {
		t.Errorf("paired Δ cost ± %g, independent ± %g: want the paired one tighter", v.DeltaCost.HalfWidth(), welch.HalfWidth())
	}
	if _, err := Compare([]string{"a", "b"}, []*Plan{plans[0], {Intervals: plans[0].Intervals[:1], Results: plans[0].Results}}, week); err != ErrIncomparable {
		t.Errorf("Compare of plans with different intervals: %v, want ErrIncomparable", err)
	}
}

func TestWeekValidate(t *testing.T) {
	tests := []struct {
		name string
		w    Week
		ok   bool
	}{
		{"zero value", Week{}, true},
		{"7 days", Week{FTEHours: 40, Days: 7}, true},
		{"8 days", Week{Days: 8}, false},
		{"negative hours", Week{FTEHours: -1}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.w.Validate(); (err == nil) != tc.ok {
				t.Errorf("Validate() = %v, want ok %v", err, tc.ok)
			}
		})
	}
	if got := (Week{}).FTE(75); got != 10 {
		t.Errorf("FTE(75 h) of the default week = %g, want 10", got)
	}
}

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

// TestCompareRepeats: the Δ agents and agent-hours over paired searches
// average the plans' Δ with the repeats' Δ, seed by seed, and carry a
// confidence interval around that mean; the baseline differs from itself
// by nothing.
func TestCompareRepeats(t *testing.T) {
	base, more := skillDay(), skillDay()
	more.Arrivals.DayFactor = 1.15
	var plans []*Plan
	var repeats [][]Repeat
	for _, sc := range []*sim.Scenario{base, more} {
		pl, err := Search(context.Background(), sc, Goals{}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := Repeats(context.Background(), sc, Goals{}, Options{}, 3)
		if err != nil {
			t.Fatal(err)
		}
		plans, repeats = append(plans, pl), append(repeats, rs)
	}
	for j, r := range repeats[1] {
		if r.Seed != repeats[0][j].Seed || r.Seed == SearchSeed(base.Seed, 0) || r.Seed != SearchSeed(base.Seed, j+1) {
			t.Errorf("repeat %d: seeds %d and %d, want both SearchSeed(%d, %d) = %d", j+1, repeats[0][j].Seed, r.Seed, base.Seed, j+1, SearchSeed(base.Seed, j+1))
		}
	}
	c, err := CompareRepeats([]string{"base", "more"}, plans, repeats, Week{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Searches != 4 {
		t.Errorf("Searches = %d, want 4", c.Searches)
	}
	if s := c.Variants[0].SearchDeltaAgentHours; s.Mean != 0 || s.CI95 != [2]float64{0, 0} || s.N != 4 {
		t.Errorf("baseline against itself: %+v, want 0 over 4 searches", s)
	}
	v := c.Variants[1]
	hours := v.DeltaAgentHours
	for j, r := range repeats[1] {
		hours += r.AgentHours - repeats[0][j].AgentHours
	}
	if got := v.SearchDeltaAgentHours; math.Abs(got.Mean-hours/4) > 1e-9 || !(got.CI95[0] <= got.Mean && got.Mean <= got.CI95[1]) || got.Mean <= 0 {
		t.Errorf("Δ agent-hours over searches %+v, want mean %g (> 0: more traffic) inside its interval", got, hours/4)
	}
	for k, iv := range v.Intervals {
		d := float64(iv.DeltaAgents)
		for j, r := range repeats[1] {
			d += float64(r.Scheduled[k] - repeats[0][j].Scheduled[k])
		}
		if got := iv.SearchDeltaAgents; math.Abs(got.Mean-d/4) > 1e-9 || got.N != 4 || got.CI95[0] > got.Mean || got.CI95[1] < got.Mean {
			t.Errorf("%s: Δ agents over searches %+v, want mean %g inside its interval", iv.Start, got, d/4)
		}
	}
	if _, err := CompareRepeats([]string{"base", "more"}, plans, [][]Repeat{repeats[0], repeats[1][:2]}, Week{}); err == nil {
		t.Errorf("CompareRepeats with 3 and 2 repeats: no error")
	}
}

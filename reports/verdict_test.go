package reports

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

func TestSpans(t *testing.T) {
	starts := []string{"08:00", "08:30", "09:00", "09:30", "10:00"}
	tests := []struct {
		name   string
		marked []bool
		want   []string
	}{
		{"none", []bool{false, false, false, false, false}, nil},
		{"one in the middle", []bool{false, true, false, false, false}, []string{"08:30–09:00"}},
		{"two runs", []bool{true, true, false, true, false}, []string{"08:00–09:00", "09:30–10:00"}},
		{"to the end", []bool{false, false, false, true, true}, []string{"09:30–10:30"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := spans(starts, tc.marked); !slices.Equal(got, tc.want) {
				t.Errorf("spans = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRunVerdict builds a day whose intervals 2 and 3 miss the target and
// checks the three sentences.
func TestRunVerdict(t *testing.T) {
	st := func(m, lo, hi float64) sim.Stat { return sim.Stat{Mean: m, CI95: [2]float64{lo, hi}, N: 5} }
	res := &sim.Results{Target: 0.8, Threshold: 20, Currency: "EUR", Metrics: sim.Metrics{
		sim.MServiceLevel: st(0.83, 0.81, 0.85), sim.MAgentHours: st(1234.5, 1234.5, 1234.5),
		sim.MCost: st(20691.4, 20500, 20900), sim.MCostPerContact: st(2.874, 2.8, 2.9), sim.MAbandonRate: st(0.04, 0.03, 0.05)}}
	for i, sl := range []float64{0.9, 0.85, 0.7, 0.6, 0.95} {
		res.Intervals = append(res.Intervals, sim.Interval{Start: []string{"08:00", "08:30", "09:00", "09:30", "10:00"}[i],
			Metrics: sim.Metrics{sim.MServiceLevel: st(sl, sl-0.05, sl+0.04), sim.MAbandonRate: st(0.1, 0.08, 0.12),
				sim.MOccupancy: st(0.9, 0.88, 0.92)}})
	}
	v := runVerdict(res)
	want := []string{
		"Service-level goal (80 % answered within 20 s) met for the day: 83.0% [81.0%, 85.0%]; missed in 2 of 5 intervals (09:00–10:00).",
		"1,234.5 scheduled agent-hours; cost 20,691 EUR (2.87 EUR per contact offered).",
		"Biggest risk: the 09:30 interval, service level 60.0% [55.0%, 64.0%] with 10.0% abandonment and 90.0% occupancy.",
	}
	if !slices.Equal(v, want) {
		t.Errorf("runVerdict =\n%s\nwant\n%s", strings.Join(v, "\n"), strings.Join(want, "\n"))
	}
	delete(res.Metrics, sim.MCost)
	if got := effortSentence(res.Metrics, ""); !strings.HasSuffix(got, "no cost model ([costs] in the scenario).") {
		t.Errorf("without costs: %q", got)
	}
}

package erlang

import (
	"math"
	"testing"
)

// TestServiceLevel checks published Erlang C service levels and Erlang A
// ones computed independently with mpmath (see TestFigures).
func TestServiceLevel(t *testing.T) {
	erlangA14 := withPatience(published, 120)
	erlangA8 := withPatience(withAgents(published, 8), 60)
	oneAgent := Queue{Rate: 1.0 / 200, AHT: 180, Agents: 1, Patience: 300}
	tests := []struct {
		name      string
		q         Queue
		threshold float64
		def       Definition
		want      float64
		tol       float64
	}{
		{"published 14 agents", published, 20, Offered, 0.8883500192, 1e-10},
		{"published 11 agents", withAgents(published, 11), 20, Offered, 0.3896138, 1e-7},
		{"published 13 agents", withAgents(published, 13), 20, Offered, 0.795594788417783, 1e-13},
		{"published answered", published, 20, Answered, 0.8883500192, 1e-10},
		{"published empty definition", published, 20, "", 0.8883500192, 1e-10},
		{"Erlang C unstable", withAgents(published, 10), 20, Offered, 0, 0},
		{"zero rate", Queue{AHT: 60, Agents: 1, Patience: 30}, 20, Offered, 1, 0},
		{"Erlang A 14 offered", erlangA14, 20, Offered, 0.93272958069805967, 1e-13},
		{"Erlang A 14 answered", erlangA14, 20, Answered, 0.95453037339945375, 1e-13},
		{"Erlang A 14 excluding short abandons", erlangA14, 20, ExclShortAbandons, 0.94621987032612353, 1e-13},
		{"Erlang A 8 offered", erlangA8, 20, Offered, 0.52755245944529648, 1e-13},
		{"Erlang A 8 answered", erlangA8, 20, Answered, 0.73103935616352604, 1e-13},
		{"Erlang A 8 excluding short abandons", erlangA8, 20, ExclShortAbandons, 0.62312264107357869, 1e-13},
		{"one agent offered", oneAgent, 30, Offered, 0.42230193561926192, 1e-13},
		{"one agent answered", oneAgent, 30, Answered, 0.60332281083038934, 1e-13},
		{"one agent excluding short abandons", oneAgent, 30, ExclShortAbandons, 0.44800361606451461, 1e-13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.q.ServiceLevel(tc.threshold, tc.def); !near(got, tc.want, tc.tol) {
				t.Errorf("ServiceLevel(%v, %q) = %v, want %v", tc.threshold, tc.def, got, tc.want)
			}
		})
	}
}

func TestServiceLevelInvalid(t *testing.T) {
	tests := []struct {
		name      string
		q         Queue
		threshold float64
		def       Definition
	}{
		{"negative threshold", published, -1, Offered},
		{"NaN threshold", published, math.NaN(), Offered},
		{"unknown definition", published, 20, "abandoned"},
		{"invalid queue", Queue{Rate: 1, AHT: 1}, 20, Offered},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.q.ServiceLevel(tc.threshold, tc.def); !math.IsNaN(got) {
				t.Errorf("ServiceLevel(%v, %q) = %v, want NaN", tc.threshold, tc.def, got)
			}
		})
	}
}

func TestDefinitionValidate(t *testing.T) {
	for _, d := range []Definition{"", Offered, Answered, ExclShortAbandons} {
		if err := d.Validate(); err != nil {
			t.Errorf("Definition(%q).Validate() = %v, want nil", d, err)
		}
	}
	if err := Definition("Offered").Validate(); err == nil {
		t.Errorf("Definition(%q).Validate() = nil, want an error", "Offered")
	}
}

// TestServiceLevelOrder checks offered ≤ excluding short abandons ≤
// answered, equality without abandonment, and growth with the threshold.
func TestServiceLevelOrder(t *testing.T) {
	for _, c := range []int{1, 8, 14, 120} {
		for _, patience := range []float64{0, 10, 120, 900} {
			q := withPatience(Queue{Rate: float64(c) / 200, AHT: 180, Agents: c}, patience)
			prev := -1.0
			for _, threshold := range []float64{0, 1, 10, 20, 60, 300, 3600} {
				off := q.ServiceLevel(threshold, Offered)
				excl := q.ServiceLevel(threshold, ExclShortAbandons)
				ans := q.ServiceLevel(threshold, Answered)
				if !(off <= excl+1e-15 && excl <= ans+1e-15) {
					t.Errorf("%+v, %v s: offered, excl, answered = %v, %v, %v, want ascending", q, threshold, off, excl, ans)
				}
				if patience == 0 && (off != excl || excl != ans) {
					t.Errorf("%+v, %v s: offered, excl, answered = %v, %v, %v, want equal without abandonment", q, threshold, off, excl, ans)
				}
				if off < prev {
					t.Errorf("%+v: ServiceLevel(%v) = %v, want at least %v at a shorter threshold", q, threshold, off, prev)
				}
				prev = off
			}
		}
	}
}

// TestServiceLevelThresholdZero checks that only arrivals finding a free
// agent are answered within 0 s: SL(0, Offered) = 1 − PWait.
func TestServiceLevelThresholdZero(t *testing.T) {
	for _, q := range []Queue{published, withAgents(published, 11), withPatience(published, 60),
		withPatience(withAgents(published, 6), 30), {Rate: 2, AHT: 100, Agents: 250, Patience: 200}} {
		if got, want := q.ServiceLevel(0, Offered), 1-q.Figures().PWait; !near(got, want, 1e-14) {
			t.Errorf("%+v: ServiceLevel(0, Offered) = %v, want 1 − PWait = %v", q, got, want)
		}
	}
}

// TestServiceLevelLimits checks Erlang A service levels approach Erlang C
// as patience grows.
func TestServiceLevelLimits(t *testing.T) {
	for _, c := range []int{11, 14, 30} {
		q := withAgents(published, c)
		for _, d := range []Definition{Offered, Answered, ExclShortAbandons} {
			for _, threshold := range []float64{0, 20, 120} {
				want := q.ServiceLevel(threshold, d)
				if got := withPatience(q, 1e9).ServiceLevel(threshold, d); !near(got, want, 1e-5) {
					t.Errorf("%d agents patience 1e9: ServiceLevel(%v, %s) = %v, want %v", c, threshold, d, got, want)
				}
				if got := withPatience(q, 1e12).ServiceLevel(threshold, d); !near(got, want, 1e-8) {
					t.Errorf("%d agents patience 1e12: ServiceLevel(%v, %s) = %v, want %v", c, threshold, d, got, want)
				}
			}
		}
	}
}

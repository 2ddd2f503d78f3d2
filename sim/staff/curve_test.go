package staff

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
	"github.com/ccsim/ccsim/sim/simtest"
)

// TestSimulateCurve simulates the staffing curve of a small day's busiest
// interval and checks it against Erlang A.
func TestSimulateCurve(t *testing.T) {
	sc := simtest.SmallDay()
	ctx := context.Background()
	res, err := sim.Run(ctx, sc, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := BusiestInterval(res); got != 1 {
		t.Fatalf("BusiestInterval = %d, want 1", got)
	}
	st, err := SimulateCurve(ctx, sc, res, CurveOptions{Replications: 2, Contacts: 800, Points: 6})
	if err != nil {
		t.Fatalf("SimulateCurve: %v", err)
	}
	load := st.Queue.Load()
	if st.Interval != "busiest interval 08:30" || math.Abs(load-30) > 6 || st.Queue.Patience != 120 {
		t.Errorf("staffing queue = %s, load %.1f, patience %v; want busiest interval 08:30, load about 30, patience 120",
			st.Interval, load, st.Queue.Patience)
	}
	if math.Abs(st.Staffed-32) > 0.5 {
		t.Errorf("staffed = %v, want about 32", st.Staffed)
	}
	if len(st.Points) < 6 || len(st.Points) > 7 {
		t.Errorf("%d staffing points, want 6 or 7", len(st.Points))
	}
	first, last := st.Points[0].Metrics[sim.MServiceLevel].Mean, st.Points[len(st.Points)-1].Metrics[sim.MServiceLevel].Mean
	if !(first < last && last > 0.9) {
		t.Errorf("service level from %d to %d agents: %v to %v; want rising to above 0.9", st.Points[0].Agents, st.Points[len(st.Points)-1].Agents, first, last)
	}
	for _, p := range st.Points {
		q := st.Queue
		q.Agents = p.Agents
		want := q.Figures().PAbandon
		if got := p.Metrics[sim.MAbandonRate].Mean; math.Abs(got-want) > 0.05 {
			t.Errorf("abandonment at %d agents = %.3f, Erlang A %.3f; want within 0.05", p.Agents, got, want)
		}
	}
}

// TestSimulateCurveNoLoad: no contacts to agents, no curve.
func TestSimulateCurveNoLoad(t *testing.T) {
	sc := simtest.SmallDay()
	res := &sim.Results{Metrics: sim.Metrics{sim.MToHuman: {Mean: 0}}}
	if _, err := SimulateCurve(context.Background(), sc, res, CurveOptions{}); !errors.Is(err, ErrNoLoad) {
		t.Errorf("SimulateCurve without load = %v, want ErrNoLoad", err)
	}
}

// TestAgentCounts checks which agent counts the curve simulates.
func TestAgentCounts(t *testing.T) {
	tests := []struct {
		name    string
		lo, hi  int
		k       int
		staffed float64
		want    []int
	}{
		{"every count", 5, 9, 12, 0, []int{5, 6, 7, 8, 9}},
		{"thinned", 40, 63, 12, 0, []int{40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62}},
		{"staffed added", 40, 63, 12, 53.2, []int{40, 42, 44, 46, 48, 50, 52, 53, 54, 56, 58, 60, 62}},
		{"staffed present", 40, 63, 12, 52, []int{40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62}},
		{"staffed outside", 5, 9, 12, 20, []int{5, 6, 7, 8, 9}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := agentCounts(tc.lo, tc.hi, tc.k, tc.staffed); !slices.Equal(got, tc.want) {
				t.Errorf("agentCounts(%d, %d, %d, %v) = %v, want %v", tc.lo, tc.hi, tc.k, tc.staffed, got, tc.want)
			}
		})
	}
}

// TestStaffingRange checks the span of agent counts around the load.
func TestStaffingRange(t *testing.T) {
	tests := []struct {
		name           string
		q              erlang.Queue
		staffed        float64
		wantLo, wantHi int
	}{
		{"erlang A", erlang.Queue{Rate: 1, AHT: 50, Patience: 120}, 0, 42, 76},
		{"erlang C starts at 95 % occupancy", erlang.Queue{Rate: 1, AHT: 50}, 0, 53, 76},
		{"staffed below", erlang.Queue{Rate: 1, AHT: 50, Patience: 120}, 30, 29, 76},
		{"staffed above", erlang.Queue{Rate: 1, AHT: 50, Patience: 120}, 90, 42, 92},
		{"tiny load", erlang.Queue{Rate: 0.001, AHT: 100}, 0, 1, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi := staffingRange(tc.q, tc.staffed)
			if lo != tc.wantLo || hi != tc.wantHi {
				t.Errorf("staffingRange(load %v, staffed %v) = %d..%d, want %d..%d", tc.q.Load(), tc.staffed, lo, hi, tc.wantLo, tc.wantHi)
			}
		})
	}
}

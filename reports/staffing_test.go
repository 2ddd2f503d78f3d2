package reports

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
	"github.com/ccsim/ccsim/sim/simtest"
)

func TestStaffingChartCurves(t *testing.T) {
	tests := []struct {
		name       string
		patience   float64
		wantSeries []string // labels of the service-level panel's series
	}{
		{"impatient", 180, []string{"Erlang C (no abandonment)", "Erlang A (mean patience 180 s)", "simulation, mean and 95 % CI"}},
		{"patient", 0, []string{"Erlang C (no abandonment)", "simulation, mean and 95 % CI"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := testStaffing()
			st.Queue.Patience = tc.patience
			c := StaffingChart(st)
			if len(c.Panels) != 3 {
				t.Fatalf("StaffingChart has %d panels, want 3", len(c.Panels))
			}
			var labels []string
			for _, s := range c.Panels[0].Series {
				labels = append(labels, s.Label)
			}
			if !slices.Equal(labels, tc.wantSeries) {
				t.Errorf("service-level series = %q, want %q", labels, tc.wantSeries)
			}
			ec := c.Panels[0].Series[0]
			load := st.Queue.Load()
			for i, x := range ec.X {
				q := st.Queue
				q.Agents, q.Patience = int(x), 0
				want := 100 * q.ServiceLevel(st.Threshold, erlang.Offered)
				if x <= load {
					want = math.NaN()
				}
				if got := ec.Y[i]; !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
					t.Errorf("Erlang C service level at %v agents = %v, want %v", x, got, want)
				}
			}
		})
	}
}

// TestUpperEdgeMatchesSim checks upperEdge against the bins sim writes:
// each listed bin ends at or before the next one starts, and adjacent
// bins (most of them in a busy day) meet exactly.
func TestUpperEdgeMatchesSim(t *testing.T) {
	res, err := sim.Run(context.Background(), simtest.SmallDay(), sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := res.WaitHistogram.Edges
	meet := 0
	for i := 0; i+1 < len(e); i++ {
		up := upperEdge(e[i])
		if up > e[i+1] {
			t.Fatalf("bin from %v ends at %v, after the next bin's start %v", e[i], up, e[i+1])
		}
		if up == e[i+1] {
			meet++
		}
	}
	if meet < len(e)/2 {
		t.Errorf("only %d of %d bins meet the next one; upperEdge does not match sim's bins", meet, len(e))
	}
}

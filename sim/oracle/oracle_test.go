package oracle

import (
	"context"
	"math"
	"testing"
)

// maxZ is the largest |z| tolerated between simulation and exact answer: the
// difference must lie within maxZ standard errors of the replication means.
const maxZ = 4

// TestSimulationMatchesErlang runs every built-in case at a fixed seed and
// compares P(wait), service level, ASA, queue length, occupancy and (with
// patience) abandonment with the exact Erlang C / Erlang A figures.
func TestSimulationMatchesErlang(t *testing.T) {
	cases := Cases()
	if len(cases) < 10 {
		t.Fatalf("len(Cases()) = %d, want at least 10", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			cmp, err := Compare(context.Background(), c, 1, 1)
			if err != nil {
				t.Fatal(err)
			}
			for _, ch := range cmp.Checks {
				if math.IsNaN(ch.Z) || math.Abs(ch.Z) > maxZ {
					t.Errorf("%s: sim %.6g ± %.2g, exact %.6g, z = %.2f, want |z| <= %d",
						ch.Metric, ch.Sim, ch.SE, ch.Exact, ch.Z, maxZ)
				}
			}
		})
	}
}

// TestCompareDetectsWrongModel makes sure the comparison can fail: the
// simulation of one case checked against another case's exact figures.
func TestCompareDetectsWrongModel(t *testing.T) {
	c := Cases()[2] // the textbook case, 14 agents
	wrong := c
	wrong.Agents = 13
	cmp, err := Compare(context.Background(), c, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	exact := wrong.Queue().Figures().PWait
	for _, ch := range cmp.Checks {
		if ch.Metric == "p_wait" && math.Abs(ch.Sim-exact)/ch.SE <= maxZ {
			t.Errorf("p_wait of 14 agents (%.4f) is within %d SE of the 13-agent answer %.4f", ch.Sim, maxZ, exact)
		}
	}
}

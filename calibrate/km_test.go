package calibrate

import (
	"math"
	"testing"
)

// TestKaplanMeierHandExample checks the estimator against a small example
// worked by hand. Observations (e = abandoned, c = answered): 2e 3c 4e 4e
// 4c 6e 7c 9e. At equal times events come before censorings, so at t = 4
// the risk set still holds the contact censored at 4.
//
//	t  at risk  events  S(t)
//	2     8       1     7/8
//	3     7       0     7/8
//	4     6       2     7/8 · 4/6 = 7/12
//	6     3       1     7/12 · 2/3 = 7/18
//	7     2       0     7/18
//	9     1       1     0
func TestKaplanMeierHandExample(t *testing.T) {
	obs := []Observation{{9, true}, {2, true}, {4, true}, {3, false}, {4, false}, {6, true}, {4, true}, {7, false}}
	want := []KMStep{
		{T: 2, AtRisk: 8, Events: 1, S: 7.0 / 8},
		{T: 3, AtRisk: 7, Censored: 1, S: 7.0 / 8},
		{T: 4, AtRisk: 6, Events: 2, Censored: 1, S: 7.0 / 12},
		{T: 6, AtRisk: 3, Events: 1, S: 7.0 / 18},
		{T: 7, AtRisk: 2, Censored: 1, S: 7.0 / 18},
		{T: 9, AtRisk: 1, Events: 1, S: 0},
	}
	got := KaplanMeier(obs)
	if len(got) != len(want) {
		t.Fatalf("KaplanMeier returned %d steps, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.T != w.T || g.AtRisk != w.AtRisk || g.Events != w.Events || g.Censored != w.Censored || math.Abs(g.S-w.S) > 1e-15 {
			t.Errorf("step %d = {T %g, at risk %d, events %d, censored %d, S %.17g}, want {%g, %d, %d, %d, %.17g}",
				i, g.T, g.AtRisk, g.Events, g.Censored, g.S, w.T, w.AtRisk, w.Events, w.Censored, w.S)
		}
	}
	// Greenwood at t = 4: S² · (1/(8·7) + 2/(6·4)), here checked through the interval's width being finite and containing S.
	if ci := got[2].CI; !(ci[0] < got[2].S && got[2].S < ci[1]) {
		t.Errorf("95%% interval at t=4 = %v, want it around S = %g", ci, got[2].S)
	}
	// Area under the curve: 2·1 + 2·7/8 + 2·7/12 + 3·7/18 = 73/12.
	if m := KMRestrictedMean(got); math.Abs(m-73.0/12) > 1e-12 {
		t.Errorf("KMRestrictedMean = %.15g, want 73/12 = %.15g", m, 73.0/12)
	}
	if m := KMMedian(got); m != 6 {
		t.Errorf("KMMedian = %g, want 6", m)
	}
	for _, c := range []struct{ t, want float64 }{{0, 1}, {1.9, 1}, {2, 7.0 / 8}, {5, 7.0 / 12}, {8.99, 7.0 / 18}, {100, 0}} {
		if got := KMAt(got, c.t); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("KMAt(%g) = %g, want %g", c.t, got, c.want)
		}
	}
}

// TestGreenwood checks the variance sum behind the interval at t = 4 of the
// hand example: 1/(8·7) + 2/(6·4) = 1/56 + 1/12.
func TestGreenwood(t *testing.T) {
	obs := []Observation{{9, true}, {2, true}, {4, true}, {3, false}, {4, false}, {6, true}, {4, true}, {7, false}}
	ts := tallies(obs)
	if got, want := ts[2].varTerm, 1.0/56+1.0/12; math.Abs(got-want) > 1e-15 {
		t.Errorf("Greenwood sum at t=4 = %g, want %g", got, want)
	}
}

func TestKaplanMeierNoEvents(t *testing.T) {
	got := KaplanMeier([]Observation{{5, false}, {10, false}})
	for _, s := range got {
		if s.S != 1 {
			t.Errorf("S(%g) = %g with no events, want 1", s.T, s.S)
		}
	}
	if m := KMMedian(got); !math.IsNaN(m) {
		t.Errorf("KMMedian = %g with no events, want NaN", m)
	}
}

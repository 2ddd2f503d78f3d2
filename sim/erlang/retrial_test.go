package erlang

import (
	"errors"
	"math"
	"testing"
)

// TestRetrialBalance checks the solution of Erlang X against its defining
// balance equation, computed independently from the Erlang A figures at the
// solved rate, and against Erlang A when nobody redials.
func TestRetrialBalance(t *testing.T) {
	tests := []struct {
		name   string
		q      Queue
		redial float64
	}{
		{"no redials is Erlang A", Queue{Rate: 100.0 / 1800, AHT: 180, Agents: 10, Patience: 120}, 0},
		{"half redial, overloaded", Queue{Rate: 105.0 / 180, AHT: 180, Agents: 100, Patience: 120}, 0.5},
		{"most redial, light load", Queue{Rate: 0.02, AHT: 240, Agents: 8, Patience: 60}, 0.9},
		{"one agent", Queue{Rate: 1.0 / 200, AHT: 180, Agents: 1, Patience: 30}, 0.3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Retrial{Queue: tc.q, Redial: tc.redial}.Figures()
			if err != nil {
				t.Fatal(err)
			}
			at := tc.q
			at.Rate = f.OfferedRate
			pab := at.Figures().PAbandon
			want := tc.q.Rate + tc.redial*f.OfferedRate*pab
			if d := math.Abs(f.OfferedRate-want) / want; d > 1e-9 {
				t.Errorf("offered rate %.15g, balance gives %.15g (relative gap %.2g)", f.OfferedRate, want, d)
			}
			lost := f.OfferedRate * pab * (1 - tc.redial) / tc.q.Rate
			if math.Abs(f.PLost-lost) > 1e-12 || f.PLost > pab+1e-12 {
				t.Errorf("PLost = %.15g, want %.15g and at most PAbandon %.15g", f.PLost, lost, pab)
			}
			if tc.redial == 0 {
				a := tc.q.Figures()
				if f.OfferedRate != tc.q.Rate || math.Abs(f.PAbandon-a.PAbandon) > 1e-15 || math.Abs(f.ASA-a.ASA) > 1e-12 {
					t.Errorf("redial 0: %+v, want Erlang A %+v", f.Figures, a)
				}
			}
		})
	}
}

// TestRetrialMonotone checks that more redials mean more offered calls and
// fewer customers lost for good.
func TestRetrialMonotone(t *testing.T) {
	q := Queue{Rate: 105.0 / 180, AHT: 180, Agents: 100, Patience: 120}
	prev := RetrialFigures{OfferedRate: 0, PLost: 1}
	for _, r := range []float64{0, 0.2, 0.5, 0.8} {
		f, err := Retrial{Queue: q, Redial: r}.Figures()
		if err != nil {
			t.Fatal(err)
		}
		if f.OfferedRate < prev.OfferedRate || f.PLost > prev.PLost {
			t.Errorf("redial %g: offered %g, lost %g; want offered ≥ %g and lost ≤ %g", r, f.OfferedRate, f.PLost, prev.OfferedRate, prev.PLost)
		}
		prev = f
	}
}

func TestRetrialInvalid(t *testing.T) {
	q := Queue{Rate: 0.1, AHT: 180, Agents: 20, Patience: 60}
	for _, x := range []Retrial{{Queue: q, Redial: 1}, {Queue: q, Redial: -0.1}, {Queue: Queue{Rate: 0.1, AHT: 180, Agents: 20}, Redial: 0.5}} {
		if _, err := x.Figures(); !errors.Is(err, ErrRetrialSetup) {
			t.Errorf("Retrial%+v.Figures() error = %v, want ErrRetrialSetup", x, err)
		}
	}
}

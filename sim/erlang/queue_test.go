package erlang

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// published is the textbook case: 100 contacts per 30 minutes, AHT 180 s,
// a load of 10 erlangs.
var published = Queue{Rate: 100.0 / 1800, AHT: 180, Agents: 14}

// withAgents returns q staffed by c agents.
func withAgents(q Queue, c int) Queue { q.Agents = c; return q }

// withPatience returns q with mean patience p seconds.
func withPatience(q Queue, p float64) Queue { q.Patience = p; return q }

// checkFigures reports each figure of got not within tol of want.
func checkFigures(tb testing.TB, name string, got, want Figures, tol float64) {
	tb.Helper()
	for _, f := range []struct {
		field     string
		got, want float64
	}{
		{"PWait", got.PWait, want.PWait},
		{"PAbandon", got.PAbandon, want.PAbandon},
		{"ASA", got.ASA, want.ASA},
		{"MeanWait", got.MeanWait, want.MeanWait},
		{"QueueLength", got.QueueLength, want.QueueLength},
		{"Occupancy", got.Occupancy, want.Occupancy},
	} {
		if !near(f.got, f.want, tol) {
			tb.Errorf("%s: Figures().%s = %v, want %v", name, f.field, f.got, f.want)
		}
	}
	if got.Stable != want.Stable {
		tb.Errorf("%s: Figures().Stable = %v, want %v", name, got.Stable, want.Stable)
	}
}

func TestQueueValidate(t *testing.T) {
	tests := []struct {
		name string
		q    Queue
		want string // substring of the error; empty for none
	}{
		{"published", published, ""},
		{"zero rate", Queue{Rate: 0, AHT: 1, Agents: 1}, ""},
		{"infinite patience", Queue{Rate: 1, AHT: 1, Agents: 1, Patience: math.Inf(1)}, ""},
		{"negative rate", Queue{Rate: -1, AHT: 1, Agents: 1}, "rate"},
		{"NaN rate", Queue{Rate: math.NaN(), AHT: 1, Agents: 1}, "rate"},
		{"infinite rate", Queue{Rate: math.Inf(1), AHT: 1, Agents: 1}, "rate"},
		{"zero handle time", Queue{Rate: 1, AHT: 0, Agents: 1}, "handle time"},
		{"infinite handle time", Queue{Rate: 1, AHT: math.Inf(1), Agents: 1}, "handle time"},
		{"no agents", Queue{Rate: 1, AHT: 1}, "erlang: agents must be positive"},
		{"negative agents", Queue{Rate: 1, AHT: 1, Agents: -3}, "agents"},
		{"negative patience", Queue{Rate: 1, AHT: 1, Agents: 1, Patience: -1}, "patience"},
		{"NaN patience", Queue{Rate: 1, AHT: 1, Agents: 1, Patience: math.NaN()}, "patience"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.q.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Validate() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestFigures checks published Erlang C figures and Erlang A figures
// computed independently with mpmath at 30 digits from the birth–death chain
// summed state by state and from quadrature of the waiting-time density.
func TestFigures(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		q    Queue
		want Figures
		tol  float64
	}{
		{"published 14 agents", published, Figures{
			PWait: 0.1741319336, ASA: 7.835937, MeanWait: 7.835937, QueueLength: 7.835937 / 18,
			Occupancy: 10.0 / 14, Stable: true}, 1e-7},
		{"published 11 agents", withAgents(published, 11), Figures{
			PWait: 0.6821182, ASA: 122.781277, MeanWait: 122.781277, QueueLength: 122.781277 / 18,
			Occupancy: 10.0 / 11, Stable: true}, 1e-7},
		{"Erlang C at load", Queue{Rate: 1, AHT: 10, Agents: 10}, Figures{
			PWait: 1, ASA: inf, MeanWait: inf, QueueLength: inf, Occupancy: 1}, 0},
		{"Erlang C overloaded", withAgents(published, 3), Figures{
			PWait: 1, ASA: inf, MeanWait: inf, QueueLength: inf, Occupancy: 1}, 0},
		{"Erlang A 14 agents 120 s", withPatience(published, 120), Figures{
			PWait: 0.12697634007979537, PAbandon: 0.022839286531818771, ASA: 2.3453752341521703,
			MeanWait: 18 * 0.15226191021212514, QueueLength: 0.15226191021212514,
			Occupancy: 0.69797193819155802, Stable: true}, 1e-12},
		{"Erlang A 8 agents 60 s", withPatience(withAgents(published, 8), 60), Figures{
			PWait: 0.62517906573953113, PAbandon: 0.27835286158343521, ASA: 14.074539065943096,
			MeanWait: 18 * 0.92784287194478404, QueueLength: 0.92784287194478404,
			Occupancy: 0.90205892302070599, Stable: true}, 1e-12},
		{"Erlang A one agent", Queue{Rate: 1.0 / 200, AHT: 180, Agents: 1, Patience: 300}, Figures{
			PWait: 0.62996415059165459, PAbandon: 0.30003983267593934, ASA: 71.480368828936098,
			MeanWait: 200 * 0.45005974901390901, QueueLength: 0.45005974901390901,
			Occupancy: 0.62996415059165459, Stable: true}, 1e-12},
		{"infinite patience is Erlang C", withPatience(published, inf), Figures{
			PWait: 0.1741319336, ASA: 7.835937, MeanWait: 7.835937, QueueLength: 7.835937 / 18,
			Occupancy: 10.0 / 14, Stable: true}, 1e-7},
		{"zero rate", Queue{AHT: 180, Agents: 2, Patience: 60}, Figures{Stable: true}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFigures(t, tc.name, tc.q.Figures(), tc.want, tc.tol)
		})
	}
}

func TestFiguresInvalid(t *testing.T) {
	f := Queue{Rate: 1, AHT: 1}.Figures()
	if !math.IsNaN(f.PWait) || !math.IsNaN(f.ASA) || f.Stable {
		t.Errorf("Figures() of a queue without agents = %+v, want NaN figures, unstable", f)
	}
}

// bruteForce builds the Erlang A birth–death chain state by state from
// N = 0 and returns P(N ≥ c), the mean queue length and the mean number
// of busy agents. It is meant for small c and moderate loads only.
func bruteForce(tb testing.TB, q Queue) (pWait, queue, busy float64) {
	tb.Helper()
	c, mu, theta := q.Agents, 1/q.AHT, 1/q.Patience
	w, total := 1.0, 0.0
	var wait, ql, bz float64
	for k := 0; k < 1e7; k++ {
		total += w
		if k >= c {
			wait += w
			ql += float64(k-c) * w
		}
		bz += float64(min(k, c)) * w
		death := float64(min(k+1, c))*mu + float64(max(k+1-c, 0))*theta
		ratio := q.Rate / death
		if k > c && ratio < 0.5 && w < 1e-22*total {
			return wait / total, ql / total, bz / total
		}
		w *= ratio
	}
	tb.Fatalf("bruteForce(%+v) did not converge", q)
	return 0, 0, 0
}

// TestFiguresBruteForce checks Erlang A against the chain summed from
// N = 0, with abandonment from the flow balance λ·(1 − PAbandon) = μ·busy.
func TestFiguresBruteForce(t *testing.T) {
	tests := []struct {
		name string
		q    Queue
	}{
		{"one agent light", Queue{Rate: 0.9 / 60, AHT: 60, Agents: 1, Patience: 300}},
		{"one agent overloaded", Queue{Rate: 3.0 / 60, AHT: 60, Agents: 1, Patience: 45}},
		{"five agents overloaded", Queue{Rate: 7.0 / 120, AHT: 120, Agents: 5, Patience: 30}},
		{"published with patience", withPatience(published, 120)},
		{"thirty agents 150 percent", Queue{Rate: 45.0 / 300, AHT: 300, Agents: 30, Patience: 200}},
		{"impatient", Queue{Rate: 0.5 / 100, AHT: 100, Agents: 3, Patience: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pw, ql, busy := bruteForce(t, tc.q)
			f := tc.q.Figures()
			want := Figures{
				PWait:       pw,
				PAbandon:    1 - busy/tc.q.AHT/tc.q.Rate,
				ASA:         f.ASA, // checked in TestFigures and TestASAQuadrature
				MeanWait:    ql / tc.q.Rate,
				QueueLength: ql,
				Occupancy:   busy / float64(tc.q.Agents),
				Stable:      true,
			}
			checkFigures(t, tc.name, f, want, 1e-11)
		})
	}
}

// TestFiguresIdentities checks PAbandon = θ·MeanWait, Little's law and
// P(served) = 1 − PAbandon over a grid of Erlang A queues.
func TestFiguresIdentities(t *testing.T) {
	for _, c := range []int{1, 5, 50, 300} {
		for _, rho := range []float64{0.3, 0.95, 1.0, 1.6} {
			for _, patience := range []float64{5, 60, 600} {
				q := Queue{Rate: rho * float64(c) / 240, AHT: 240, Agents: c, Patience: patience}
				f := q.Figures()
				if got, want := f.PAbandon, f.MeanWait/patience; !near(got, want, 1e-9) {
					t.Errorf("%+v: PAbandon = %v, want θ·MeanWait = %v", q, got, want)
				}
				if got, want := f.QueueLength, q.Rate*f.MeanWait; !near(got, want, 1e-12) {
					t.Errorf("%+v: QueueLength = %v, want λ·MeanWait = %v", q, got, want)
				}
				if got, want := q.ServiceLevel(math.Inf(1), Offered), 1-f.PAbandon; !near(got, want, 1e-12) {
					t.Errorf("%+v: ServiceLevel(+Inf) = %v, want 1 − PAbandon = %v", q, got, want)
				}
				if !(f.PAbandon <= f.PWait) {
					t.Errorf("%+v: PAbandon = %v, want at most PWait = %v", q, f.PAbandon, f.PWait)
				}
			}
		}
	}
}

// TestErlangALimits checks that Erlang A tends to Erlang C as patience grows
// and to Erlang B (blocked customers lost) as patience shrinks.
func TestErlangALimits(t *testing.T) {
	for _, c := range []int{11, 14, 20} {
		// The relative gap is about θ·j²/(cμ) for queues j long: 4e-6 at
		// 11 agents with patience 1e9 s.
		for _, p := range []struct {
			patience, tol float64
		}{{1e9, 1e-5}, {1e12, 1e-8}} {
			patient := withPatience(withAgents(published, c), p.patience)
			name := fmt.Sprintf("%d agents patience %g", c, p.patience)
			checkFigures(t, name, patient.Figures(), withAgents(published, c).Figures(), p.tol)
		}

		impatient := withPatience(withAgents(published, c), 1e-7)
		f, b := impatient.Figures(), B(c, published.Load())
		if !near(f.PWait, b, 1e-6) || !near(f.PAbandon, b, 1e-6) {
			t.Errorf("patience 1e-7, %d agents: PWait, PAbandon = %v, %v, want B = %v", c, f.PWait, f.PAbandon, b)
		}
	}
}

// TestFiguresLarge checks big and heavily loaded queues stay finite and in range.
func TestFiguresLarge(t *testing.T) {
	tests := []struct {
		name string
		q    Queue
	}{
		{"1000 agents 990 erlangs", Queue{Rate: 990.0 / 180, AHT: 180, Agents: 1000, Patience: 300}},
		{"2000 agents 2000 erlangs", Queue{Rate: 2000.0 / 180, AHT: 180, Agents: 2000, Patience: 100}},
		{"2000 agents 1990 erlangs Erlang C", Queue{Rate: 1990.0 / 180, AHT: 180, Agents: 2000}},
		{"2000 agents 4000 erlangs", Queue{Rate: 4000.0 / 180, AHT: 180, Agents: 2000, Patience: 600}},
		{"2000 agents 20 erlangs", Queue{Rate: 20.0 / 180, AHT: 180, Agents: 2000, Patience: 60}},
		{"one agent 2000 erlangs", Queue{Rate: 2000.0 / 180, AHT: 180, Agents: 1, Patience: 1000}},
		{"patient and overloaded", Queue{Rate: 1.2 * 50 / 180, AHT: 180, Agents: 50, Patience: 1e6}},
		{"tiniest patience", Queue{Rate: 500, AHT: 10, Agents: 2000, Patience: 5e-324}},
		{"overloaded short handle", Queue{Rate: 500, AHT: 10, Agents: 2000, Patience: 999}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkSane(t, tc.q, 20)
		})
	}
}

// checkSane reports NaNs, infinities and probabilities outside [0, 1].
func checkSane(tb testing.TB, q Queue, threshold float64) {
	tb.Helper()
	f := q.Figures()
	for _, p := range []struct {
		name string
		v    float64
	}{
		{"PWait", f.PWait}, {"PAbandon", f.PAbandon}, {"Occupancy", f.Occupancy},
		{"ServiceLevel(Offered)", q.ServiceLevel(threshold, Offered)},
		{"ServiceLevel(Answered)", q.ServiceLevel(threshold, Answered)},
		{"ServiceLevel(ExclShortAbandons)", q.ServiceLevel(threshold, ExclShortAbandons)},
	} {
		if !(p.v >= 0 && p.v <= 1) {
			tb.Errorf("%+v: %s = %v, want in [0, 1]", q, p.name, p.v)
		}
	}
	for _, w := range []struct {
		name string
		v    float64
	}{{"ASA", f.ASA}, {"MeanWait", f.MeanWait}, {"QueueLength", f.QueueLength}} {
		if !(w.v >= 0) || (f.Stable && math.IsInf(w.v, 1)) {
			tb.Errorf("%+v: %s = %v, want finite and non-negative", q, w.name, w.v)
		}
	}
}

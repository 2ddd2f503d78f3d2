package erlang

import (
	"math"
	"testing"
)

// fuzzQueue maps arbitrary fuzz inputs to a valid queue: 1 to 2000 agents,
// a handle time of 10 s to 1 h, a load up to 2.5 times the agents and a
// patience up to 1000 s (0 for Erlang C), and a threshold up to 600 s.
func fuzzQueue(rate, aht float64, agents int, patience, threshold float64) (Queue, float64, bool) {
	c := 1 + int(uint(agents)%2000)
	h := 10 + math.Mod(math.Abs(aht), 3590)
	load := math.Mod(math.Abs(rate), 2.5*float64(c))
	q := Queue{Rate: load / h, AHT: h, Agents: c, Patience: math.Mod(math.Abs(patience), 1000)}
	t := math.Mod(math.Abs(threshold), 600)
	return q, t, q.Validate() == nil && !math.IsNaN(t)
}

// FuzzFigures checks that valid queues never give NaN, probabilities
// outside [0, 1] or unordered service-level definitions.
func FuzzFigures(f *testing.F) {
	f.Add(10.0, 180.0, 14, 0.0, 20.0)
	f.Add(10.0, 180.0, 14, 120.0, 20.0)
	f.Add(990.0, 180.0, 1000, 300.0, 20.0)
	f.Add(2000.0, 180.0, 2000, 100.0, 60.0)
	f.Add(4000.0, 300.0, 1999, 999.0, 599.0)
	f.Add(0.0, 60.0, 1, 5.0, 0.0)
	f.Add(3.0, 10.0, 0, 0.001, 1.0)
	f.Fuzz(func(t *testing.T, rate, aht float64, agents int, patience, threshold float64) {
		q, th, ok := fuzzQueue(rate, aht, agents, patience, threshold)
		if !ok {
			t.Skip("not a valid queue: Validate rejects it")
		}
		checkSane(t, q, th)
		off := q.ServiceLevel(th, Offered)
		excl := q.ServiceLevel(th, ExclShortAbandons)
		ans := q.ServiceLevel(th, Answered)
		if !(off <= excl+1e-12 && excl <= ans+1e-12) {
			t.Errorf("%+v, %v s: offered, excl, answered = %v, %v, %v, want ascending", q, th, off, excl, ans)
		}
	})
}

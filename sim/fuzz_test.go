package sim

import (
	"math"
	"testing"
	"time"
)

// FuzzRun simulates small random scenarios: no panic, no NaN where a figure
// is defined, and every contact accounted for.
func FuzzRun(f *testing.F) {
	f.Add(uint64(1), 0.5, 3, 60.0, 30.0, 0.3, 0.1, 0.1, 2, true, uint8(0))
	f.Add(uint64(9), 2.0, 1, 5.0, 0.0, 1.0, 0.0, 0.9, 0, false, uint8(3))
	f.Fuzz(func(t *testing.T, seed uint64, load float64, agents int, aht, patience, contain, hang, opt float64, capacity int, ctx bool, dist uint8) {
		if !(load > 0 && load < 50) || agents < 1 || agents > 50 || !(aht > 0.01 && aht < 1e4) ||
			!(patience >= 0 && patience < 1e4) || capacity < 0 || capacity > 100 {
			return
		}
		clamp := func(p float64) float64 { return math.Max(0, math.Min(1, p)) }
		dists := []Dist{Exponential{aht}, LogNormal{aht, 1.5}, Gamma{aht, 0.3}, Erlang{aht, 4}, Deterministic{aht}, Uniform{0, 2 * aht}, Empirical{[]float64{aht / 2, aht * 1.5}}}
		sc := &Scenario{
			Name: "fuzz", Seed: seed, Replications: 2, Horizon: time.Duration(200*aht) * time.Second,
			ServiceLevel: ServiceLevel{Threshold: 20 * time.Second, Target: 0.8, Definition: ExclShortAbandons},
			Arrivals:     Arrivals{Rate: load / aht * 3600},
			Bot:          &Bot{HandleTime: dists[int(dist)%len(dists)], Capacity: capacity, HangUp: clamp(hang), OptOut: clamp(opt), ContextTransfer: ctx, ContextSaving: 0.1},
			Intents:      []Intent{{Name: "a", Share: 0.5, BotContainment: clamp(contain), HandleTime: dists[int(dist)%len(dists)]}, {Name: "b", Share: 0.5, HandleTime: Exponential{aht}}},
			Groups:       []Group{{Name: "g", Count: agents}},
		}
		sc.Warmup = sc.Horizon / 10
		if patience > 0 {
			sc.Patience = Exponential{patience}
		}
		if sc.Validate() != nil {
			return
		}
		r := NewRun(sc, seed, 0)
		r.runUntil(inf)
		v := r.figures().total
		if v[MOffered] != v[MContained]+v[MBotHangup]+v[MAnswered]+v[MAbandoned] {
			t.Fatalf("contacts lost: %v", v)
		}
		if v[MOffered] > 0 && (math.IsNaN(v[MOccupancy]) || v[MOccupancy] < 0 || v[MOccupancy] > 1+1e-9) {
			t.Fatalf("occupancy %v", v[MOccupancy])
		}
	})
}

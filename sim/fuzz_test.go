package sim

import (
	"math"
	"testing"
	"time"
)

// FuzzRun simulates small random scenarios: no panic, no NaN where a figure
// is defined, and every contact accounted for.
func FuzzRun(f *testing.F) {
	f.Add(uint64(1), 0.5, 3, 60.0, 30.0, 0.3, 0.1, 0.1, 2, true, uint8(0), uint8(0))
	f.Add(uint64(9), 2.0, 1, 5.0, 0.0, 1.0, 0.0, 0.9, 0, false, uint8(3), uint8(255))
	f.Add(uint64(5), 1.2, 4, 30.0, 20.0, 0.5, 0.2, 0.0, 0, true, uint8(1), uint8(0x5a))
	f.Fuzz(func(t *testing.T, seed uint64, load float64, agents int, aht, patience, contain, hang, opt float64, capacity int, ctx bool, dist, features uint8) {
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
		applyFeatures(sc, features, agents)
		if sc.Validate() != nil {
			return
		}
		r := NewRun(sc, seed, 0)
		for i := 0; !r.done; i++ {
			if i == 100 { // 100 × 65,536 events: far beyond any input here; a run this long does not terminate
				t.Fatalf("run did not finish after %d events (now %.0f s, %d waiting)", r.events, r.now, r.router.waiting)
			}
			r.runEvents(checkEvery)
		}
		v := r.figures().total
		if v[MOffered] != v[MContained]+v[MBotHangup]+v[MAnswered]+v[MAbandoned] {
			t.Fatalf("contacts lost: %v", v)
		}
		if v[MOffered] > 0 && (math.IsNaN(v[MOccupancy]) || v[MOccupancy] < 0 || v[MOccupancy] > 1+1e-9) {
			t.Fatalf("occupancy %v", v[MOccupancy])
		}
	})
}

// applyFeatures switches model features on by the bits of f, so the fuzzer
// explores their combinations: chat, e-mail, skills with group priority,
// callbacks, retrials, the experience model with repeats, shrinkage and AI.
func applyFeatures(sc *Scenario, f uint8, agents int) {
	if f&1 != 0 {
		sc.Intents[0].Channel = Chat
		sc.Groups[0].ChatConcurrency, sc.Groups[0].ChatStretch = 3, 0.2
	}
	if f&2 != 0 {
		sc.Intents[1].Channel = Email
	}
	if f&4 != 0 {
		sc.Intents[1].Skill, sc.Intents[1].Priority = "b", 1
		sc.Groups = append(sc.Groups, Group{Name: "h", Count: agents, Skills: []Skill{{"b", 1}, {"", 2}}})
		sc.Groups[0].Skills = []Skill{{"", 1}, {"b", 3}}
		sc.Routing = Routing{Policy: GroupPriority, OverflowAfter: 10 * time.Second}
	}
	if f&8 != 0 {
		sc.Callback = &Callback{OfferAbove: 5 * time.Second, Accept: 0.5}
	}
	if f&16 != 0 {
		sc.Retrials = &Retrials{Share: 0.5, Delay: Exponential{30}}
	}
	if f&32 != 0 {
		sc.Experience = &Experience{Base: 9, Unresolved: 5, WaitPerMinute: 1, FailedBot: 1, RepeatInfo: 1, EmotionalBot: 2,
			DetractorBelow: 7, RepeatDelay: Exponential{60}}
		sc.Intents[0].Emotional, sc.Intents[0].Repeat, sc.Intents[0].BotRepeat = 0.5, 0.2, 0.3
	}
	if f&64 != 0 {
		sc.Groups[0].Shrinkage = []float64{0.3}
		sc.Groups[0].AIAdoption, sc.Groups[0].AIReduction = 0.5, 0.2
	}
	if f&128 != 0 {
		sc.Arrivals.Overdispersion = 5
		sc.Bot.EmotionalToHuman = true
	}
}

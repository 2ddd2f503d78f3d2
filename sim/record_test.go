package sim

import (
	"math"
	"testing"
)

// TestObserve checks that every contact is reported once with consistent times.
func TestObserve(t *testing.T) {
	sc := dayScenario()
	r := NewRun(sc, sc.Seed, 0)
	seen := map[uint64]bool{}
	outcomes := map[Outcome]float64{}
	r.Observe(func(x *Record) {
		if seen[x.ID] {
			t.Fatalf("contact %d reported twice", x.ID)
		}
		seen[x.ID] = true
		if x.Counted {
			outcomes[x.Outcome]++
		}
		steps := []float64{x.Arrival, x.BotStart, x.BotEnd, x.QueueEntry, x.QueueExit, x.End}
		last := -1.0
		for _, s := range steps {
			if math.IsNaN(s) {
				continue
			}
			if s < last {
				t.Fatalf("contact %d: times out of order %v", x.ID, steps)
			}
			last = s
		}
		if (x.Outcome == OutAnswered) != (x.Agent >= 0) {
			t.Fatalf("contact %d: outcome %v with agent %d", x.ID, x.Outcome, x.Agent)
		}
		if (x.Route == RouteNone) != math.IsNaN(x.QueueEntry) {
			t.Fatalf("contact %d: route %v, queue entry %v", x.ID, x.Route, x.QueueEntry)
		}
	})
	r.RunUntil(1 << 62)
	v := r.figures().total
	for out, metric := range map[Outcome]string{OutContained: MContained, OutBotHangup: MBotHangup, OutAnswered: MAnswered, OutAbandoned: MAbandoned} {
		if outcomes[out] != v[metric] {
			t.Errorf("records with outcome %v = %v, metric %s = %v", out, outcomes[out], metric, v[metric])
		}
	}
	if uint64(len(seen)) != r.arrivals {
		t.Errorf("%d records for %d arrivals", len(seen), r.arrivals)
	}
}

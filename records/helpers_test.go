package records

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// knownScenario is a human-only day with two intents of different
// handle-time families and exponential patience.
func knownScenario() *sim.Scenario {
	return &sim.Scenario{Name: "known", Seed: 3, Replications: 1,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals: sim.Arrivals{Open: 8 * time.Hour, Close: 14 * time.Hour, Interval: 30 * time.Minute,
			Profile: []float64{60, 90, 120, 150, 160, 150, 140, 150, 160, 130, 100, 80}},
		Patience: sim.Exponential{MeanS: 180},
		Intents: []sim.Intent{{Name: "a", Share: 0.7, HandleTime: sim.LogNormal{MeanS: 240, CV: 0.8}},
			{Name: "b", Share: 0.3, HandleTime: sim.Gamma{MeanS: 400, CV: 0.6}}},
		Groups: []sim.Group{{Name: "g", Counts: []int{9, 14, 18, 22, 24, 22, 21, 22, 24, 19, 15, 12}}},
	}
}

// generated returns days of sc as a log in format.
func generated(tb testing.TB, sc *sim.Scenario, days int, format LogFormat) *bytes.Buffer {
	tb.Helper()
	var buf bytes.Buffer
	lw, err := NewLogWriter(&buf, format)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Generate(context.Background(), sc, days, lw, nil); err != nil {
		tb.Fatal(err)
	}
	return &buf
}

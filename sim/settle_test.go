package sim

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// TestSettledBotSessions checks that settling at their start the bot
// sessions that end without a human (what RunAll and RunCounts do) leaves
// every figure of a replication as it is with an event at each session's
// end, to the last bit, and that it is only done where nothing else
// depends on when a session ends.
func TestSettledBotSessions(t *testing.T) {
	unlimited := func() *Scenario {
		sc := dayScenario()
		sc.Bot.Capacity = 0
		sc.Intents[1].HandleTime = LogNormal{MeanS: 400, CV: 0.6}
		return sc
	}
	tests := []struct {
		name   string
		sc     func() *Scenario
		settle bool
	}{
		{"unlimited bot", unlimited, true},
		{"bot capacity", dayScenario, false},
		{"customer experience", func() *Scenario {
			sc := unlimited()
			sc.Experience = &Experience{Base: 8}
			return sc
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := tc.sc()
			if err := sc.Validate(); err != nil {
				t.Fatal(err)
			}
			for rep := range 3 {
				evented := NewRun(sc, sc.Seed, rep)
				evented.runUntil(inf)
				settled := NewRun(sc, sc.Seed, rep)
				settled.settleBots()
				if settled.settleBot != tc.settle {
					t.Fatalf("settleBot = %v, want %v", settled.settleBot, tc.settle)
				}
				settled.runUntil(inf)
				a, b := evented.Results(), settled.Results()
				a.Events, b.Events = 0, 0 // settled sessions count as events; the run may end sooner
				ja, _ := json.Marshal(a)
				jb, _ := json.Marshal(b)
				if !bytes.Equal(ja, jb) {
					t.Errorf("replication %d: figures with settled bot sessions differ from those with events", rep)
				}
			}
		})
	}
}

// TestLogNormalDraws checks that a handle time kept as its logarithm
// until needed is the value the LogNormal draws.
func TestLogNormalDraws(t *testing.T) {
	l := fastSampler(LogNormal{MeanS: 210, CV: 0.7}).(logNormalDraws)
	r1, r2 := rand.New(rand.NewPCG(1, 2)), rand.New(rand.NewPCG(1, 2))
	for i := range 1000 {
		if got, want := math.Exp(l.logDraw(r1)), l.Rand(r2); got != want {
			t.Fatalf("draw %d: exp(logDraw) = %v, want %v", i, got, want)
		}
	}
}

// TestResultsSoFar checks that the figures of a run under way hold the
// time integrals up to now, though they are settled only at changes.
func TestResultsSoFar(t *testing.T) {
	sc := dayScenario() // group a: 5 agents, then 12 from 08:30; group b: 2
	r := NewRun(sc, sc.Seed, 0)
	r.RunUntil(45 * time.Minute)
	want := 5*0.5 + 12*0.25 + 2*0.75
	for i := range 2 { // reading them changes nothing
		if got := r.Results().Metrics[MAgentHours].Mean; math.Abs(got-want) > 1e-9 {
			t.Errorf("read %d: agent-hours after 45 minutes = %v, want %v", i, got, want)
		}
	}
}

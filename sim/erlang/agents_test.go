package erlang

import (
	"math"
	"strings"
	"testing"
)

// scanAgents returns the smallest number of agents meeting t by trying
// 1, 2, 3, … and checking each goal from Figures and ServiceLevel.
func scanAgents(tb testing.TB, q Queue, t Target) int {
	tb.Helper()
	for c := 1; c <= 10000; c++ {
		q.Agents = c
		f := q.Figures()
		ok := f.Stable &&
			(t.MaxAbandon == 0 || f.PAbandon <= t.MaxAbandon) &&
			(t.MaxOccupancy == 0 || f.Occupancy <= t.MaxOccupancy) &&
			q.ServiceLevel(t.Threshold, t.Definition) >= t.Level
		if ok {
			return c
		}
	}
	tb.Fatalf("scanAgents(%+v, %+v): no count up to 10000 meets the target", q, t)
	return 0
}

func TestAgents(t *testing.T) {
	eighty := Target{Threshold: 20, Level: 0.8}
	tests := []struct {
		name string
		q    Queue
		t    Target
		want int // 0: whatever scanAgents finds
	}{
		{"published 80/20", published, eighty, 14},
		{"published 90/20", published, Target{Threshold: 20, Level: 0.9}, 0},
		{"published 80/20 answered", published, Target{Threshold: 20, Level: 0.8, Definition: Answered}, 14},
		{"agents field ignored", withAgents(published, 3), eighty, 14},
		{"patience 120 80/20", withPatience(published, 120), eighty, 0},
		{"patience 60 answered", withPatience(published, 60), Target{Threshold: 20, Level: 0.8, Definition: Answered}, 0},
		{"patience 60 excluding short abandons", withPatience(published, 60),
			Target{Threshold: 20, Level: 0.8, Definition: ExclShortAbandons}, 0},
		{"abandon cap only", withPatience(published, 60), Target{MaxAbandon: 0.02}, 0},
		{"abandon cap binds", withPatience(published, 300), Target{Threshold: 60, Level: 0.5, MaxAbandon: 0.001}, 0},
		{"occupancy cap Erlang C", published, Target{MaxOccupancy: 0.85}, 12},
		{"occupancy cap binds", withPatience(published, 120), Target{Threshold: 60, Level: 0.5, MaxOccupancy: 0.7}, 0},
		{"no goals Erlang C", published, Target{}, 11},
		{"no goals Erlang A", withPatience(published, 120), Target{}, 1},
		{"1000 erlangs 80/20", Queue{Rate: 1000.0 / 180, AHT: 180, Agents: 1}, eighty, 0},
		{"1000 erlangs patient 95/10", Queue{Rate: 1000.0 / 180, AHT: 180, Patience: 90}, Target{Threshold: 10, Level: 0.95}, 0},
		{"zero rate", Queue{AHT: 180, Agents: 5}, eighty, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == 0 {
				want = scanAgents(t, tc.q, tc.t)
			}
			got, err := Agents(tc.q, tc.t)
			if err != nil || got != want {
				t.Errorf("Agents() = %d, %v, want %d, nil", got, err, want)
			}
		})
	}
}

// TestAgentsPublishedBoundary checks the published case the long way:
// 13 agents miss 80 % in 20 s and 14 meet it.
func TestAgentsPublishedBoundary(t *testing.T) {
	if got := withAgents(published, 13).ServiceLevel(20, Offered); got >= 0.8 {
		t.Errorf("13 agents: ServiceLevel(20) = %v, want below 0.8", got)
	}
	if got := withAgents(published, 14).ServiceLevel(20, Offered); got < 0.8 {
		t.Errorf("14 agents: ServiceLevel(20) = %v, want at least 0.8", got)
	}
}

func TestAgentsErrors(t *testing.T) {
	ok := Target{Threshold: 20, Level: 0.8}
	tests := []struct {
		name string
		q    Queue
		t    Target
		want string
	}{
		{"no handle time", Queue{Rate: 1}, ok, "handle time"},
		{"negative rate", Queue{Rate: -1, AHT: 10}, ok, "rate"},
		{"level one", published, Target{Threshold: 20, Level: 1}, "service level"},
		{"negative level", published, Target{Threshold: 20, Level: -0.1}, "service level"},
		{"NaN level", published, Target{Threshold: 20, Level: math.NaN()}, "service level"},
		{"negative threshold", published, Target{Threshold: -1, Level: 0.8}, "threshold"},
		{"infinite threshold", published, Target{Threshold: math.Inf(1), Level: 0.8}, "threshold"},
		{"abandon cap above one", published, Target{Threshold: 20, Level: 0.8, MaxAbandon: 1.5}, "abandon"},
		{"negative occupancy cap", published, Target{Threshold: 20, Level: 0.8, MaxOccupancy: -0.2}, "occupancy"},
		{"unknown definition", published, Target{Threshold: 20, Level: 0.8, Definition: "handled"}, "definition"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Agents(tc.q, tc.t)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "erlang: ") {
				t.Errorf("Agents() = %d, %v, want an error about %q", got, err, tc.want)
			}
		})
	}
}

package main

import (
	"math"
	"slices"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

func TestWhatIfApply(t *testing.T) {
	base := defaultScenario(t)
	before := slices.Clone(base.Intents)
	counts := slices.Clone(base.Groups[0].Counts)
	shifts := slices.Clone(base.Groups[1].Shifts)
	tests := []struct {
		name    string
		wi      WhatIf
		bot     func(old float64) float64 // want containment of an eligible intent
		general func(old int) int         // want per-interval count of general
		senior  func(old int) int         // want count of each senior shift
	}{
		{"none", WhatIf{}, same[float64], same[int], same[int]},
		{"bot up", WhatIf{Bot: 1}, func(c float64) float64 { return c + 0.1 }, same[int], same[int]},
		{"bot down", WhatIf{Bot: -2}, func(c float64) float64 { return c - 0.2 }, same[int], same[int]},
		{"bot to the top", WhatIf{Bot: 10}, func(float64) float64 { return 1 }, same[int], same[int]},
		{"bot to the bottom", WhatIf{Bot: -10}, func(float64) float64 { return minContainment }, same[int], same[int]},
		{"agents everywhere", WhatIf{Agents: []int{1, 1}}, same[float64], plus(1), plus(1)},
		{"one group", WhatIf{Agents: []int{0, -1}}, same[float64], same[int], plus(-1)},
		{"never below zero", WhatIf{Agents: []int{-20}}, same[float64], func(n int) int { return max(0, n-20) }, same[int]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := tc.wi.Apply(base)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			for i, in := range sc.Intents {
				want := 0.0
				if before[i].BotEligible() {
					want = tc.bot(before[i].BotContainment)
				}
				if math.Abs(in.BotContainment-want) > 1e-12 {
					t.Errorf("intent %s containment = %v, want %v", in.Name, in.BotContainment, want)
				}
			}
			for j, n := range sc.Groups[0].Counts {
				if want := tc.general(counts[j]); n != want {
					t.Errorf("general counts[%d] = %d, want %d", j, n, want)
				}
			}
			for j, sh := range sc.Groups[1].Shifts {
				if want := tc.senior(shifts[j].Count); sh.Count != want {
					t.Errorf("senior shift %d count = %d, want %d", j, sh.Count, want)
				}
			}
		})
	}
	if !slices.Equal(base.Groups[0].Counts, counts) || base.Groups[1].Shifts[0].Count != shifts[0].Count || base.Intents[0] != before[0] {
		t.Error("Apply changed the base scenario")
	}
}

func same[T any](x T) T { return x }

func plus(d int) func(int) int { return func(n int) int { return n + d } }

func TestWhatIfFixedCount(t *testing.T) {
	g := sim.Group{Name: "g", Count: 3}
	addAgents(&g, 2)
	if g.Count != 5 {
		t.Errorf("addAgents(Count 3, +2).Count = %d, want 5", g.Count)
	}
	addAgents(&g, -9)
	if g.Count != 0 {
		t.Errorf("addAgents(Count 5, −9).Count = %d, want 0", g.Count)
	}
}

func TestWhatIfNoAgents(t *testing.T) {
	base := defaultScenario(t)
	if _, err := (WhatIf{Agents: []int{-99, -99}}).Apply(base); err == nil {
		t.Error("Apply(every agent removed) = nil error, want sim: no agents")
	}
}

func TestWhatIfLabel(t *testing.T) {
	sc := defaultScenario(t)
	tests := []struct {
		name string
		wi   WhatIf
		want string
	}{
		{"none", WhatIf{Agents: []int{0, 0}}, ""},
		{"bot", WhatIf{Bot: 1}, "bot containment +0.1"},
		{"bot down", WhatIf{Bot: -12}, "bot containment −1.2"},
		{"both", WhatIf{Bot: 3, Agents: []int{0, -1}}, "bot containment +0.3, senior −1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.wi.Label(sc); got != tc.want {
				t.Errorf("Label = %q, want %q", got, tc.want)
			}
			if got := tc.wi.Zero(); got != (tc.want == "") {
				t.Errorf("Zero = %v, want %v", got, tc.want == "")
			}
		})
	}
}

func TestPeak(t *testing.T) {
	sc := defaultScenario(t)
	if got := peak(sc.Groups[0]); got != 36 {
		t.Errorf("peak(general) = %d, want 36", got)
	}
	if got := peak(sc.Groups[1]); got != 30 {
		t.Errorf("peak(senior) = %d, want 30", got)
	}
}

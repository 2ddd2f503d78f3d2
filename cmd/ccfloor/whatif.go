package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// WhatIf is a live change to the scenario that the room can try: bot
// containment moved on every bot-eligible intent, and agents added to or
// taken from groups.
type WhatIf struct {
	Bot    int   // tenths added to every bot-eligible intent's containment (−3 is −0.3)
	Agents []int // per group: agents added to every interval or shift (negative: taken away)
}

// minContainment keeps a bot-eligible intent eligible however far Bot goes down.
const minContainment = 0.01

// Zero reports whether w changes nothing.
func (w WhatIf) Zero() bool {
	return w.Bot == 0 && !slices.ContainsFunc(w.Agents, func(d int) bool { return d != 0 })
}

// Apply returns a copy of base with the changes made; base is not touched.
// The copy is validated.
func (w WhatIf) Apply(base *sim.Scenario) (*sim.Scenario, error) {
	sc := *base
	sc.Intents = slices.Clone(base.Intents)
	for i := range sc.Intents {
		if in := &sc.Intents[i]; in.BotEligible() && w.Bot != 0 {
			in.BotContainment = min(1, max(minContainment, in.BotContainment+float64(w.Bot)/10))
		}
	}
	sc.Groups = slices.Clone(base.Groups)
	for g := range sc.Groups {
		if g < len(w.Agents) && w.Agents[g] != 0 {
			addAgents(&sc.Groups[g], w.Agents[g])
		}
	}
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	return &sc, nil
}

// addAgents adds d agents (d < 0: removes) to every interval or every shift
// of g, never going below zero.
func addAgents(g *sim.Group, d int) {
	switch {
	case len(g.Shifts) > 0:
		g.Shifts = slices.Clone(g.Shifts)
		for i := range g.Shifts {
			g.Shifts[i].Count = max(0, g.Shifts[i].Count+d)
		}
	case len(g.Counts) > 0:
		g.Counts = slices.Clone(g.Counts)
		for i := range g.Counts {
			g.Counts[i] = max(0, g.Counts[i]+d)
		}
	default:
		g.Count = max(0, g.Count+d)
	}
}

// Label describes the changes for the header, e.g. "bot +0.1, senior −1";
// "" when there are none.
func (w WhatIf) Label(sc *sim.Scenario) string {
	var parts []string
	if w.Bot != 0 {
		parts = append(parts, "bot containment "+signed(w.Bot, true))
	}
	for g, d := range w.Agents {
		if d != 0 && g < len(sc.Groups) {
			parts = append(parts, sc.Groups[g].Name+" "+signed(d, false))
		}
	}
	return strings.Join(parts, ", ")
}

// signed formats n with its sign, as tenths when tenths is set.
func signed(n int, tenths bool) string {
	s := "+"
	if n < 0 {
		s, n = "−", -n
	}
	if tenths {
		return fmt.Sprintf("%s%d.%d", s, n/10, n%10)
	}
	return fmt.Sprintf("%s%d", s, n)
}

// peak is the most agents group g has scheduled at once, near enough: its
// largest interval count, or all its shifts together.
func peak(g sim.Group) int {
	switch {
	case len(g.Shifts) > 0:
		n := 0
		for _, sh := range g.Shifts {
			n += sh.Count
		}
		return n
	case len(g.Counts) > 0:
		return slices.Max(g.Counts)
	}
	return g.Count
}

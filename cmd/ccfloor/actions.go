package main

import (
	"fmt"
	"slices"
)

// Action is something the viewer asks for with a key.
type Action uint8

// Actions.
const (
	actNone      Action = iota
	actPause            // pause or resume
	actFaster           // next speed up
	actSlower           // next speed down
	actStep             // pause and advance one tick
	actNewSeed          // restart the day with a new seed
	actBotUp            // what-if: bot containment +0.1, restart
	actBotDown          // what-if: bot containment −0.1, restart
	actAgentUp          // what-if: one more agent in the target group(s), restart
	actAgentDown        // what-if: one agent fewer, restart
	actTarget           // choose the group the agent keys change
	actReset            // drop the what-ifs, restart
	actHelp             // show or hide the key overlay
	actQuit
)

// binding is a line of the key overlay: the keys as shown and what they do.
type binding struct {
	keys string
	act  Action
	help string
}

// bindings lists the controls in the order the help overlay shows them.
// The game maps real keys to the same actions (keys.go).
func bindings() []binding {
	return []binding{
		{"Space", actPause, "pause / resume"},
		{"→  or  +", actFaster, "faster (up to 3600×: an hour a second)"},
		{"←  or  −", actSlower, "slower (down to 1×: real time)"},
		{"S", actStep, "pause and step one frame"},
		{"R", actNewSeed, "restart the day with a new seed"},
		{"B  /  Shift+B", actBotUp, "what-if: bot containment +0.1 / −0.1"},
		{"↑  /  ↓", actAgentUp, "what-if: +1 / −1 agent in the chosen group(s)"},
		{"G", actTarget, "choose the group for ↑ / ↓ (all, or one)"},
		{"0", actReset, "drop the what-ifs and restart"},
		{"H  or  F1", actHelp, "show / hide this help"},
		{"Esc  or  Q", actQuit, "quit"},
	}
}

// maxAdded is the most agents a what-if adds to a group.
const maxAdded = 99

// speeds are the steps of the speed keys, simulated seconds per real second.
func speeds() []float64 { return []float64{1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 3600} }

// Do carries out a. It reports whether the viewer asked to quit.
func (w *World) Do(a Action) (quit bool) {
	switch a {
	case actPause:
		w.Paused = !w.Paused
	case actFaster, actSlower:
		w.Speed = nextSpeed(w.Speed, a == actFaster)
	case actStep:
		w.Paused = true
		w.step()
	case actNewSeed:
		w.Seed++
		w.restart()
		w.say(fmt.Sprintf("new day, seed %d", w.Seed))
	case actBotUp, actBotDown:
		wi := w.WhatIf
		wi.Bot = min(10, max(-10, wi.Bot+sign(a == actBotUp)))
		w.try(wi)
	case actAgentUp, actAgentDown:
		w.try(w.agents(sign(a == actAgentUp)))
	case actTarget:
		if w.Target++; w.Target >= len(w.Scenario.Groups) {
			w.Target = -1
		}
		w.say("↑ / ↓ change " + w.TargetName())
	case actReset:
		w.try(WhatIf{Agents: make([]int, len(w.Base.Groups))})
	case actHelp:
		w.Help = !w.Help
	case actQuit:
		return true
	}
	return false
}

// agents returns the what-ifs with d agents added to the target group(s).
func (w *World) agents(d int) WhatIf {
	wi := w.WhatIf
	wi.Agents = slices.Clone(wi.Agents)
	for g := range wi.Agents {
		if w.Target < 0 || w.Target == g {
			wi.Agents[g] = min(maxAdded, max(-peak(w.Base.Groups[g]), wi.Agents[g]+d))
		}
	}
	return wi
}

// try restarts the day, same seed, with the what-ifs wi; if they make no
// valid scenario, it keeps the current ones and says why.
func (w *World) try(wi WhatIf) {
	sc, err := wi.Apply(w.Base)
	if err != nil {
		w.say("cannot: " + err.Error())
		return
	}
	w.WhatIf, w.Scenario = wi, sc
	w.restart()
	if wi.Zero() {
		w.say("the scenario as given, same seed")
		return
	}
	w.say("what-if: " + wi.Label(sc) + " (same seed)")
}

// TargetName names the group(s) the agent keys change.
func (w *World) TargetName() string {
	if w.Target < 0 {
		return "every group"
	}
	return w.Scenario.Groups[w.Target].Name
}

// nextSpeed is the next step of speeds above (or below) s.
func nextSpeed(s float64, up bool) float64 {
	steps := speeds()
	if up {
		for _, v := range steps {
			if v > s {
				return v
			}
		}
		return maxSpeed
	}
	for i := len(steps) - 1; i >= 0; i-- {
		if steps[i] < s {
			return steps[i]
		}
	}
	return minSpeed
}

// sign is +1 for up, −1 otherwise.
func sign(up bool) int {
	if up {
		return 1
	}
	return -1
}

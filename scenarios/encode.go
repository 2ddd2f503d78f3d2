package scenarios

import (
	"bytes"
	"fmt"
	"math"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/ccsim/ccsim/sim"
)

// Encode writes sc as scenario TOML that Parse reads back to an equal
// scenario. Empirical distributions are written inline (values, not file).
func Encode(sc *sim.Scenario) ([]byte, error) {
	f := file{Name: sc.Name, Seed: &sc.Seed, Replications: &sc.Replications}
	a := sc.Arrivals
	if a.Day() {
		f.Arrivals = fileArrivals{Open: clock{a.Open, true}, Close: clock{a.Close, true}, Interval: dur(a.Interval), Profile: a.Profile,
			Overdispersion: a.Overdispersion, DayFactor: a.DayFactor}
	} else {
		w := dur(sc.Warmup)
		f.Horizon, f.Warmup = dur(sc.Horizon), &w
		f.Arrivals = fileArrivals{Rate: a.Rate, Overdispersion: a.Overdispersion, DayFactor: a.DayFactor}
		if a.Interval > 0 {
			f.Arrivals.Interval = dur(a.Interval)
		}
	}
	th := dur(sc.ServiceLevel.Threshold)
	f.ServiceLevel = fileSL{Threshold: &th, Target: &sc.ServiceLevel.Target, Definition: string(sc.ServiceLevel.Definition)}
	var err error
	if sc.Patience != nil {
		if f.Patience, err = encodeDist(sc.Patience); err != nil {
			return nil, fmt.Errorf("patience: %w", err)
		}
	}
	if b := sc.Bot; b != nil {
		ct := b.ContextTransfer
		f.Bot = &fileBot{Capacity: b.Capacity, HangUp: b.HangUp, OptOut: b.OptOut, ContextTransfer: &ct,
			ContextSaving: b.ContextSaving, NoContextPenalty: b.NoContextPenalty}
		if b.EmotionalToHuman {
			f.Bot.Emotional = "human"
		}
		if f.Bot.HandleTime, err = encodeDist(b.HandleTime); err != nil {
			return nil, fmt.Errorf("bot.handle_time: %w", err)
		}
	}
	if err := encodeIntents(sc, &f); err != nil {
		return nil, err
	}
	for i := range sc.Groups {
		f.Agents = append(f.Agents, encodeGroup(&sc.Groups[i]))
	}
	if err := encodeFeatures(sc, &f); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, fmt.Errorf("scenarios: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// dur converts a duration to its TOML form.
func dur(d time.Duration) duration { return duration{d, true} }

// secDur converts seconds to a duration, rounded to the nanosecond.
func secDur(s float64) duration { return dur(time.Duration(math.Round(s * 1e9))) }

func encodeDist(d sim.Dist) (*fileDist, error) {
	switch d := d.(type) {
	case sim.Exponential:
		return &fileDist{Dist: "exponential", Mean: secDur(d.MeanS)}, nil
	case sim.LogNormal:
		return &fileDist{Dist: "lognormal", Mean: secDur(d.MeanS), CV: &d.CV}, nil
	case sim.Gamma:
		return &fileDist{Dist: "gamma", Mean: secDur(d.MeanS), CV: &d.CV}, nil
	case sim.Erlang:
		return &fileDist{Dist: "erlang", Mean: secDur(d.MeanS), K: &d.K}, nil
	case sim.Deterministic:
		return &fileDist{Dist: "deterministic", Value: secDur(d.Value)}, nil
	case sim.Uniform:
		return &fileDist{Dist: "uniform", Min: secDur(d.Min), Max: secDur(d.Max)}, nil
	case sim.Empirical:
		f := &fileDist{Dist: "empirical"}
		for _, v := range d.Values {
			f.Values = append(f.Values, secDur(v))
		}
		return f, nil
	}
	return nil, fmt.Errorf("cannot encode distribution %T", d)
}

func encodeGroup(g *sim.Group) fileAgents {
	fa := fileAgents{Group: g.Name, Counts: g.Counts, Shrinkage: g.Shrinkage, ChatStretch: g.ChatStretch,
		AIAdoption: g.AIAdoption, AIReduction: g.AIReduction, CostPerHour: g.CostPerHour}
	if g.Counts == nil && g.Shifts == nil {
		fa.Count = &g.Count
	}
	if g.HandleFactor != 0 {
		fa.HandleFactor = &g.HandleFactor
	}
	if g.ChatConcurrency != 0 {
		fa.ChatConcurrency = &g.ChatConcurrency
	}
	for _, sk := range g.Skills {
		if fa.Skills == nil {
			fa.Skills = map[string]int{}
		}
		fa.Skills[sk.Name] = sk.Priority
	}
	for _, sh := range g.Shifts {
		fs := fileShift{Start: clock{sh.Start, true}, End: clock{sh.End, true}, Count: sh.Count}
		for _, b := range sh.Breaks {
			fs.Breaks = append(fs.Breaks, fileBreak{Start: clock{b.Start, true}, Length: dur(b.Length), Spread: duration{b.Spread, b.Spread != 0}})
		}
		fa.Shifts = append(fa.Shifts, fs)
	}
	return fa
}

func encodeFeatures(sc *sim.Scenario, f *file) error {
	var err error
	if sc.Routing != (sim.Routing{}) {
		f.Routing = &fileRouting{Policy: sc.Routing.Policy, OverflowAfter: duration{sc.Routing.OverflowAfter, sc.Routing.OverflowAfter != 0}}
	}
	for ch, sl := range sc.Channels {
		if f.Channels == nil {
			f.Channels = map[string]fileSL{}
		}
		th, target := dur(sl.Threshold), sl.Target
		f.Channels[ch.String()] = fileSL{Threshold: &th, Target: &target, Definition: string(sl.Definition)}
	}
	if r := sc.Retrials; r != nil {
		f.Retrials = &fileRetrials{Share: r.Share}
		if f.Retrials.Delay, err = encodeDist(r.Delay); err != nil {
			return fmt.Errorf("retrials.delay: %w", err)
		}
	}
	if c := sc.Callback; c != nil {
		f.Callback = &fileCallback{OfferAbove: dur(c.OfferAbove), Accept: c.Accept}
	}
	if c := sc.Costs; c != nil {
		f.Costs = &fileCosts{AgentHour: c.AgentHour, BotSession: c.BotSession, Abandoned: c.Abandoned, Currency: c.Currency}
	}
	if x := sc.Limits; x != (sim.Limits{}) {
		f.Limits = &fileLimits{Replications: x.Replications, Contacts: x.Contacts, Intervals: x.Intervals, Tables: x.Tables}
	}
	if x := sc.Experience; x != nil {
		wt := dur(x.WaitTolerance)
		f.Experience = &fileExperience{Base: &x.Base, Unresolved: &x.Unresolved, WaitTolerance: &wt, WaitPerMinute: &x.WaitPerMinute,
			FailedBot: &x.FailedBot, RepeatInfo: &x.RepeatInfo, EmotionalBot: &x.EmotionalBot, DetractorBelow: &x.DetractorBelow}
		if x.RepeatDelay != nil {
			if f.Experience.RepeatDelay, err = encodeDist(x.RepeatDelay); err != nil {
				return fmt.Errorf("experience.repeat_delay: %w", err)
			}
		}
	}
	return nil
}

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
		f.Arrivals = fileArrivals{Open: clock{a.Open, true}, Close: clock{a.Close, true}, Interval: dur(a.Interval), Profile: a.Profile}
	} else {
		w := dur(sc.Warmup)
		f.Horizon, f.Warmup = dur(sc.Horizon), &w
		f.Arrivals = fileArrivals{Rate: a.Rate}
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
		if f.Bot.HandleTime, err = encodeDist(b.HandleTime); err != nil {
			return nil, fmt.Errorf("bot.handle_time: %w", err)
		}
	}
	for i := range sc.Intents {
		in := &sc.Intents[i]
		fi := fileIntent{Name: in.Name, Share: &in.Share, BotContainment: in.BotContainment}
		if fi.HandleTime, err = encodeDist(in.HandleTime); err != nil {
			return nil, fmt.Errorf("intent %q: handle_time: %w", in.Name, err)
		}
		f.Intents = append(f.Intents, fi)
	}
	for i := range sc.Groups {
		g := &sc.Groups[i]
		fa := fileAgents{Group: g.Name, Counts: g.Counts}
		if g.Counts == nil {
			fa.Count = &g.Count
		}
		f.Agents = append(f.Agents, fa)
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

package scenarios

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// Defaults of the customer-experience model (docs/model.md "Customer experience").
const (
	DefaultExpBase           = 9.0
	DefaultExpUnresolved     = 5.0
	DefaultExpWaitTolerance  = 60 * time.Second
	DefaultExpWaitPerMinute  = 0.5
	DefaultExpFailedBot      = 1.0
	DefaultExpRepeatInfo     = 1.5
	DefaultExpEmotionalBot   = 2.0
	DefaultExpDetractorBelow = 7.0
)

// fractions is one fraction or a list of them (one per interval).
type fractions []float64

// UnmarshalTOML accepts a number or an array of numbers.
func (f *fractions) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case float64:
		*f = fractions{x}
	case int64:
		*f = fractions{float64(x)}
	case []any:
		for _, e := range x {
			switch n := e.(type) {
			case float64:
				*f = append(*f, n)
			case int64:
				*f = append(*f, float64(n))
			default:
				return fmt.Errorf("expected numbers, got %v", e)
			}
		}
	default:
		return fmt.Errorf("expected a number or an array of numbers, got %v", v)
	}
	return nil
}

// group converts agent group i.
func (l *loader) group(i int, a *fileAgents) sim.Group {
	key := fmt.Sprintf("agents.%d", i)
	g := sim.Group{Name: a.Group, Counts: a.Counts, Shrinkage: a.Shrinkage,
		ChatStretch: a.ChatStretch, AIAdoption: a.AIAdoption, AIReduction: a.AIReduction, CostPerHour: a.CostPerHour}
	if a.Count != nil {
		g.Count = *a.Count
	}
	n := 0
	for _, set := range []bool{a.Count != nil, a.Counts != nil, a.Shifts != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		l.errs = append(l.errs, l.d.errorf(key, "agent group %q needs exactly one of count, counts or shifts", a.Group))
	}
	if a.ChatConcurrency != nil {
		if *a.ChatConcurrency < 1 {
			l.errs = append(l.errs, l.d.errorf(key+".chat_concurrency", "must be at least 1, got %d", *a.ChatConcurrency))
		}
		g.ChatConcurrency = *a.ChatConcurrency
	}
	if a.HandleFactor != nil {
		if !(*a.HandleFactor > 0) {
			l.errs = append(l.errs, l.d.errorf(key+".handle_time_factor", "must be positive, got %g", *a.HandleFactor))
		}
		g.HandleFactor = *a.HandleFactor
	}
	for name, prio := range a.Skills {
		g.Skills = append(g.Skills, sim.Skill{Name: name, Priority: prio})
	}
	sort.Slice(g.Skills, func(i, j int) bool {
		return g.Skills[i].Priority < g.Skills[j].Priority ||
			(g.Skills[i].Priority == g.Skills[j].Priority && g.Skills[i].Name < g.Skills[j].Name)
	})
	for _, sh := range a.Shifts {
		s := sim.Shift{Start: sh.Start.Duration, End: sh.End.Duration, Count: sh.Count}
		for _, b := range sh.Breaks {
			s.Breaks = append(s.Breaks, sim.Break{Start: b.Start.Duration, Length: b.Length.Duration, Spread: b.Spread.Duration})
		}
		g.Shifts = append(g.Shifts, s)
	}
	return g
}

// features converts routing, channels, retrials, callbacks and the experience model.
func (l *loader) features(f *file, sc *sim.Scenario) {
	if r := f.Routing; r != nil {
		sc.Routing = sim.Routing{Policy: r.Policy, OverflowAfter: r.OverflowAfter.Duration}
	}
	if c := f.Costs; c != nil {
		sc.Costs = &sim.Costs{AgentHour: c.AgentHour, BotSession: c.BotSession, Abandoned: c.Abandoned, Currency: c.Currency}
	}
	if x := f.Limits; x != nil {
		sc.Limits = sim.Limits{Replications: x.Replications, Contacts: x.Contacts, Intervals: x.Intervals, Tables: x.Tables}
	}
	for name, c := range f.Channels {
		ch, err := sim.ParseChannel(name)
		if err != nil {
			l.errs = append(l.errs, l.d.errorf("channels."+name, "%v", err))
			continue
		}
		sl := sim.ServiceLevel{Threshold: sc.ServiceLevel.Threshold, Target: sc.ServiceLevel.Target, Definition: sim.Definition(c.Definition)}
		if c.Threshold != nil {
			sl.Threshold = c.Threshold.Duration
		}
		if c.Target != nil {
			sl.Target = *c.Target
		}
		if sc.Channels == nil {
			sc.Channels = map[sim.Channel]sim.ServiceLevel{}
		}
		sc.Channels[ch] = sl
	}
	if r := f.Retrials; r != nil {
		sc.Retrials = &sim.Retrials{Share: r.Share}
		if r.Delay == nil {
			l.errs = append(l.errs, l.d.errorf("retrials.delay", "is required, e.g. delay = { dist = \"exponential\", mean = \"10m\" }"))
		} else {
			sc.Retrials.Delay = l.dist("retrials.delay", r.Delay)
		}
	}
	if c := f.Callback; c != nil {
		sc.Callback = &sim.Callback{OfferAbove: c.OfferAbove.Duration, Accept: c.Accept}
	}
	if x := f.Experience; x != nil {
		sc.Experience = &sim.Experience{
			Base: or(x.Base, DefaultExpBase), Unresolved: or(x.Unresolved, DefaultExpUnresolved),
			WaitTolerance: DefaultExpWaitTolerance, WaitPerMinute: or(x.WaitPerMinute, DefaultExpWaitPerMinute),
			FailedBot: or(x.FailedBot, DefaultExpFailedBot), RepeatInfo: or(x.RepeatInfo, DefaultExpRepeatInfo),
			EmotionalBot: or(x.EmotionalBot, DefaultExpEmotionalBot), DetractorBelow: or(x.DetractorBelow, DefaultExpDetractorBelow),
		}
		if x.WaitTolerance != nil {
			sc.Experience.WaitTolerance = x.WaitTolerance.Duration
		}
		if x.RepeatDelay != nil {
			sc.Experience.RepeatDelay = l.dist("experience.repeat_delay", x.RepeatDelay)
		}
	}
}

func or(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

// dayType applies [arrivals.days.NAME] for the day chosen by arrivals.day:
// its profile replaces the base profile, its factor multiplies the day factor.
func (l *loader) dayType(a *fileArrivals, sc *sim.Scenario) {
	if a.Day == "" {
		if len(a.Days) > 0 {
			l.errs = append(l.errs, l.d.errorf("arrivals.days", "day types are defined but arrivals.day does not choose one"))
		}
		return
	}
	d, ok := a.Days[a.Day]
	if !ok {
		names := make([]string, 0, len(a.Days))
		for n := range a.Days {
			names = append(names, n)
		}
		sort.Strings(names)
		l.errs = append(l.errs, l.d.errorf("arrivals.day", "no day type %q in [arrivals.days] (have: %s)", a.Day, strings.Join(names, ", ")))
		return
	}
	if d.Profile != nil {
		sc.Arrivals.Profile = d.Profile
	}
	if d.Factor != 0 {
		if !(d.Factor > 0) {
			l.errs = append(l.errs, l.d.errorf("arrivals.days."+a.Day+".factor", "must be positive, got %g", d.Factor))
		}
		sc.Arrivals.DayFactor = orOne(sc.Arrivals.DayFactor) * d.Factor
	}
}

func orOne(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}

package sim

import (
	"fmt"
	"math"
	"time"
)

// validateFeatures checks skills, routing, staffing plans, channels,
// retrials, callbacks and the experience model.
func (s *Scenario) validateFeatures(v *validator) {
	skills := map[string]bool{}
	anySkills := false
	for _, g := range s.Groups {
		if len(g.Skills) == 0 {
			skills["*"] = true
		}
		for _, sk := range g.Skills {
			skills[sk.Name] = true
			anySkills = true
		}
	}
	for i, in := range s.Intents {
		key := fmt.Sprintf("intents.%d", i)
		if anySkills && !skills["*"] && !skills[in.Skill] {
			name := in.Skill
			if name == "" {
				name = "(default)"
			}
			v.add(key+".skill", "no agent group has skill %q needed by intent %q", name, in.Name)
		}
		if in.Channel >= numChannels {
			v.add(key+".channel", "unknown channel")
		}
		v.prob(key+".emotional", in.Emotional)
		v.prob(key+".repeat", in.Repeat)
		v.prob(key+".bot_repeat", in.BotRepeat)
		if (in.Repeat > 0 || in.BotRepeat > 0) && (s.Experience == nil || s.Experience.RepeatDelay == nil) {
			v.add(key+".repeat", "repeat contacts need [experience] repeat_delay")
		}
	}
	switch s.Routing.Policy {
	case "", LongestIdle:
	case GroupPriority:
		if s.Routing.OverflowAfter <= 0 {
			v.add("routing.overflow_after", "must be positive with policy group_priority")
		}
	default:
		v.add("routing.policy", "must be longest_idle or group_priority, got %q", s.Routing.Policy)
	}
	for i := range s.Groups {
		s.validateGroup(v, i)
	}
	for ch, sl := range s.Channels {
		key := "channels." + ch.String()
		if sl.Threshold < 0 {
			v.add(key+".threshold", "must not be negative")
		}
		v.prob(key+".target", sl.Target)
	}
	if r := s.Retrials; r != nil {
		v.prob("retrials.share", r.Share)
		v.dist("retrials.delay", r.Delay)
	}
	if c := s.Callback; c != nil {
		v.prob("callback.accept", c.Accept)
		if c.OfferAbove < 0 {
			v.add("callback.offer_above", "must not be negative")
		}
	}
	if x := s.Experience; x != nil {
		s.validateExperience(v, x)
	}
	if a := s.Arrivals; !(a.Overdispersion >= 0) {
		v.add("arrivals.overdispersion", "must be a positive gamma shape (inf: plain Poisson), got %g", a.Overdispersion)
	}
	if a := s.Arrivals; !(a.DayFactor >= 0) || math.IsInf(a.DayFactor, 0) {
		v.add("arrivals.day_factor", "must be a positive multiplier, got %g", a.DayFactor)
	}
}

func (s *Scenario) validateGroup(v *validator, i int) {
	g := &s.Groups[i]
	key := fmt.Sprintf("agents.%d", i)
	for _, sk := range g.Skills {
		if sk.Priority < 1 {
			v.add(fmt.Sprintf("%s.skills.%s", key, sk.Name), "priority must be 1 or more, got %d", sk.Priority)
		}
	}
	if g.HandleFactor < 0 {
		v.add(key+".handle_time_factor", "must be positive")
	}
	if g.ChatConcurrency < 0 {
		v.add(key+".chat_concurrency", "must be at least 1")
	}
	if g.ChatStretch < 0 {
		v.add(key+".chat_stretch", "must not be negative")
	}
	v.prob(key+".ai_adoption", g.AIAdoption)
	if !(g.AIReduction >= 0 && g.AIReduction < 1) {
		v.add(key+".ai_reduction", "must be a fraction in [0, 1), got %g", g.AIReduction)
	}
	for j, sh := range g.Shrinkage {
		if !(sh >= 0 && sh < 1) {
			v.add(fmt.Sprintf("%s.shrinkage.%d", key, j), "must be a fraction in [0, 1), got %g", sh)
		}
	}
	if n := len(g.Shrinkage); n > 1 && n != s.Intervals() {
		v.add(key+".shrinkage", "has %d values; give one, or one per interval (%d)", n, s.Intervals())
	}
	if g.Shifts == nil {
		return
	}
	if !s.Arrivals.Day() {
		v.add(key+".shifts", "shifts need a day profile in [arrivals]")
		return
	}
	open, close := s.Arrivals.Open, s.Arrivals.Close
	for j, sh := range g.Shifts {
		sk := fmt.Sprintf("%s.shifts.%d", key, j)
		if sh.Start < open || sh.End > close || sh.End <= sh.Start {
			v.add(sk, "shift %s-%s must lie within opening hours %s-%s and end after it starts", clockOf(sh.Start), clockOf(sh.End), clockOf(open), clockOf(close))
		}
		if sh.Count < 0 {
			v.add(sk+".count", "must not be negative")
		}
		for b, br := range sh.Breaks {
			bk := fmt.Sprintf("%s.breaks.%d", sk, b)
			if br.Length <= 0 || br.Start < sh.Start || br.Start+br.Spread+br.Length > sh.End {
				v.add(bk, "break at %s (length %v, spread %v) must lie within its shift %s-%s", clockOf(br.Start), br.Length, br.Spread, clockOf(sh.Start), clockOf(sh.End))
			}
		}
	}
}

func (s *Scenario) validateExperience(v *validator, x *Experience) {
	for name, val := range map[string]float64{"base": x.Base, "unresolved": x.Unresolved, "wait_per_minute": x.WaitPerMinute,
		"failed_bot": x.FailedBot, "repeat_info": x.RepeatInfo, "emotional_bot": x.EmotionalBot, "detractor_below": x.DetractorBelow} {
		if !(val >= 0 && val <= 10) {
			v.add("experience."+name, "must be between 0 and 10, got %g", val)
		}
	}
	if x.RepeatDelay != nil {
		v.dist("experience.repeat_delay", x.RepeatDelay)
	}
}

func clockOf(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

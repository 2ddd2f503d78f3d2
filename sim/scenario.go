package sim

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Scenario is a complete, validated description of a contact center to simulate.
// Build it directly or load it with package scenarios.
type Scenario struct {
	Name         string
	Seed         uint64
	Replications int           // independent replications, ≥ 1
	Horizon      time.Duration // steady state: simulated time per replication, warm-up included
	Warmup       time.Duration // steady state: statistics discarded before this time
	ServiceLevel ServiceLevel
	Arrivals     Arrivals
	Patience     Dist // time a customer waits in the human queue before hanging up; nil: forever
	Bot          *Bot // the bot front end; nil: a human-only center
	Intents      []Intent
	Groups       []Group // agent groups
	Routing      Routing
	Channels     map[Channel]ServiceLevel // per-channel service-level goals; missing channels use ServiceLevel
	Retrials     *Retrials                // nil: abandoning customers never call again
	Callback     *Callback                // nil: no callbacks
	Experience   *Experience              // nil: satisfaction is not modelled
	Costs        *Costs                   // nil: no cost figures (agent-hours are still reported)
	Limits       Limits                   // bounds on the run's work; zero fields take DefaultLimits
	Provenance   *Provenance              // where the scenario came from; nil when built in code
}

// Definition names how service level is computed.
type Definition string

// Service-level definitions; see docs/model.md "Metrics".
const (
	Offered           Definition = "offered"             // answered within threshold / reached the human queue
	Answered          Definition = "answered"            // answered within threshold / answered
	ExclShortAbandons Definition = "excl_short_abandons" // answered within threshold / (answered + abandoned after threshold)
)

// ServiceLevel is the service-level goal.
type ServiceLevel struct {
	Threshold  time.Duration // answer within this wait
	Target     float64       // share to reach, in [0, 1]
	Definition Definition    // empty means Offered
}

// Arrivals describes demand: a constant rate for steady-state runs, or a day
// profile of contacts per interval between Open and Close.
type Arrivals struct {
	Rate     float64       // steady state: contacts per hour
	Open     time.Duration // day: opening time since midnight
	Close    time.Duration // day: closing time since midnight
	Interval time.Duration // reporting (and, in a day, profile) interval length
	Profile  []float64     // day: expected contacts in each interval, (Close-Open)/Interval values
	// Overdispersion is the shape k of a Gamma(k, 1/k) busyness factor drawn
	// once per replication (day) that multiplies all rates: daily volume then
	// has variance m + m²/k for mean m. 0 means none (plain Poisson).
	Overdispersion float64
	DayFactor      float64 // multiplies the rate or profile (e.g. a weekday's factor); 0 means 1
}

// Day reports whether the arrivals describe a finite day rather than a steady state.
func (a Arrivals) Day() bool { return len(a.Profile) > 0 }

// Bot is the automated front end that bot-eligible intents meet first.
type Bot struct {
	HandleTime       Dist    // time spent in the bot before its outcome
	Capacity         int     // concurrent bot sessions; 0 means unlimited (beyond it contacts go straight to humans)
	HangUp           float64 // probability a customer the bot does not resolve hangs up instead of escalating
	OptOut           float64 // probability a customer asks for a human at once (no bot session, no context)
	ContextTransfer  bool    // whether escalations carry the bot's context to the agent
	ContextSaving    float64 // fraction of human handle time saved when context reaches the agent
	NoContextPenalty float64 // fraction of human handle time added when an escalation arrives without context
	// EmotionalToHuman sends emotionally charged contacts of bot-eligible
	// intents straight to humans; otherwise the bot tries first.
	EmotionalToHuman bool
}

// Intent is one reason for contact.
type Intent struct {
	Name           string
	Share          float64 // share of arrivals; shares sum to 1
	BotContainment float64 // probability the bot resolves a session; 0: never sent to the bot
	HandleTime     Dist    // human handle time
	Skill          string  // skill an agent needs; "" means the default skill
	Channel        Channel
	Priority       int     // priority class: higher classes are served first
	Emotional      float64 // share of contacts that are emotionally charged
	Complex        bool    // counts as complex work in the agent-experience figures
	Repeat         float64 // probability a contact handled by an agent needs a repeat contact
	BotRepeat      float64 // probability a contact contained by the bot needs a repeat contact
	// Family is the intent of the scenario file this one is a part of when
	// that intent spreads over channels ("" otherwise): Name is then
	// "family (channel)", FamilyShare is the family's share of arrivals and
	// ChannelShare (0-1) the part's share of the family's contacts.
	Family                    string
	FamilyShare, ChannelShare float64
}

// BotEligible reports whether contacts of this intent go to the bot first.
func (i Intent) BotEligible() bool { return i.BotContainment > 0 }

// Group is a team of agents.
type Group struct {
	Name   string
	Count  int     // agents on duty all the time
	Counts []int   // or agents per interval of the day
	Shifts []Shift // or agents by shift (a day only)
	// Shrinkage is the share of scheduled agents unavailable (absence,
	// meetings, training): one value, or one per interval of the day.
	Shrinkage       []float64
	Skills          []Skill // skills and priorities; empty: the default skill at priority 1
	HandleFactor    float64 // proficiency: multiplies handle times (1.2 = 20 % slower); 0 means 1
	ChatConcurrency int     // chats an agent holds at once; 0 means 1
	ChatStretch     float64 // each extra concurrent chat stretches a chat's handle time by this fraction
	AIAdoption      float64 // share of the group's agents using AI assistance
	AIReduction     float64 // handle-time reduction for those agents
	CostPerHour     float64 // cost of one scheduled agent-hour; 0: Costs.AgentHour
}

// FieldError is a validation problem with one scenario key. Key is the TOML
// path with zero-based array indices, e.g. "intents.2.share".
type FieldError struct {
	Key string
	Msg string
}

func (e *FieldError) Error() string { return "sim: " + e.Key + ": " + e.Msg }

// ValidationErrors is every problem Validate found.
type ValidationErrors []*FieldError

func (v ValidationErrors) Error() string {
	msgs := make([]string, len(v))
	for i, e := range v {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// ErrNoAgents is returned for a scenario without agents.
var ErrNoAgents = errors.New("sim: no agents")

type validator struct{ errs ValidationErrors }

func (v *validator) add(key, format string, args ...any) {
	v.errs = append(v.errs, &FieldError{Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) prob(key string, p float64) {
	if !(p >= 0 && p <= 1) {
		v.add(key, "must be a probability between 0 and 1, got %g", p)
	}
}

func (v *validator) dist(key string, d Dist) {
	if d == nil {
		v.add(key, "is required")
		return
	}
	if err := d.Validate(); err != nil {
		v.add(key, "%v", err)
	}
}

// Validate reports every inconsistency in the scenario; nil means it can run.
func (s *Scenario) Validate() error {
	var v validator
	if s.Replications < 1 {
		v.add("replications", "must be at least 1, got %d", s.Replications)
	}
	if s.ServiceLevel.Threshold < 0 {
		v.add("service_level.threshold", "must not be negative")
	}
	v.prob("service_level.target", s.ServiceLevel.Target)
	switch s.ServiceLevel.Definition {
	case "", Offered, Answered, ExclShortAbandons:
	default:
		v.add("service_level.definition", "must be offered, answered or excl_short_abandons, got %q", s.ServiceLevel.Definition)
	}
	s.validateArrivals(&v)
	if s.Patience != nil {
		v.dist("patience", s.Patience)
	}
	s.validateBot(&v)
	s.validateIntents(&v)
	s.validateGroups(&v)
	s.validateFeatures(&v)
	s.validateCosts(&v)
	s.validateLimits(&v)
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

func (s *Scenario) validateArrivals(v *validator) {
	a := s.Arrivals
	if !a.Day() {
		if !(a.Rate > 0) || math.IsInf(a.Rate, 0) {
			v.add("arrivals.rate", "must be a positive number of contacts per hour, got %g", a.Rate)
		}
		if s.Horizon <= 0 {
			v.add("horizon", "must be positive for a steady-state run")
		}
		if s.Warmup < 0 || (s.Horizon > 0 && s.Warmup >= s.Horizon) {
			v.add("warmup", "must be at least 0 and shorter than horizon (%v)", s.Horizon)
		}
		if a.Interval < 0 {
			v.add("arrivals.interval", "must not be negative")
		}
		return
	}
	if a.Rate != 0 {
		v.add("arrivals.rate", "give either rate (steady state) or profile (a day), not both")
	}
	if a.Open < 0 || a.Open >= 24*time.Hour {
		v.add("arrivals.open", "must be a time of day between 00:00 and 23:59")
	}
	if a.Close <= a.Open || a.Close > 48*time.Hour {
		v.add("arrivals.close", "must be after opening time")
	}
	if a.Interval <= 0 {
		v.add("arrivals.interval", "must be positive")
		return
	}
	if a.Close > a.Open {
		n := float64(a.Close-a.Open) / float64(a.Interval)
		if n != math.Trunc(n) {
			v.add("arrivals.interval", "opening hours (%v) are not a whole number of %v intervals", a.Close-a.Open, a.Interval)
		} else if int(n) != len(a.Profile) {
			v.add("arrivals.profile", "has %d values; opening hours need %d (one per %v interval)", len(a.Profile), int(n), a.Interval)
		}
	}
	for i, x := range a.Profile {
		if !(x >= 0) || math.IsInf(x, 0) {
			v.add(fmt.Sprintf("arrivals.profile.%d", i), "must be a non-negative number of contacts, got %g", x)
		}
	}
}

func (s *Scenario) validateBot(v *validator) {
	b := s.Bot
	if b == nil {
		return
	}
	v.dist("bot.handle_time", b.HandleTime)
	if b.Capacity < 0 {
		v.add("bot.capacity", "must be 0 (unlimited) or positive, got %d", b.Capacity)
	}
	v.prob("bot.hang_up", b.HangUp)
	v.prob("bot.opt_out", b.OptOut)
	if !(b.ContextSaving >= 0 && b.ContextSaving < 1) {
		v.add("bot.context_saving", "must be a fraction in [0, 1), got %g", b.ContextSaving)
	}
	if !(b.NoContextPenalty >= 0) || math.IsInf(b.NoContextPenalty, 0) {
		v.add("bot.no_context_penalty", "must be a non-negative fraction, got %g", b.NoContextPenalty)
	}
}

func (s *Scenario) validateIntents(v *validator) {
	if len(s.Intents) == 0 {
		v.add("intents", "at least one intent is required")
		return
	}
	sum := 0.0
	seen := map[string]bool{}
	for i, in := range s.Intents {
		key := fmt.Sprintf("intents.%d", i)
		if in.Name == "" {
			v.add(key+".name", "is required")
		} else if seen[in.Name] {
			v.add(key+".name", "duplicate intent %q", in.Name)
		}
		seen[in.Name] = true
		if !(in.Share >= 0 && in.Share <= 1) {
			v.add(key+".share", "must be between 0 and 1, got %g", in.Share)
		}
		sum += in.Share
		v.prob(key+".bot_containment", in.BotContainment)
		if in.BotEligible() && s.Bot == nil {
			v.add(key+".bot_containment", "intent %q is bot-eligible but the scenario has no [bot] section", in.Name)
		}
		v.dist(key+".handle_time", in.HandleTime)
	}
	if math.Abs(sum-1) > 1e-6 {
		v.add("intents", "shares sum to %g; they must sum to 1", sum)
	}
}

func (s *Scenario) validateGroups(v *validator) {
	if len(s.Groups) == 0 {
		v.add("agents", "at least one agent group is required")
		return
	}
	intervals := s.Intervals()
	total := 0
	for i, g := range s.Groups {
		key := fmt.Sprintf("agents.%d", i)
		if g.Name == "" {
			v.add(key+".group", "is required")
		}
		if g.Shifts != nil {
			for _, sh := range g.Shifts {
				total += sh.Count
			}
			continue
		}
		if g.Counts == nil {
			if g.Count < 0 {
				v.add(key+".count", "must not be negative, got %d", g.Count)
			}
			total += g.Count
			continue
		}
		if !s.Arrivals.Day() {
			v.add(key+".counts", "per-interval counts need a day profile in [arrivals]; use count")
			continue
		}
		if len(g.Counts) != intervals {
			v.add(key+".counts", "has %d values; the day has %d intervals", len(g.Counts), intervals)
		}
		for j, c := range g.Counts {
			if c < 0 {
				v.add(fmt.Sprintf("%s.counts.%d", key, j), "must not be negative, got %d", c)
			}
			total += c
		}
	}
	if total == 0 {
		v.add("agents", "%v", ErrNoAgents)
	}
}

// Intervals is the number of reporting intervals: the day's intervals, the
// steady state's (Horizon-Warmup)/Interval, or 0 when there are none.
func (s *Scenario) Intervals() int {
	a := s.Arrivals
	if a.Day() {
		return len(a.Profile)
	}
	if a.Interval <= 0 || s.Horizon <= s.Warmup {
		return 0
	}
	return int(math.Ceil(float64(s.Horizon-s.Warmup) / float64(a.Interval)))
}

// IntervalStart returns the label of interval i: "08:30" in a day, or the time since warm-up ("+1h30m") in a steady state.
func (s *Scenario) IntervalStart(i int) string {
	a := s.Arrivals
	if a.Day() {
		t := a.Open + time.Duration(i)*a.Interval
		return fmt.Sprintf("%02d:%02d", int(t.Hours()), int(t.Minutes())%60)
	}
	return "+" + (time.Duration(i) * a.Interval).String()
}

// definition returns the service-level definition with its default applied.
func (s *Scenario) definition() Definition {
	if s.ServiceLevel.Definition == "" {
		return Offered
	}
	return s.ServiceLevel.Definition
}

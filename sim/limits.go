package sim

import (
	"fmt"
	"math"
	"sync/atomic"
	"time"
)

// Limits bounds the work one run may take, so that a typo (a profile value
// of 1e300, a horizon of 100000h, replications = 100000000) is refused at
// once with the key at fault instead of running for hours or exhausting
// memory. A zero field takes its value from DefaultLimits; a scenario that
// really needs more raises the field (scenario files: the [limits] section).
type Limits struct {
	Replications int     // replications per run
	Contacts     float64 // expected arrivals per replication
	Intervals    int     // reporting intervals per replication
	// Tables bounds the memory a run keeps: each replication keeps a table
	// of figures for the whole run and each interval, in total and per
	// intent and agent group, for the exports: replications × (intervals
	// + 1) × (1 + intents + groups) tables, about 3 KB each.
	Tables int
}

// DefaultLimits are the limits of a scenario that sets none: a replication
// of 50 million contacts takes about 10 s on one core, and every
// replication keeps its own figures for the exports (per interval, intent
// and group: about 0.8 MB for the bundled default day), so 1,000 of them
// stay under 1 GB.
var DefaultLimits = Limits{Replications: 1_000, Contacts: 50e6, Intervals: 20_000, Tables: 300_000}

// orDefault returns l with each zero field taken from DefaultLimits.
func (l Limits) orDefault() Limits {
	if l.Replications == 0 {
		l.Replications = DefaultLimits.Replications
	}
	if l.Contacts == 0 {
		l.Contacts = DefaultLimits.Contacts
	}
	if l.Intervals == 0 {
		l.Intervals = DefaultLimits.Intervals
	}
	if l.Tables == 0 {
		l.Tables = DefaultLimits.Tables
	}
	return l
}

// ExpectedContacts is the mean number of arrivals in one replication (before
// retrials, callbacks and repeat contacts): rate × horizon in a steady state,
// the profile's sum in a day, times the day factor. It is +Inf when a value
// is infinite and NaN when one is not a number.
func (s *Scenario) ExpectedContacts() float64 {
	a := s.Arrivals
	f := a.DayFactor
	if f == 0 {
		f = 1
	}
	if !a.Day() {
		return a.Rate * s.Horizon.Hours() * f
	}
	sum := 0.0
	for _, x := range a.Profile {
		sum += x
	}
	return sum * f
}

// validateLimits refuses a scenario whose work exceeds its limits, naming the
// key that makes it so.
func (s *Scenario) validateLimits(v *validator) {
	l := s.Limits
	if l.Replications < 0 || !(l.Contacts >= 0) || math.IsInf(l.Contacts, 0) || l.Intervals < 0 || l.Tables < 0 {
		v.add("limits", "limits must be positive numbers (0 keeps the default)")
		return
	}
	l = l.orDefault()
	if s.Replications > l.Replications {
		v.add("replications", "%d replications are more than the limit of %d; use fewer, or raise [limits] replications", s.Replications, l.Replications)
	} else if t := s.tables(); t > float64(l.Tables) {
		v.add("replications", "%d replications of %d intervals and %d intents and groups keep %.3g tables of figures (about %.1f GB), more than the limit of %d; use fewer replications, or raise [limits] tables",
			s.Replications, s.Intervals(), len(s.Intents)+len(s.Groups), t, t*3e3/1e9, l.Tables)
	}
	if n := s.Intervals(); n > l.Intervals {
		v.add("horizon", "%v of %v intervals is %d reporting intervals, more than the limit of %d; shorten it, use longer intervals, or raise [limits] intervals",
			s.Horizon-s.Warmup, s.Arrivals.Interval, n, l.Intervals)
	}
	c := s.ExpectedContacts()
	if c <= l.Contacts || math.IsNaN(c) {
		return
	}
	key, what := "horizon", fmt.Sprintf("%g contacts an hour for %v", s.Arrivals.Rate, s.Horizon)
	if s.Arrivals.Day() {
		key, what = s.biggestInterval(), "the day's profile"
	} else if s.Horizon <= 1000*time.Hour {
		key = "arrivals.rate"
	}
	v.add(key, "%s means about %.3g contacts per replication, more than the limit of %.3g; check the value, or raise [limits] contacts",
		what, c, l.Contacts)
}

// tables is how many tables of figures the run keeps (see Limits.Tables).
func (s *Scenario) tables() float64 {
	return float64(s.Replications) * float64(s.Intervals()+1) * float64(1+len(s.Intents)+len(s.Groups))
}

// biggestInterval is the key of the largest profile value, the likeliest typo.
func (s *Scenario) biggestInterval() string {
	best := 0
	for i, x := range s.Arrivals.Profile {
		if x > s.Arrivals.Profile[best] {
			best = i
		}
	}
	return fmt.Sprintf("arrivals.profile.%d", best)
}

// Status is the progress of a run that another goroutine may read while it
// runs (for a progress display with an estimate of the time left). Pass one
// in Options.Status; sim only writes it. The zero value is ready to use.
type Status struct {
	total atomic.Int64 // replications × statusScale
	done  atomic.Int64 // finished work in the same units
}

// statusScale is how finely one replication's simulated time is divided.
const statusScale = 1000

// Fraction is the share of the run's simulated time done so far, in [0, 1]:
// finished replications plus the simulated-time share of running ones.
func (st *Status) Fraction() float64 {
	t := st.total.Load()
	if t == 0 {
		return 0
	}
	return min(1, float64(st.done.Load())/float64(t))
}

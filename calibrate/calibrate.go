// Package calibrate fits a scenario to contact records: arrivals per
// interval and their overdispersion, handle times and patience (Kaplan–Meier,
// censored maximum likelihood), the automated front end and staffing, and
// back-tests the fitted scenario against the records with the simulator's
// own metric definitions.
package calibrate

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// Options tune Run. The zero value uses the documented defaults.
type Options struct {
	Name         string        // scenario name; "": "Calibrated from FILES"
	DayTypes     string        // weekday groups, e.g. "sun-thu,fri,sat"; "": BankDayTypes for anonymous-bank records, GenericDayTypes otherwise
	Interval     time.Duration // planning interval; 0: 30m
	Open, Close  time.Duration // opening hours for every day type; both 0: detected per day type
	MinService   time.Duration // shorter services are left out of handle-time fits; 0: source default (anonymous-bank 10 s), < 0: none
	MaxService   time.Duration // longer services are left out; 0: source default (anonymous-bank 1 h), < 0: none
	Staffing     string        // staffing method, one of StaffMethods; "": StaffWhileQueued
	Threshold    time.Duration // service-level threshold; 0: 20s
	Target       float64       // service-level target; 0: 0.8
	Seed         uint64        // scenario seed; 0: 1
	Replications int           // scenario replications; 0: 20
}

// withDefaults fills the zero fields for records of the given source.
func (o Options) withDefaults(source string) Options {
	bank := source == "anonymous-bank"
	if o.DayTypes == "" {
		o.DayTypes = GenericDayTypes
		if bank {
			o.DayTypes = BankDayTypes
		}
	}
	if o.Interval <= 0 {
		o.Interval = scenarios.DefaultInterval
	}
	if o.MinService == 0 && bank {
		o.MinService = 10 * time.Second // Brown et al. (2005): the spike of services under 10 s is agents hanging up
	}
	if o.MaxService == 0 && bank {
		o.MaxService = time.Hour // Brown et al. drop services over an hour as outliers
	}
	if o.Staffing == "" {
		o.Staffing = StaffWhileQueued
	}
	if o.Threshold <= 0 {
		o.Threshold = scenarios.DefaultThreshold
	}
	if o.Target <= 0 {
		o.Target = scenarios.DefaultTarget
	}
	if o.Seed == 0 {
		o.Seed = scenarios.DefaultSeed
	}
	if o.Replications <= 0 {
		o.Replications = 20
	}
	return o
}

// Report is everything fitted from a set of contact records.
type Report struct {
	Options  Options // with defaults applied
	Source   string
	Files    []string
	Lines    int             // data lines read
	Used     int             // records used
	Dated    bool            // records carry calendar dates (day types are weekday groups)
	Issues   []records.Issue // what was dropped or repaired while reading
	Bot      bool            // the front end is modelled as a bot: some contacts were contained in it
	DayTypes []DayTypeFit
	Handle   []HandleFit // per contact type, most answered first
	Pooled   HandleFit   // all types together (for types with too few services)
	Patience PatienceFit
	Front    FrontFit
}

// DayTypeFit is what was fitted for one day type, with the scenario built from it.
type DayTypeFit struct {
	Name     string
	Arrivals ArrivalFit
	Shares   []Share // contact types by share of arrivals, largest first
	Staff    StaffFit
	Observed Observed // the day's service figures as recorded, for the back-test
	Scenario *sim.Scenario
}

// Share is a contact type's share of a day type's arrivals.
type Share struct {
	Type  string
	Count int
	Share float64
}

// ErrNoRecords is returned when there is nothing to calibrate from.
var ErrNoRecords = errors.New("calibrate: no usable contact records")

// Run fits arrivals, handle times, patience, the front end and
// staffing from contact records and builds a scenario per day type.
func Run(set *records.Set, opts Options) (*Report, error) {
	if len(set.Records) == 0 {
		return nil, ErrNoRecords
	}
	o := opts.withDefaults(set.Source)
	if o.Open < 0 || o.Close < 0 || (o.Close != 0 && o.Close <= o.Open) || o.Close > 48*time.Hour {
		return nil, fmt.Errorf("calibrate: opening hours %v–%v: close must follow open, within 48h", o.Open, o.Close)
	}
	if !slices.Contains(StaffMethods, o.Staffing) {
		return nil, fmt.Errorf("calibrate: staffing method %q: want one of %v", o.Staffing, StaffMethods)
	}
	if o.Interval > 24*time.Hour || (24*time.Hour)%o.Interval != 0 {
		return nil, fmt.Errorf("calibrate: interval %v must divide a day", o.Interval)
	}
	dt := undatedTypes()
	if set.Dated {
		var err error
		if dt, err = ParseDayTypes(o.DayTypes); err != nil {
			return nil, err
		}
	}
	c := &Report{Options: o, Source: set.Source, Files: set.Files, Lines: set.Lines, Used: len(set.Records),
		Dated: set.Dated, Issues: set.Issues.List()}
	for i := range set.Records {
		if set.Records[i].Outcome == records.Contained {
			c.Bot = true
			break
		}
	}
	c.Handle, c.Pooled = fitHandles(set.Records, o)
	c.Patience = fitPatience(set.Records)
	c.Front = fitFront(set.Records)
	days, byType := groupDays(set, dt)
	for t, name := range dt.Names {
		if len(byType[t]) > 0 {
			c.DayTypes = append(c.DayTypes, c.fitDayType(name, days[t], byType[t]))
		}
	}
	if len(c.DayTypes) == 0 {
		return nil, fmt.Errorf("%w: no record falls on a weekday of the day types %q", ErrNoRecords, o.DayTypes)
	}
	return c, nil
}

// groupDays sorts the records into day types: the days present of each
// type and its records. Records on weekdays of no type are left out.
func groupDays(set *records.Set, dt DayTypes) (days [][]int, recs [][]*records.Record) {
	recs = make([][]*records.Record, len(dt.Names))
	seen := make([]map[int]bool, len(dt.Names))
	for i := range set.Records {
		r := &set.Records[i]
		t := dt.typeOf(r.Day, set.Dated)
		if t < 0 {
			continue
		}
		if seen[t] == nil {
			seen[t] = map[int]bool{}
		}
		seen[t][r.Day] = true
		recs[t] = append(recs[t], r)
	}
	days = make([][]int, len(dt.Names))
	for t := range seen {
		days[t] = sortedDays(seen[t])
	}
	return days, recs
}

func sortedDays(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for d := range m {
		out = append(out, d)
	}
	sort.Ints(out)
	return out
}

// start returns when a record enters the simulated center: its arrival when
// the front end is modelled as a bot, else when it reached the human queue.
// ok is false for records the scenario does not represent (they never
// reached an agent's queue and no bot is modelled).
func (c *Report) start(r *records.Record) (t float64, ok bool) {
	if c.Bot {
		return r.Arrival, !math.IsNaN(r.Arrival)
	}
	return r.Queue, r.ReachedHuman() && !math.IsNaN(r.Queue)
}

// fitDayType fits one day type from its records.
func (c *Report) fitDayType(name string, days []int, recs []*records.Record) DayTypeFit {
	o := c.Options
	open, close := o.Open, o.Close
	if open == 0 && close == 0 {
		open, close = c.detectHours(days, recs)
	}
	f := DayTypeFit{Name: name}
	f.Arrivals = c.fitArrivals(days, recs, open, close)
	f.Shares = c.shares(recs, open, close)
	f.Staff = fitStaff(days, recs, open, close, o.Interval, o.Staffing)
	f.Observed = observe(days, recs, open, close, o.Interval, o.Threshold.Seconds())
	f.Scenario = c.scenario(&f)
	return f
}

// shares counts the contact types among the contacts inside opening hours.
func (c *Report) shares(recs []*records.Record, open, close time.Duration) []Share {
	counts := map[string]int{}
	total := 0
	for _, r := range recs {
		if t, ok := c.start(r); ok && t >= open.Seconds() && t < close.Seconds() {
			counts[r.Type]++
			total++
		}
	}
	var out []Share
	for ty, n := range counts {
		out = append(out, Share{Type: ty, Count: n, Share: float64(n) / float64(total)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Type < out[j].Type
	})
	return out
}

// HandleFor returns the handle-time fit of a contact type, or the pooled fit
// when the type had too few services of its own.
func (c *Report) HandleFor(typ string) (HandleFit, bool) {
	for _, h := range c.Handle {
		if h.Type == typ && len(h.Fits) > 0 && h.N() >= minFitSample {
			return h, true
		}
	}
	return c.Pooled, false
}

// DayType returns the fit of the named day type; "" is the one with most days.
func (c *Report) DayType(name string) (*DayTypeFit, error) {
	best := -1
	for i := range c.DayTypes {
		d := &c.DayTypes[i]
		if d.Name == name {
			return d, nil
		}
		if name == "" && (best < 0 || len(d.Arrivals.Days) > len(c.DayTypes[best].Arrivals.Days)) {
			best = i
		}
	}
	if best >= 0 {
		return &c.DayTypes[best], nil
	}
	var names []string
	for _, d := range c.DayTypes {
		names = append(names, d.Name)
	}
	return nil, fmt.Errorf("calibrate: no day type %q in the records (have %v)", name, names)
}

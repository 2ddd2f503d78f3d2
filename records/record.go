// Package records reads contact records (the Anonymous Bank call-center
// format, generic CSV or JSON lines with a column mapping) into plain
// values with an account of what was dropped, and writes synthetic contact
// logs of simulated days in the same shape.
package records

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Outcome is how a recorded contact ended.
type Outcome uint8

// Recorded outcomes.
const (
	Answered    Outcome = iota + 1 // served by an agent
	Abandoned                      // hung up while waiting for an agent
	FrontHangup                    // hung up in the automated front end (VRU or bot), before the human queue
	Contained                      // resolved by the automated front end
)

var recordOutcomeNames = [...]string{"", "answered", "abandoned", "front_hangup", "contained"}

func (o Outcome) String() string {
	if int(o) < len(recordOutcomeNames) {
		return recordOutcomeNames[o]
	}
	return fmt.Sprintf("outcome(%d)", o)
}

// Record is one contact as a contact-center system logged it, normalised.
// Clock times are seconds since midnight of Day (past midnight they exceed
// 86400); NaN means the step did not happen or was not recorded.
type Record struct {
	Line    int     // line of the source file, from 1 (the header is line 1)
	Day     int     // days since 1970-01-01 when the records are dated, else the file's day number
	Type    string  // contact type (becomes an intent)
	Arrival float64 // reached the center (entered the front end, if any)
	Front   float64 // seconds in the automated front end; NaN: none or unknown
	Queue   float64 // reached the human queue, or was answered without queueing; NaN: never
	Queued  bool    // waited in the queue (false: answered at once or never reached it)
	Wait    float64 // seconds in the human queue before answer or abandonment (0 if not Queued)
	Service float64 // seconds of agent service; NaN: not served
	Agent   string  // who served it; "" unknown
	Outcome Outcome
}

// ReachedHuman reports whether the contact reached the human queue (and so
// counts in service level, ASA and abandonment).
func (r *Record) ReachedHuman() bool { return r.Outcome == Answered || r.Outcome == Abandoned }

// Answer returns the time an agent picked up, or NaN.
func (r *Record) Answer() float64 {
	if r.Outcome != Answered {
		return math.NaN()
	}
	return r.Queue + r.Wait
}

// Issue is one reason records were dropped or repaired while reading.
type Issue struct {
	Reason   string // e.g. "wrong number of fields"
	Dropped  bool   // the record was left out; false: kept, with Action applied
	Action   string // what was done: "dropped", or e.g. "VRU time ignored"
	Count    int
	Examples []string // the first few places, "file:line"
}

// maxExamples is how many example places an Issue keeps.
const maxExamples = 5

// Issues tallies the problems found in the records, by reason, in the order
// first seen. The zero value is ready to use.
type Issues struct {
	list  []*Issue
	index map[string]*Issue
}

// add counts n records with the given problem, at the example places given.
func (is *Issues) add(n int, dropped bool, reason, action string, examples ...string) {
	key := reason + "\x00" + action
	if is.index == nil {
		is.index = map[string]*Issue{}
	}
	it := is.index[key]
	if it == nil {
		it = &Issue{Reason: reason, Dropped: dropped, Action: action}
		is.index[key] = it
		is.list = append(is.list, it)
	}
	it.Count += n
	for _, e := range examples {
		if len(it.Examples) < maxExamples {
			it.Examples = append(it.Examples, e)
		}
	}
}

// List returns the issues, dropped ones first, then by count.
func (is *Issues) List() []Issue {
	out := make([]Issue, len(is.list))
	for i, it := range is.list {
		out[i] = *it
		out[i].Examples = append([]string(nil), it.Examples...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Dropped != out[j].Dropped {
			return out[i].Dropped
		}
		return out[i].Count > out[j].Count
	})
	return out
}

// Dropped returns how many records were left out.
func (is *Issues) Dropped() int {
	n := 0
	for _, it := range is.list {
		if it.Dropped {
			n += it.Count
		}
	}
	return n
}

// Count returns how many records had the given reason (dropped or kept).
func (is *Issues) Count(reason string) int {
	n := 0
	for _, it := range is.list {
		if it.Reason == reason {
			n += it.Count
		}
	}
	return n
}

// merge adds the issues of o.
func (is *Issues) merge(o *Issues) {
	for _, it := range o.list {
		is.add(it.Count, it.Dropped, it.Reason, it.Action, it.Examples...)
	}
}

// lineIssues records the problems of one file, naming places file:line.
type lineIssues struct {
	*Issues
	file string
}

// drop counts a record at line left out for reason.
func (li lineIssues) drop(line int, reason string) {
	li.add(1, true, reason, "dropped", fmt.Sprintf("%s:%d", li.file, line))
}

// keep counts a record at line kept after applying action.
func (li lineIssues) keep(line int, reason, action string) {
	li.add(1, false, reason, action, fmt.Sprintf("%s:%d", li.file, line))
}

// Set is what a reader returns: the usable records and the problems found.
type Set struct {
	Source  string // format: "anonymous-bank" or "generic"
	Files   []string
	Dated   bool // Day is a calendar day (days since 1970-01-01), so weekdays are known
	Lines   int  // data lines read (header excluded)
	Records []Record
	Issues  Issues
}

// Append adds the records and issues of o (another file of the same kind).
func (s *Set) Append(o *Set) {
	if s.Source == "" {
		s.Source, s.Dated = o.Source, o.Dated
	}
	s.Dated = s.Dated && o.Dated
	s.Files = append(s.Files, o.Files...)
	s.Lines += o.Lines
	s.Records = append(s.Records, o.Records...)
	s.Issues.merge(&o.Issues)
}

// WriteIssues formats the issues as an indented list, one reason a line.
func (s *Set) WriteIssues(b *strings.Builder) { WriteIssues(b, s.Issues.List()) }

// WriteIssues writes list, one issue a line (count, reason, action and
// examples), or "none".
func WriteIssues(b *strings.Builder, list []Issue) {
	if len(list) == 0 {
		b.WriteString("  none\n")
		return
	}
	for _, it := range list {
		fmt.Fprintf(b, "  %6d  %s: %s (e.g. %s)\n", it.Count, it.Reason, it.Action, strings.Join(it.Examples, ", "))
	}
}

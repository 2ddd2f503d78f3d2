package schedule

import (
	"fmt"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// Rules say which shifts may be scheduled: start times, shift types with
// their lengths, breaks, share limits and costs, and bounds on the agents
// of each group present in every interval. Times of day are durations
// since midnight; break times are offsets from the shift's start.
type Rules struct {
	Name      string
	Starts    Window      // allowed start times of every shift type that sets none of its own
	Types     []ShiftType // at least one
	ShareOf   string      // ShareOf is what share limits count: ShareAgents (default when "") or ShareHours.
	MinAgents int         // MinAgents is the fewest agents of each group present (not on break) in every interval; 0: none.
	MaxAgents int         // MaxAgents caps each group's agents present in every interval (seats); 0: no cap.
}

// What share limits count.
const (
	ShareAgents = "agents" // shifts of the type among all shifts of the group
	ShareHours  = "hours"  // paid hours of the type among all paid hours of the group
)

// Window is a range of times of day: Earliest, Earliest+Step, … up to Latest.
type Window struct {
	Earliest, Latest time.Duration
	Step             time.Duration // 0: Earliest only when Latest equals it, else Latest − Earliest
}

// times lists the window's times.
func (w Window) times() []time.Duration {
	step := w.Step
	if step <= 0 {
		step = max(w.Latest-w.Earliest, 1)
	}
	var out []time.Duration
	for t := w.Earliest; t <= w.Latest; t += step {
		out = append(out, t)
	}
	return out
}

// ShiftType is one kind of shift: its length, breaks, costs and the share of
// a group's schedule it may take.
type ShiftType struct {
	Name         string
	Length       time.Duration // from start to end, breaks included
	Starts       *Window       // nil: Rules.Starts
	Breaks       []Break       // every shift of the type takes each break once
	CostPerHour  float64       // CostPerHour is the cost of a paid hour; 0: the group's hourly cost in the scenario (1 without a cost model).
	CostPerShift float64       // CostPerShift is a fixed cost of each shift, on top of its hours.
	MinShare     float64       // MinShare is the smallest share of the group's shifts (or hours) of this type, in [0, 1].
	MaxShare     float64       // MaxShare is the largest share, in (0, 1]; 1: no cap.
	Groups       []string      // Groups may work it; nil: every group.
}

// Break is a break or lunch of a shift type. It starts at an offset from
// the shift's start between Earliest and Latest, every Step; the solver
// places it.
type Break struct {
	Name             string
	Length           time.Duration
	Earliest, Latest time.Duration // offsets of its start from the shift's start
	Step             time.Duration // 0: Latest − Earliest (or Earliest only)
	Unpaid           bool          // Unpaid breaks are not paid hours (a lunch).
}

// PaidHours is the paid length of a shift of type t, in hours.
func (t ShiftType) PaidHours() float64 {
	d := t.Length
	for _, b := range t.Breaks {
		if b.Unpaid {
			d -= b.Length
		}
	}
	return d.Hours()
}

// allows reports whether group may work shifts of type t.
func (t ShiftType) allows(group string) bool {
	if len(t.Groups) == 0 {
		return true
	}
	for _, g := range t.Groups {
		if g == group {
			return true
		}
	}
	return false
}

// starts is the window of t's start times.
func (r *Rules) starts(t ShiftType) Window {
	if t.Starts != nil {
		return *t.Starts
	}
	return r.Starts
}

// Validate reports every problem of the rules, keyed by the TOML path of
// the rules file ("shift_types.1.breaks.0.latest").
func (r *Rules) Validate() error {
	v := &errs{}
	if r.ShareOf != "" && r.ShareOf != ShareAgents && r.ShareOf != ShareHours {
		v.add("share_of", "must be %q or %q, got %q", ShareAgents, ShareHours, r.ShareOf)
	}
	if r.MinAgents < 0 || r.MaxAgents < 0 || (r.MaxAgents > 0 && r.MaxAgents < r.MinAgents) {
		v.add("max_agents", "min_agents and max_agents must not be negative, and max_agents (0: no cap) not below min_agents")
	}
	if len(r.Types) == 0 {
		v.add("shift_types", "at least one [[shift_types]] is required")
	}
	v.window("starts", r.Starts, false)
	names := map[string]bool{}
	minSum := 0.0
	for i, t := range r.Types {
		key := fmt.Sprintf("shift_types.%d", i)
		if t.Name == "" || names[t.Name] {
			v.add(key+".name", "every shift type needs a name of its own, got %q", t.Name)
		}
		names[t.Name] = true
		r.validateType(v, key, t)
		minSum += t.MinShare
	}
	if minSum > 1+1e-9 {
		v.add("shift_types", "the min_share of the shift types sum to %g, more than 1", minSum)
	}
	if len(v.list) == 0 {
		return nil
	}
	return v.list
}

func (r *Rules) validateType(v *errs, key string, t ShiftType) {
	if t.Length <= 0 || t.Length%time.Minute != 0 {
		v.add(key+".length", "must be a positive whole number of minutes, got %v", t.Length)
	}
	if t.Starts != nil {
		v.window(key+".starts", *t.Starts, false)
	}
	if !(t.MinShare >= 0 && t.MinShare <= 1) {
		v.add(key+".min_share", "must be a share in [0, 1], got %g", t.MinShare)
	}
	if !(t.MaxShare > 0 && t.MaxShare <= 1) || t.MaxShare < t.MinShare {
		v.add(key+".max_share", "must be a share in (0, 1], not below min_share, got %g", t.MaxShare)
	}
	if !(t.CostPerHour >= 0) || !(t.CostPerShift >= 0) {
		v.add(key+".cost_per_hour", "costs must not be negative")
	}
	for j, b := range t.Breaks {
		bk := fmt.Sprintf("%s.breaks.%d", key, j)
		if b.Length <= 0 || b.Length%time.Minute != 0 {
			v.add(bk+".length", "must be a positive whole number of minutes, got %v", b.Length)
		}
		v.window(bk, Window{b.Earliest, b.Latest, b.Step}, true)
		if b.Latest+b.Length > t.Length {
			v.add(bk+".latest", "a break starting at %v for %v ends after the shift's %v", b.Latest, b.Length, t.Length)
		}
	}
	if t.PaidHours() <= 0 {
		v.add(key+".breaks", "unpaid breaks leave no paid time")
	}
}

// window checks a window of times (offsets when offset).
func (v *errs) window(key string, w Window, offset bool) {
	what := "a time of day"
	if offset {
		what = "an offset"
	}
	for i, d := range []time.Duration{w.Earliest, w.Latest, w.Step} {
		if d < 0 || d%time.Minute != 0 {
			v.add(key+"."+[]string{"earliest", "latest", "step"}[i], "must be %s in whole minutes, got %v", what, d)
		}
	}
	if w.Latest < w.Earliest {
		v.add(key+".latest", "%v is before earliest %v", w.Latest, w.Earliest)
	}
	if w.Step == 0 && w.Latest > w.Earliest && !offset {
		v.add(key+".step", "is required when latest is after earliest")
	}
}

// errs collects validation problems.
type errs struct{ list sim.ValidationErrors }

func (v *errs) add(key, format string, args ...any) {
	v.list = append(v.list, &sim.FieldError{Key: key, Msg: fmt.Sprintf(format, args...)})
}

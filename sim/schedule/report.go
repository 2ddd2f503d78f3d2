package schedule

import (
	"github.com/ccsim/ccsim/sim/staff"
)

// Report is a built schedule as JSON (docs/schedule.md lists the names).
type Report struct {
	Scenario     string             `json:"scenario"`
	Rules        string             `json:"rules"`
	Currency     string             `json:"currency,omitempty"`
	LowerBound   float64            `json:"lower_bound"` // the linear relaxation's cost for the final need
	Cost         float64            `json:"cost"`        // the schedule's cost
	GapPercent   float64            `json:"gap_percent"` // (cost − lower_bound) / lower_bound × 100
	PaidHours    float64            `json:"paid_hours"`
	FirstBound   float64            `json:"first_lower_bound"` // for the staffing plan's headcount, before repairs
	FirstCost    float64            `json:"first_cost"`
	SlotMinutes  float64            `json:"slot_minutes"`
	Shifts       []ShiftJSON        `json:"shifts"`
	Coverage     []CoverageJSON     `json:"coverage"`
	Repairs      []Repair           `json:"repairs"`
	Verification staff.Verification `json:"verification"`
	// Independent is the check with the check's seed + 1 after repairs
	// (null without repairs: verification is then independent).
	Independent *staff.Verification `json:"independent_verification"`
	Missed      []MissedJSON        `json:"missed,omitempty"` // intervals missing a goal in the final check
}

// ShiftJSON is one line of the schedule.
type ShiftJSON struct {
	Group     string      `json:"group"`
	Type      string      `json:"type"`
	Start     string      `json:"start"`
	End       string      `json:"end"`
	Count     int         `json:"count"`
	PaidHours float64     `json:"paid_hours"` // of one shift
	Cost      float64     `json:"cost"`       // of one shift
	Breaks    []BreakJSON `json:"breaks"`
}

// BreakJSON is a placed break.
type BreakJSON struct {
	Name          string  `json:"name"`
	Start         string  `json:"start"`
	LengthMinutes float64 `json:"length_minutes"`
	Paid          bool    `json:"paid"`
}

// CoverageJSON is one group's need and cover in one interval.
type CoverageJSON struct {
	Group     string  `json:"group"`
	Start     string  `json:"start"`
	Required  int     `json:"required"`
	Scheduled float64 `json:"scheduled"` // average on duty
	Least     int     `json:"least"`     // fewest on duty at any moment
	OnShift   int     `json:"on_shift"`  // on shift at the interval's start, breaks included
}

// MissedJSON is an interval that missed goals in the final check.
type MissedJSON struct {
	Start string   `json:"start"`
	Goals []string `json:"goals"`
}

// Report summarizes r for JSON.
func (r *Result) Report(rulesName, currency string) Report {
	s := r.Schedule
	rep := Report{Scenario: r.Plan.Scenario, Rules: rulesName, Currency: currency, LowerBound: s.Bound, Cost: s.Cost,
		GapPercent: 100 * s.Gap(), PaidHours: s.Hours, FirstBound: r.FirstBound, FirstCost: r.FirstCost,
		SlotMinutes: s.Slot.Minutes(), Repairs: r.Repairs, Verification: r.Check.Verification,
		Shifts: []ShiftJSON{}, Coverage: []CoverageJSON{}}
	if r.Independent != nil {
		rep.Independent = &r.Independent.Verification
	}
	if rep.Repairs == nil {
		rep.Repairs = []Repair{}
	}
	for _, sh := range s.Shifts {
		j := ShiftJSON{Group: sh.Group, Type: sh.Type, Start: Clock(sh.Start), End: Clock(sh.End), Count: sh.Count,
			PaidHours: sh.PaidHours, Cost: sh.Cost, Breaks: []BreakJSON{}}
		for _, b := range sh.Breaks {
			j.Breaks = append(j.Breaks, BreakJSON{Name: b.Name, Start: Clock(b.Start), LengthMinutes: b.Length.Minutes(), Paid: !b.Unpaid})
		}
		rep.Shifts = append(rep.Shifts, j)
	}
	for _, c := range s.Coverage {
		rep.Coverage = append(rep.Coverage, CoverageJSON{Group: c.Group, Start: Clock(c.Start), Required: c.Required,
			Scheduled: c.Scheduled, Least: c.Least, OnShift: c.Shift})
	}
	for k, goals := range r.Check.Missed {
		if len(goals) > 0 {
			rep.Missed = append(rep.Missed, MissedJSON{Start: r.Plan.Intervals[k].Start, Goals: goals})
		}
	}
	return rep
}

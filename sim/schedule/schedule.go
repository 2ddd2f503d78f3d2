// Package schedule turns staffing requirements into shifts: it solves the
// linear relaxation of the covering problem (shift patterns, with their
// breaks placed, against the agents needed on duty in every slot of the
// day) with gonum's simplex for a lower bound on cost, rounds it to whole
// shifts, repairs and improves the rounding, then simulates the schedule
// and raises the need where a goal is missed (Build).
package schedule

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

// ErrInfeasible marks rules that cannot cover a need: the error names the
// interval and the reason.
var ErrInfeasible = errors.New("schedule: infeasible rules")

// Need is the agents each group needs on duty (not on break), per interval
// of a day.
type Need struct {
	Groups   []string
	Open     time.Duration // time of day of the first interval
	Interval time.Duration // interval length
	Agents   [][]int       // [group][interval]
	HourCost []float64     // per group: cost of a paid hour for shift types that set none
}

// Schedule is a shift schedule for every group.
type Schedule struct {
	Shifts   []Shift       // by group, start, type
	Cost     float64       // cost of all shifts
	Bound    float64       // the linear relaxation's cost: no schedule of these rules costs less
	Hours    float64       // paid hours of all shifts
	Slot     time.Duration // the grid the schedule was solved on
	Coverage []Coverage    // per group and interval
}

// Gap is the schedule's cost above the lower bound, a share of the bound.
func (s *Schedule) Gap() float64 {
	if s.Bound <= 0 {
		return 0
	}
	return (s.Cost - s.Bound) / s.Bound
}

// Shift is Count agents working the same shift: type, start, end and breaks.
type Shift struct {
	Group, Type string
	Start, End  time.Duration // times of day
	Breaks      []BreakAt
	Count       int
	Cost        float64 // of one shift
	PaidHours   float64 // of one shift
}

// BreakAt is a placed break.
type BreakAt struct {
	Name          string
	Start, Length time.Duration // Start is a time of day
	Unpaid        bool
}

// Coverage compares one group's need in one interval with its schedule.
type Coverage struct {
	Group     string
	Start     time.Duration // time of day
	Required  int           // agents needed on duty
	Scheduled float64       // agents on duty, averaged over the interval
	Least     int           // fewest agents on duty at any moment of the interval
	Shift     int           // agents on shift, breaks included, at the interval's start
}

// Solve finds a cheap schedule of need under rules; see the package doc.
func Solve(need Need, rules *Rules) (*Schedule, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	if len(need.Groups) == 0 || len(need.Agents) != len(need.Groups) || need.Interval <= 0 {
		return nil, errors.New("schedule: need has no groups or intervals")
	}
	g := newGrid(rules, need.Open, len(need.Agents[0]), need.Interval)
	out := &Schedule{Slot: g.slot}
	for gi, name := range need.Groups {
		c, err := newCover(rules, g, need, gi)
		if err != nil {
			return nil, err
		}
		bound, t, err := c.solve()
		switch {
		case errors.Is(err, errInfeasible) || errors.Is(err, errRepair):
			return nil, fmt.Errorf("%w: group %q: %w", ErrInfeasible, name, err)
		case err != nil:
			return nil, fmt.Errorf("schedule: group %q: %w", name, err)
		}
		out.Bound += bound
		out.add(rules, g, name, t)
	}
	return out, nil
}

// solve returns c's lower bound and integer schedule.
func (c *cover) solve() (float64, *tally, error) {
	bound, x, err := c.relax()
	if err != nil {
		return 0, nil, err
	}
	t, err := c.round(x)
	return bound, t, err
}

// newCover makes group gi's covering problem; it fails naming the first
// interval that no rule can cover.
func newCover(r *Rules, g grid, need Need, gi int) (*cover, error) {
	name := need.Groups[gi]
	cols, err := patterns(r, g, name, need.HourCost[gi])
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInfeasible, err)
	}
	c := &cover{need: make([]int, g.slots), cap: r.MaxAgents, cols: cols}
	for s := range c.need {
		k := s / g.perInterval
		c.need[s] = max(need.Agents[gi][k], r.MinAgents)
		if err := c.coverable(s, g, name, r); err != nil {
			return nil, err
		}
	}
	weight := func(p pattern) float64 {
		if r.ShareOf == ShareHours {
			return p.hours
		}
		return 1
	}
	for ti, t := range r.Types {
		if !t.allows(name) {
			continue
		}
		for _, lim := range []struct {
			on  bool
			min bool
			v   float64
		}{{t.MinShare > 0, true, t.MinShare}, {t.MaxShare < 1, false, t.MaxShare}} {
			if !lim.on {
				continue
			}
			sh := share{typ: ti, min: lim.min, coef: make([]float64, len(cols))}
			for j, p := range cols {
				in := 0.0
				if p.typ == ti {
					in = 1
				}
				if lim.min {
					sh.coef[j] = (in - lim.v) * weight(p)
				} else {
					sh.coef[j] = (lim.v - in) * weight(p)
				}
			}
			c.shares = append(c.shares, sh)
		}
	}
	return c, nil
}

// coverable explains why slot s of c cannot be covered, if it cannot.
func (c *cover) coverable(s int, g grid, group string, r *Rules) error {
	need := c.need[s]
	at := Clock(g.at(s - s%g.perInterval))
	if c.cap > 0 && need > c.cap {
		return fmt.Errorf("%w: interval %s: group %q needs %d agents on duty, more than max_agents = %d", ErrInfeasible, at, group, need, c.cap)
	}
	if need == 0 {
		return nil
	}
	for j := range c.cols {
		if c.cols[j].onDuty(s) {
			return nil
		}
	}
	why := "no shift type allowed for the group starts early enough and ends late enough within opening hours"
	if len(c.cols) > 0 {
		why = "every allowed shift that spans it has a break there, or none spans it (check the start windows and lengths)"
	}
	return fmt.Errorf("%w: interval %s: group %q needs %d agents on duty at %s, but no allowed shift covers it: %s",
		ErrInfeasible, at, group, need, Clock(g.at(s)), why)
}

// add appends group's integer schedule t to s.
func (s *Schedule) add(r *Rules, g grid, group string, t *tally) {
	first := len(s.Shifts)
	for j, n := range t.x {
		if n == 0 {
			continue
		}
		p := t.c.cols[j]
		typ := r.Types[p.typ]
		sh := Shift{Group: group, Type: typ.Name, Start: g.at(p.start), End: g.at(p.end), Count: n, Cost: p.cost, PaidHours: p.hours}
		for i, b := range p.breaks {
			tb := typ.Breaks[i]
			sh.Breaks = append(sh.Breaks, BreakAt{Name: tb.Name, Start: g.at(b), Length: tb.Length, Unpaid: tb.Unpaid})
		}
		sort.Slice(sh.Breaks, func(a, b int) bool { return sh.Breaks[a].Start < sh.Breaks[b].Start })
		s.Shifts = append(s.Shifts, sh)
		s.Cost += float64(n) * p.cost
		s.Hours += float64(n) * p.hours
	}
	mine := s.Shifts[first:]
	sort.SliceStable(mine, func(a, b int) bool {
		return mine[a].Start < mine[b].Start || (mine[a].Start == mine[b].Start && mine[a].Type < mine[b].Type)
	})
	for k := 0; k*g.perInterval < g.slots; k++ {
		cv := Coverage{Group: group, Start: g.at(k * g.perInterval), Required: t.c.need[k*g.perInterval], Least: -1}
		for s := k * g.perInterval; s < (k+1)*g.perInterval; s++ {
			cv.Scheduled += float64(t.on[s]) / float64(g.perInterval)
			if cv.Least < 0 || t.on[s] < cv.Least {
				cv.Least = t.on[s]
			}
		}
		for j, n := range t.x {
			if p := t.c.cols[j]; k*g.perInterval >= p.start && k*g.perInterval < p.end {
				cv.Shift += n
			}
		}
		s.Coverage = append(s.Coverage, cv)
	}
}

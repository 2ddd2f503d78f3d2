package schedule

import (
	"fmt"
	"time"
)

// MaxPatterns bounds the shift patterns (type × start × break placement) of
// one group: beyond it the rules are too fine to solve quickly.
const MaxPatterns = 40_000

// grid is the day cut into slots: the greatest common divisor of the
// interval and every time in the rules, so that every start, end and break
// falls on a slot boundary.
type grid struct {
	open, slot  time.Duration
	slots       int // slots in the opening hours
	perInterval int // slots per interval
}

// newGrid makes the grid of a day open from open for intervals of width.
func newGrid(r *Rules, open time.Duration, intervals int, width time.Duration) grid {
	g := width
	add := func(d time.Duration) {
		if d < 0 {
			d = -d
		}
		if d > 0 {
			g = gcd(g, d)
		}
	}
	for _, t := range r.Types {
		w := r.starts(t)
		add(t.Length)
		add(w.Earliest - open)
		add(w.Step)
		for _, b := range t.Breaks {
			add(b.Length)
			add(b.Earliest)
			add(b.Step)
			add(b.Latest)
		}
	}
	per := int(width / g)
	return grid{open: open, slot: g, slots: per * intervals, perInterval: per}
}

func gcd(a, b time.Duration) time.Duration {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// at is the time of day of slot s.
func (g grid) at(s int) time.Duration { return g.open + time.Duration(s)*g.slot }

// pattern is one shift a group may work: a type, a start and a placement of
// its breaks.
type pattern struct {
	typ        int
	start, end int   // slots; end exclusive
	breaks     []int // start slot of each of the type's breaks
	work       []int // slots on duty (on shift, not on break), ascending
	cost       float64
	hours      float64 // paid hours
}

// patterns lists every pattern of the types group may work; hourCost is
// the group's cost of a paid hour for types that set none.
func patterns(r *Rules, g grid, group string, hourCost float64) ([]pattern, error) {
	var out []pattern
	for ti, t := range r.Types {
		if !t.allows(group) {
			continue
		}
		length := int(t.Length / g.slot)
		cost := t.CostPerHour
		if cost == 0 {
			cost = hourCost
		}
		placements := 1
		for _, b := range t.Breaks {
			placements *= len(Window{b.Earliest, b.Latest, b.Step}.times())
			if placements > MaxPatterns {
				return nil, fmt.Errorf("shift type %q has more than %d placements of its breaks; use coarser break steps", t.Name, MaxPatterns)
			}
		}
		for _, at := range r.starts(t).times() {
			s := int((at - g.open) / g.slot)
			if at < g.open || s+length > g.slots {
				continue // shifts lie within opening hours
			}
			base := pattern{typ: ti, start: s, end: s + length, hours: t.PaidHours()}
			base.cost = cost*base.hours + t.CostPerShift
			out = placeBreaks(out, base, t, g, nil)
			if len(out) > MaxPatterns {
				return nil, fmt.Errorf("the rules give group %q more than %d shift patterns (types × starts × break placements); use coarser steps", group, MaxPatterns)
			}
		}
	}
	return out, nil
}

// placeBreaks appends p with every placement of t's breaks after those
// placed (starts of breaks 0 … len(placed)−1) that keeps breaks apart.
func placeBreaks(out []pattern, p pattern, t ShiftType, g grid, placed []int) []pattern {
	j := len(placed)
	if j == len(t.Breaks) {
		p.breaks = append([]int(nil), placed...)
		p.work = worked(p, t, g)
		return append(out, p)
	}
	b := t.Breaks[j]
	n := int(b.Length / g.slot)
	for _, off := range (Window{b.Earliest, b.Latest, b.Step}).times() {
		s := p.start + int(off/g.slot)
		if overlaps(s, n, placed, t, g) {
			continue
		}
		out = placeBreaks(out, p, t, g, append(placed, s))
	}
	return out
}

// overlaps reports whether a break of n slots from s meets a placed break.
func overlaps(s, n int, placed []int, t ShiftType, g grid) bool {
	for i, q := range placed {
		m := int(t.Breaks[i].Length / g.slot)
		if s < q+m && q < s+n {
			return true
		}
	}
	return false
}

// worked lists the slots of p off break.
func worked(p pattern, t ShiftType, g grid) []int {
	var out []int
	for s := p.start; s < p.end; s++ {
		on := true
		for i, b := range p.breaks {
			if s >= b && s < b+int(t.Breaks[i].Length/g.slot) {
				on = false
			}
		}
		if on {
			out = append(out, s)
		}
	}
	return out
}

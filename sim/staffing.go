package sim

import (
	"math"
	"sort"
)

// staffChange is a moment when some group's staffing changes.
type staffChange struct {
	at        float64 // seconds since the run's start
	target    []int   // agents on duty per group from then on
	scheduled []int   // agents scheduled per group (before breaks and shrinkage)
}

// timeline computes every group's staffing over the run: constant counts,
// counts per interval, or shifts with breaks, less shrinkage. It returns the
// changes in time order (the first at 0) and each group's peak on duty.
func timeline(sc *Scenario) ([]staffChange, []int) {
	times := map[float64]bool{0: true}
	day := sc.Arrivals.Day()
	var origin, width float64
	n := 1
	if day {
		origin, width, n = sc.Arrivals.Open.Seconds(), sc.Arrivals.Interval.Seconds(), len(sc.Arrivals.Profile)
		for k := 1; k < n; k++ {
			times[float64(k)*width] = true
		}
	}
	for _, g := range sc.Groups {
		for _, sh := range g.Shifts {
			times[math.Max(0, sh.Start.Seconds()-origin)] = true
			times[sh.End.Seconds()-origin] = true
			for _, b := range sh.Breaks {
				for k := 0; k < sh.Count; k++ {
					start := breakStart(b, k, sh.Count) - origin
					times[start], times[start+b.Length.Seconds()] = true, true
				}
			}
		}
	}
	var at []float64
	for t := range times {
		// After closing, the last interval's staff stay until the queue is empty.
		if t == 0 || !day || t < float64(n)*width {
			at = append(at, t)
		}
	}
	sort.Float64s(at)
	peak := make([]int, len(sc.Groups))
	var changes []staffChange
	for _, t := range at {
		ch := staffChange{at: t, target: make([]int, len(sc.Groups)), scheduled: make([]int, len(sc.Groups))}
		k := 0
		if day {
			k = min(int(t/width), n-1)
		}
		for g := range sc.Groups {
			ch.scheduled[g], ch.target[g] = staffAt(&sc.Groups[g], t+origin, k)
			peak[g] = max(peak[g], ch.target[g])
		}
		changes = append(changes, ch)
	}
	return changes, peak
}

// breakStart is when agent k of n on a shift starts break b (time of day, seconds).
func breakStart(b Break, k, n int) float64 {
	return b.Start.Seconds() + float64(k)*b.Spread.Seconds()/float64(n)
}

// staffAt returns group g's scheduled and available agents at time of day
// tod (seconds), in interval k.
func staffAt(g *Group, tod float64, k int) (scheduled, available int) {
	switch {
	case g.Shifts != nil:
		for _, sh := range g.Shifts {
			if tod < sh.Start.Seconds() || tod >= sh.End.Seconds() {
				continue
			}
			scheduled += sh.Count
			available += sh.Count
			for _, b := range sh.Breaks {
				for a := 0; a < sh.Count; a++ {
					if s := breakStart(b, a, sh.Count); tod >= s && tod < s+b.Length.Seconds() {
						available--
					}
				}
			}
		}
	case g.Counts != nil:
		scheduled, available = g.Counts[k], g.Counts[k]
	default:
		scheduled, available = g.Count, g.Count
	}
	if len(g.Shrinkage) > 0 {
		s := g.Shrinkage[min(k, len(g.Shrinkage)-1)]
		available = int(math.Round(float64(available) * (1 - s)))
	}
	return scheduled, available
}

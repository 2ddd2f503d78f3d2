package sim

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCalendarOrder checks that the calendar (heap and lanes together) pops
// events in (time, sequence) order, the order of a sort, with many equal
// times, negative times and events in fixed-delay lanes.
func TestCalendarOrder(t *testing.T) {
	type entry struct {
		at  float64
		seq uint64
		id  int32
	}
	r := rand.New(rand.NewPCG(1, 2))
	var c calendar
	var want []entry // scheduled, not yet popped
	now := -20.0
	for i := range int32(200_000) {
		if r.Float64() < 0.52 || len(want) == 0 {
			var at float64
			lane := r.IntN(3) - 1 // -1: the heap
			switch {
			case lane >= 0:
				at = now + float64(10*(lane+1))
				c.pushLane(lane, at, evOverflow, i, 0)
			case r.IntN(4) > 0:
				at = now + float64(r.IntN(25)) // ties, with the lanes too
				c.push(at, evDone, i, 0)
			default:
				at = now + 30*r.Float64() // then ties again from there
				c.push(at, evDone, i, 0)
			}
			want = append(want, entry{at, c.seq, i})
			continue
		}
		best := slices.MinFunc(want, func(a, b entry) int {
			if a.at != b.at {
				return cmp.Compare(a.at, b.at)
			}
			return cmp.Compare(a.seq, b.seq)
		})
		if got := c.peek(); got != best.at {
			t.Fatalf("pop %d: peek %v, want %v", i, got, best.at)
		}
		_, from := c.first()
		e := c.pop(from)
		if e.at() != best.at || e.seq() != best.seq || e.id != best.id {
			t.Fatalf("pop %d: got (%v, %d, %d), want %+v", i, e.at(), e.seq(), e.id, best)
		}
		want = slices.DeleteFunc(want, func(x entry) bool { return x.seq == best.seq })
		now = e.at()
	}
}

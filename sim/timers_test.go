package sim

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTimersOrder checks the patience timers' heap against a sorted list:
// timers added with equal times, removed from anywhere (contacts answered)
// or from the top (contacts abandoning), the earliest first by (time,
// sequence), and each contact knowing where its timer is.
func TestTimersOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var tm timers
	var cs contacts
	var seq uint64
	var live []int32 // contacts with a timer
	type when struct {
		at  float64
		seq uint64
	}
	due := map[int32]when{}
	for i := range 100_000 {
		switch op := r.IntN(10); {
		case op < 5 || len(live) == 0:
			id := cs.alloc()
			cs.c[id].timer = -1
			seq++
			at := float64(r.IntN(40)) // ties
			tm.push(timer{at: at, seq: seq, id: id}, &cs)
			live = append(live, id)
			due[id] = when{at, seq}
		case op < 8:
			k := r.IntN(len(live))
			id := live[k]
			tm.remove(int(cs.c[id].timer), &cs)
			cs.release(id)
			live = slices.Delete(live, k, k+1)
		default:
			want := slices.MinFunc(live, func(a, b int32) int {
				x, y := due[a], due[b]
				if x.at != y.at {
					return cmp.Compare(x.at, y.at)
				}
				return cmp.Compare(x.seq, y.seq)
			})
			if got := tm.h[0].id; got != want {
				t.Fatalf("op %d: earliest timer is contact %d's, want %d's", i, got, want)
			}
			tm.remove(0, &cs)
			cs.release(want)
			live = slices.DeleteFunc(live, func(id int32) bool { return id == want })
		}
		if len(tm.h) != len(live) {
			t.Fatalf("op %d: %d timers, want %d", i, len(tm.h), len(live))
		}
		for _, id := range live {
			if k := cs.c[id].timer; k < 0 || tm.h[k].id != id {
				t.Fatalf("op %d: contact %d's timer is at %d, holding contact %d", i, id, k, tm.h[max(k, 0)].id)
			}
		}
	}
}

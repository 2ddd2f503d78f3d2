package web

import (
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// TestRunsDropped: finished dashboard runs are dropped oldest first by
// count and by total size, and any run once it is older than maxRunAge.
func TestRunsDropped(t *testing.T) {
	for _, tc := range []struct {
		name      string
		sizes     []int         // results JSON size of each run, added in order
		wait      time.Duration // between adds
		after     time.Duration // before the check
		wantFirst int           // first run (1-based) still kept; 0 for none
		wantN     int
	}{
		{"few and small", []int{10, 10, 10}, time.Second, 0, 1, 3},
		{"too many", make([]int, maxRuns+5), time.Second, 0, 6, maxRuns},
		{"too big together", []int{maxRunBytes / 2, maxRunBytes / 2, maxRunBytes / 2}, time.Second, 0, 2, 2},
		{"one too big alone is kept", []int{10, maxRunBytes + 1}, time.Second, 0, 2, 1},
		{"too old", []int{10, 10, 10}, 40 * time.Minute, 30 * time.Minute, 3, 1},
		{"all too old", []int{10, 10}, time.Second, maxRunAge + time.Second, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk := &fakeClock{t: time.Unix(1e9, 0)}
			rs := newRuns(clk.now)
			var ids []string
			for _, size := range tc.sizes {
				ids = append(ids, rs.add("r", &sim.Results{}, size))
				clk.t = clk.t.Add(tc.wait)
			}
			clk.t = clk.t.Add(tc.after - tc.wait)
			first := 0
			for i, id := range ids {
				if _, ok := rs.get(id); ok && first == 0 {
					first = i + 1
				}
			}
			n, _ := rs.len()
			if first != tc.wantFirst || n != tc.wantN {
				t.Errorf("first kept run %d of %d kept, want %d of %d", first, n, tc.wantFirst, tc.wantN)
			}
		})
	}
}

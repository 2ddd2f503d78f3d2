package web

import (
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/sim"
)

// Limits on the finished dashboard runs kept in memory (for downloads,
// charts and comparison): the oldest go first when there are too many or
// they are too big together, and any run goes once it is too old.
const (
	maxRuns     = 20
	maxRunBytes = 64 << 20  // total size of the kept runs' results JSON, in bytes
	maxRunAge   = time.Hour // how long a finished run stays
)

// runs keeps finished simulation runs. It is safe for concurrent use.
type runs struct {
	mu    sync.Mutex
	now   func() time.Time
	next  int
	byID  map[string]keptRun
	order []string // oldest first
	bytes int
}

// keptRun is one finished run with its size and when it finished.
type keptRun struct {
	run  reports.Run
	size int
	at   time.Time
}

func newRuns(now func() time.Time) *runs { return &runs{now: now, byID: map[string]keptRun{}} }

// add keeps res (whose results JSON has size bytes) and returns its id.
// The new run is kept even when it alone passes maxRunBytes.
func (rs *runs) add(label string, res *sim.Results, size int) string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.next++
	id := strconv.Itoa(rs.next)
	rs.byID[id] = keptRun{run: reports.Run{Label: fmt.Sprintf("#%s %s", id, label), Results: res}, size: size, at: rs.now()}
	rs.order = append(rs.order, id)
	rs.bytes += size
	for len(rs.order) > 1 && (len(rs.order) > maxRuns || rs.bytes > maxRunBytes) {
		rs.dropOldest()
	}
	rs.expire()
	return id
}

// get returns run id, if it is still kept.
func (rs *runs) get(id string) (reports.Run, bool) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.expire()
	r, ok := rs.byID[id]
	return r.run, ok
}

// expire drops the runs older than maxRunAge; rs.mu must be held.
func (rs *runs) expire() {
	now := rs.now()
	for len(rs.order) > 0 && now.Sub(rs.byID[rs.order[0]].at) > maxRunAge {
		rs.dropOldest()
	}
}

// dropOldest forgets the oldest run; rs.mu must be held.
func (rs *runs) dropOldest() {
	rs.bytes -= rs.byID[rs.order[0]].size
	delete(rs.byID, rs.order[0])
	rs.order = rs.order[1:]
}

// len is the number of runs kept, for tests.
func (rs *runs) len() (n, bytes int) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return len(rs.order), rs.bytes
}

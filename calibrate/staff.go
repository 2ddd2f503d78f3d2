package calibrate

import (
	"math"
	"sort"
	"time"

	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/sim"
)

// StaffFit estimates agents on duty per interval from the services in the
// records, averaged over the days of a day type.
type StaffFit struct {
	Busy     []sim.Stat // time-average number of services in progress (the carried load, in agents)
	Peak     []sim.Stat // most services in progress at once during the interval
	Distinct []sim.Stat // different agents who served during the interval (named agents only)
	// WhileQueued is the time-average number of services in progress while
	// at least one customer waited: then no agent available for calls was
	// idle, so it measures the agents actually answering. Days on which
	// nobody waited at least minQueuedTime in the interval are left out.
	WhileQueued []sim.Stat
	Counts      []int  // the staffing used in the scenario (see Method)
	Method      string // how Counts were chosen
}

// minQueuedTime is how long, in seconds, someone must have waited during an
// interval of a day for its WhileQueued figure to count; minQueuedDays is
// how many days need such a figure before the while-queued method uses it
// (one day's short queue is too noisy a reading).
const (
	minQueuedTime = 60
	minQueuedDays = 2
)

// Staffing methods: which reading of the concurrent services becomes the
// scenario's agents per interval (mean over days, rounded; at least 1
// where contacts arrived).
const (
	StaffWhileQueued = "while-queued" // services in progress while someone waited; peak where too few days had a queue (the default)
	StaffPeak        = "peak"         // most services in progress at once
	StaffDistinct    = "distinct"     // different named agents who served
	StaffBusy        = "busy"         // time-average services in progress (the carried load)
)

// StaffMethods lists the staffing methods, the default first.
var StaffMethods = []string{StaffWhileQueued, StaffPeak, StaffDistinct, StaffBusy}

var staffMethodDocs = map[string]string{
	StaffWhileQueued: "services in progress while customers waited (peak concurrent services where that was seen on fewer than 2 days)",
	StaffPeak:        "peak concurrent services",
	StaffDistinct:    "distinct agents who served",
	StaffBusy:        "time-average services in progress",
}

// service is one agent service: its span and agent.
type service struct {
	start, end float64
	agent      string
}

// fitStaff estimates staffing per interval of [open, close).
//
// Three readings of the concurrent services bracket the agents on duty:
// the carried load (busy) is a lower bound; the peak concurrency is a lower
// bound that equals it whenever everyone on duty was busy at once; distinct
// agents overstate it when shifts change inside the interval. The default
// count is the number busy while customers waited, which is what the
// simulator's agents are: servers who take the next waiting call.
func fitStaff(days []int, recs []*records.Record, open, close, iv time.Duration, method string) StaffFit {
	n := int((close - open) / iv)
	byDay := map[int][]service{}
	waits := map[int][][2]float64{}
	arrived := make([]bool, n)
	lo, w := open.Seconds(), iv.Seconds()
	for _, r := range recs {
		if r.ReachedHuman() {
			if k := int(math.Floor((r.Queue - lo) / w)); r.Queue >= lo && k < n {
				arrived[k] = true
			}
			if r.Queued && r.Wait > 0 {
				waits[r.Day] = append(waits[r.Day], [2]float64{r.Queue, r.Queue + r.Wait})
			}
		}
		a := r.Answer()
		if math.IsNaN(a) || math.IsNaN(r.Service) {
			continue
		}
		byDay[r.Day] = append(byDay[r.Day], service{a, a + r.Service, r.Agent})
	}
	busy, peak, distinct, whileQ := make([][]float64, n), make([][]float64, n), make([][]float64, n), make([][]float64, n)
	for _, d := range days {
		st := dayStaff(byDay[d], waits[d], lo, w, n)
		for i := range n {
			busy[i] = append(busy[i], st.busy[i])
			peak[i] = append(peak[i], st.peak[i])
			distinct[i] = append(distinct[i], st.distinct[i])
			if st.queuedTime[i] >= minQueuedTime {
				whileQ[i] = append(whileQ[i], st.queuedBusy[i]/st.queuedTime[i])
			}
		}
	}
	f := StaffFit{Busy: make([]sim.Stat, n), Peak: make([]sim.Stat, n), Distinct: make([]sim.Stat, n),
		WhileQueued: make([]sim.Stat, n), Counts: make([]int, n),
		Method: staffMethodDocs[method] + ", mean over days, rounded; at least 1 where contacts arrived"}
	for i := range n {
		f.Busy[i], f.Peak[i], f.Distinct[i] = sim.Summarize(busy[i]), sim.Summarize(peak[i]), sim.Summarize(distinct[i])
		f.WhileQueued[i] = sim.Summarize(whileQ[i])
		x := map[string]float64{StaffPeak: f.Peak[i].Mean, StaffDistinct: f.Distinct[i].Mean,
			StaffBusy: f.Busy[i].Mean, StaffWhileQueued: f.WhileQueued[i].Mean}[method]
		if math.IsNaN(x) || (method == StaffWhileQueued && f.WhileQueued[i].N < minQueuedDays) {
			x = f.Peak[i].Mean
		}
		f.Counts[i] = int(math.Round(x))
		if arrived[i] && f.Counts[i] < 1 {
			f.Counts[i] = 1
		}
	}
	return f
}

// edge is a change in services in progress (ds) or customers waiting (dq) at t.
type edge struct {
	t      float64
	ds, dq int
}

// staffEdges lists the starts and ends of services and waits in time
// order, ends before starts at equal times (a service that ends as another
// starts is not overlap).
func staffEdges(svc []service, waits [][2]float64) []edge {
	edges := make([]edge, 0, 2*len(svc)+2*len(waits))
	for _, s := range svc {
		edges = append(edges, edge{s.start, 1, 0}, edge{s.end, -1, 0})
	}
	for _, q := range waits {
		edges = append(edges, edge{q[0], 0, 1}, edge{q[1], 0, -1})
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].t != edges[j].t {
			return edges[i].t < edges[j].t
		}
		return edges[i].ds+edges[i].dq < edges[j].ds+edges[j].dq
	})
	return edges
}

// dayStats are one day's staffing figures per interval.
type dayStats struct {
	busy, peak, distinct   []float64
	queuedTime, queuedBusy []float64 // seconds with someone waiting; service-seconds in progress meanwhile
}

// dayStaff sweeps one day's services and queue waits across the intervals.
func dayStaff(svc []service, waits [][2]float64, lo, w float64, n int) dayStats {
	d := dayStats{busy: make([]float64, n), peak: make([]float64, n), distinct: make([]float64, n),
		queuedTime: make([]float64, n), queuedBusy: make([]float64, n)}
	hi := lo + w*float64(n)
	agents := make([]map[string]bool, n)
	for _, s := range svc {
		if s.agent == "" || s.end < lo || s.start >= hi {
			continue
		}
		for k := max(0, int((s.start-lo)/w)); k < n && lo+float64(k)*w <= s.end; k++ {
			if agents[k] == nil {
				agents[k] = map[string]bool{}
			}
			agents[k][s.agent] = true
		}
	}
	edges := staffEdges(svc, waits)
	cur, queued, prev := 0, 0, lo
	flush := func(to float64) { // integrate the constant state over [prev, to)
		for prev < to {
			k := int((prev - lo) / w)
			if lo+float64(k+1)*w <= prev { // rounding put prev on the boundary below
				k++
			}
			k = min(k, n-1)
			end := min(to, lo+float64(k+1)*w)
			if k == n-1 {
				end = to
			}
			d.busy[k] += float64(cur) * (end - prev) / w
			d.peak[k] = max(d.peak[k], float64(cur))
			if queued > 0 {
				d.queuedTime[k] += end - prev
				d.queuedBusy[k] += float64(cur) * (end - prev)
			}
			prev = end
		}
	}
	for _, e := range edges {
		if e.t > lo {
			flush(min(e.t, hi))
		}
		cur += e.ds
		queued += e.dq
		if k := int(math.Floor((e.t - lo) / w)); e.t >= lo && k < n {
			d.peak[k] = max(d.peak[k], float64(cur))
		}
	}
	flush(hi)
	for k := range agents {
		d.distinct[k] = float64(len(agents[k]))
	}
	return d
}

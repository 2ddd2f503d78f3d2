package sim

import "time"

// Snapshot is the state of a run at one moment, for live views. Counts cover
// counted contacts so far (after warm-up).
type Snapshot struct {
	Now       time.Duration // simulated time since the run's start
	Waiting   int           // contacts waiting for an agent
	InBot     int           // bot sessions in progress
	Busy      []int         // busy agents per group
	OnDuty    []int         // agents on duty per group
	Offered   int64         // contacts arrived
	Answered  int64
	Abandoned int64
	Contained int64
	Done      bool // the run has finished
}

// Snapshot returns the current state. It allocates; call it per frame, not per event.
func (r *Runner) Snapshot() Snapshot {
	s := Snapshot{Now: r.Now(), Waiting: r.router.waiting, InBot: r.botBusy, Done: r.done}
	for _, g := range r.staff.groups {
		s.Busy = append(s.Busy, g.busy)
		s.OnDuty = append(s.OnDuty, g.onDuty)
	}
	for b := range r.stats.cells {
		for i := range r.stats.cells[b] {
			c := &r.stats.cells[b][i]
			s.Offered += c.offered
			s.Answered += c.answered
			s.Abandoned += c.abandoned
			s.Contained += c.contained
		}
	}
	return s
}

// Results returns this replication's figures so far as Results with one
// replication (run it to the end first for final figures).
func (r *Runner) Results() *Results {
	sp := &r.stats.spans[r.span]
	kept := newSpan(len(sp.busy))
	kept.add(sp)
	r.unsettled(sp) // the time integrals so far, for a run under way
	f := r.figures()
	*sp = kept
	res := merge(r.sc, r.sc.Seed, []*repFigures{f})
	res.PerReplication[0].Index = r.rep
	return res
}

package sim

// This file keeps the time integrals of a replication (agents on duty,
// scheduled and busy per group, the queue length, the measured seconds of
// each interval). Each integral is brought up to date only when its count
// is about to change, when the interval changes and when measuring starts
// or stops, as count × the time since its last change: the events in
// between change nothing, so the figures do not depend on how many events
// a run has (settled bot sessions, stale timers) or how it is stepped.

// settleGroup brings group g's integrals up to now; call it before its
// counts (busy, on duty, scheduled) change.
func (r *Runner) settleGroup(g int) {
	gs := &r.staff.groups[g]
	if r.measuring {
		dt := r.now - gs.mark
		sp := &r.stats.spans[r.span]
		sp.busy[g] += float64(gs.busy) * dt
		sp.onDuty[g] += float64(gs.onDuty) * dt
		sp.scheduled[g] += float64(gs.scheduled) * dt
	}
	gs.mark = r.now
}

// settleQueue brings the queue-length integral up to now; call it before
// the number of waiting contacts changes.
func (r *Runner) settleQueue() {
	if r.measuring {
		r.stats.spans[r.span].queueArea += float64(r.router.waiting) * (r.now - r.queueMark)
	}
	r.queueMark = r.now
}

// settleAll brings every integral and the interval's seconds up to now;
// call it before the interval changes and before measuring starts or stops.
func (r *Runner) settleAll() {
	for g := range r.staff.groups {
		r.settleGroup(g)
	}
	r.settleQueue()
	if r.measuring {
		r.stats.spans[r.span].seconds += r.now - r.spanMark
	}
	r.spanMark = r.now
}

// unsettled adds to sp what the integrals of the current interval hold
// beyond their last settling, up to now (for figures of a run under way).
func (r *Runner) unsettled(sp *span) {
	if !r.measuring {
		return
	}
	for g := range r.staff.groups {
		gs := &r.staff.groups[g]
		dt := r.now - gs.mark
		sp.busy[g] += float64(gs.busy) * dt
		sp.onDuty[g] += float64(gs.onDuty) * dt
		sp.scheduled[g] += float64(gs.scheduled) * dt
	}
	sp.queueArea += float64(r.router.waiting) * (r.now - r.queueMark)
	sp.seconds += r.now - r.spanMark
}

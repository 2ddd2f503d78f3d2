package sim

// This file moves contacts through the center: arrival, bot, human queue, agent.

// arrive creates a contact at r.now and draws all its random attributes, so
// that scenarios differing only in staffing or routing see the same customers.
func (r *Runner) arrive() {
	sc := r.sc
	id := r.cs.alloc()
	c := &r.cs.c[id]
	u := r.rIntent.Float64()
	in := 0
	for u >= r.cum[in] {
		in++
	}
	intent := &sc.Intents[in]
	r.arrivals++
	c.serial = r.arrivals
	c.arrival = r.now
	c.route = RouteNone
	c.intent = uint16(in)
	c.arrCell = uint16(r.bucket(r.now))
	c.flags = 0
	c.patience = inf
	if sc.Patience != nil {
		c.patience = sc.Patience.Rand(r.rPat)
	}
	c.handle = intent.HandleTime.Rand(r.rHandle)
	if r.counting {
		c.flags |= flCounted
		r.pending++
		r.cell(c, int(c.arrCell)).offered++
	}
	if sc.Bot == nil {
		c.route = RouteDirect
		r.toQueue(id)
		return
	}
	b := sc.Bot
	botTime := b.HandleTime.Rand(r.rBot)
	optU := r.rBot.Float64()
	c.botU = r.rBot.Float64()
	c.hangU = r.rBot.Float64()
	if !intent.BotEligible() {
		c.route = RouteDirect
		r.toQueue(id)
		return
	}
	cl := r.cell(c, int(c.arrCell))
	cl.sentToBot++
	switch {
	case optU < b.OptOut:
		cl.optedOut++
		c.route = RouteOptOut
		r.toQueue(id)
	case b.Capacity > 0 && r.botBusy >= b.Capacity:
		cl.overflow++
		c.route = RouteOverflow
		r.toQueue(id)
	default:
		r.botBusy++
		c.state = stBot
		c.botStart = r.now
		r.cal.push(r.now+botTime, evBotDone, id, c.gen)
	}
}

// cell returns the statistics cell of contact c in bucket b, or a scratch
// cell when the contact is not counted.
func (r *Runner) cell(c *contact, b int) *cell {
	if c.flags&flCounted == 0 {
		return &r.scratch
	}
	return &r.stats.cells[b][c.intent]
}

// botDone ends a bot session: contained, hung up, or escalated.
func (r *Runner) botDone(id int32) {
	r.botBusy--
	c := &r.cs.c[id]
	b := r.sc.Bot
	cl := r.cell(c, int(c.arrCell))
	c.botEnd = r.now
	if c.botU < r.sc.Intents[c.intent].BotContainment {
		cl.contained++
		r.leave(id, OutContained)
		return
	}
	if c.hangU < b.HangUp {
		cl.botHangup++
		r.leave(id, OutBotHangup)
		return
	}
	c.flags |= flViaBot | flEscalated
	c.route = RouteEscalatedNoCtx
	if b.ContextTransfer {
		c.flags |= flContext
		c.route = RouteEscalatedCtx
		cl.escCtx++
		c.handle *= 1 - b.ContextSaving
	} else {
		cl.escNoCtx++
		c.handle *= 1 + b.NoContextPenalty
	}
	r.toQueue(id)
}

// toQueue offers contact id to the agents: answered at once by the
// longest-idle agent, or queued with an abandonment timer.
func (r *Runner) toQueue(id int32) {
	c := &r.cs.c[id]
	c.queued = r.now
	c.state = stWaiting
	cl := r.cell(c, r.bucket(r.now))
	cl.toHuman++
	if a, ok := r.staff.takeIdle(); ok {
		r.answer(id, a)
		return
	}
	cl.waited++
	r.queue.push(ticket{id: id, gen: c.gen})
	r.queue.waiting++
	if c.patience < inf {
		r.cal.push(r.now+c.patience, evAbandon, id, c.gen)
	}
}

// answer connects contact id to agent a now.
func (r *Runner) answer(id, a int32) {
	c := &r.cs.c[id]
	c.state = stServed
	c.answered = r.now
	c.agent = a
	wait := r.now - c.queued
	cl := r.cell(c, r.bucket(c.queued))
	cl.answered++
	cl.sumWait += wait
	cl.sumHandle += c.handle
	if wait <= r.thresh {
		cl.answeredWithin++
	}
	if c.flags&flCounted != 0 {
		if cl.hist == nil {
			cl.hist = new(histogram)
		}
		cl.hist[histBin(wait)]++
	}
	ag := &r.staff.agents[a]
	ag.state = agBusy
	ag.contact = id
	r.staff.groups[ag.group].busy++
	r.cal.push(r.now+c.handle, evDone, a, 0)
}

// abandon removes a waiting customer whose patience ran out, unless it was
// answered in the meantime (a stale timer).
func (r *Runner) abandon(id int32, gen uint32) {
	c := &r.cs.c[id]
	if c.gen != gen || c.state != stWaiting {
		return
	}
	c.state = stFree // the queue skips it; leave() releases the slot
	c.answered = r.now
	r.queue.waiting--
	wait := r.now - c.queued
	cl := r.cell(c, r.bucket(c.queued))
	cl.abandoned++
	cl.sumAbandonWait += wait
	if wait > r.thresh {
		cl.abandonedAfter++
	}
	r.leave(id, OutAbandoned)
}

// finishService frees agent a and gives it the next contact, if any.
func (r *Runner) finishService(a int32) {
	ag := &r.staff.agents[a]
	r.leave(ag.contact, OutAnswered)
	gs := &r.staff.groups[ag.group]
	gs.busy--
	if ag.leaving {
		ag.leaving = false
		ag.state = agOff
		gs.leaving--
		gs.onDuty--
		return
	}
	if id, ok := r.queue.next(&r.cs); ok {
		r.answer(id, a)
		return
	}
	r.staff.makeIdle(a, r.now)
}

// serveQueue matches idle agents with waiting contacts (after staff joins).
func (r *Runner) serveQueue() {
	for r.queue.waiting > 0 && r.staff.nIdle > 0 {
		a, _ := r.staff.takeIdle()
		id, _ := r.queue.next(&r.cs)
		r.answer(id, a)
	}
}

// leave releases contact id's slot, reporting it to the observer if any.
func (r *Runner) leave(id int32, out Outcome) {
	if r.observe != nil {
		r.record(id, out)
	}
	if r.cs.c[id].flags&flCounted != 0 {
		r.pending--
	}
	r.cs.release(id)
}

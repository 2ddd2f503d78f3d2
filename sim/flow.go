package sim

import (
	"math"
	"math/rand/v2"
)

// This file moves contacts through the center: arrival, bot, human queue, agent.

// draws are the random streams a contact's attributes come from: the main
// streams for fresh arrivals, the retrial stream for retrials and repeats.
type draws struct{ pat, handle, bot, extra *rand.Rand }

// arrive creates a fresh contact at r.now. Its intent and all its random
// attributes are drawn now, so that scenarios differing only in staffing or
// routing see the same customers.
func (r *Runner) arrive() {
	u := r.rIntent.Float64()
	in := int(r.guide[int(u*guideSize)])
	for u >= r.cum[in] {
		in++
	}
	id := r.cs.alloc()
	r.cs.c[id].flags = 0 // a fresh contact: nothing carried over from the slot's last use
	r.initContact(id, in, draws{r.rPat, r.rHandle, r.rBot, r.rExtra})
	r.enter(id)
}

// guideSize is the number of equal parts of [0, 1) an intent guide has: a
// power of two, so that u × guideSize is exact.
const guideSize = 256

// intentGuide returns, for each part [j, j+1) / guideSize of [0, 1), the
// first intent whose cumulative share cum exceeds j / guideSize. A uniform u
// in that part has its intent (the first whose cumulative share exceeds u)
// there or after it, since u ≥ j / guideSize: arrive's search starts there
// and finds the same intent as a search from the first, in a step or two.
func intentGuide(cum []float64) []uint16 {
	g := make([]uint16, guideSize)
	in := 0
	for j := range g {
		lo := float64(j) / guideSize
		for in < len(cum)-1 && cum[in] <= lo {
			in++
		}
		g[j] = uint16(in)
	}
	return g
}

// initContact draws contact id's attributes for intent in.
func (r *Runner) initContact(id int32, in int, d draws) {
	sc := r.sc
	c := &r.cs.c[id]
	r.arrivals++
	c.serial = r.arrivals
	c.arrival = r.now
	c.route = RouteNone
	c.intent = uint16(in)
	c.arrCell = uint16(r.bucket(r.now))
	c.flags &= flRetrial | flRepeat
	c.patience = inf
	c.timer = -1
	if sc.Patience != nil {
		c.patience = sc.Patience.Rand(d.pat)
	}
	if l, ok := r.handle[in].(logNormalDraws); ok {
		c.handle = l.logDraw(d.handle)
		c.flags |= flLogHandle
	} else {
		c.handle = r.handle[in].Rand(d.handle)
	}
	if sc.Bot != nil {
		c.botTime = sc.Bot.HandleTime.Rand(d.bot)
		c.optU = d.bot.Float64()
		c.botU = d.bot.Float64()
		c.hangU = d.bot.Float64()
	}
	if r.needExtra {
		c.extra = d.extra.Uint64()
		if r.uniform(c, uEmotional) < r.router.routes[in].emotion {
			c.flags |= flEmotional
		}
	}
}

// Slots of a contact's extra random bits: four 16-bit uniforms.
const (
	uEmotional = iota
	uRetrial
	uCallback
	uRepeat
)

// uniform returns the contact's k-th extra uniform in (0, 1).
func (r *Runner) uniform(c *contact, k int) float64 {
	return (float64(uint16(c.extra>>(16*k))) + 0.5) / 65536
}

// enter counts contact id and sends it to the bot or the human queue.
func (r *Runner) enter(id int32) {
	sc := r.sc
	c := &r.cs.c[id]
	if r.counting {
		c.flags |= flCounted
		r.pending++
		cl := r.cell(c, int(c.arrCell))
		cl.offered++
		if c.flags&(flRetrial|flRepeat) == flRetrial {
			cl.retrials++
		}
		if c.flags&flEmotional != 0 {
			cl.emotional++
		}
	}
	b := sc.Bot
	// The route's copy of Intent.BotEligible: calling it here would copy the Intent.
	if b == nil || !r.router.routes[c.intent].bot || (b.EmotionalToHuman && c.flags&flEmotional != 0) {
		c.route = RouteDirect
		r.toQueue(id)
		return
	}
	cl := r.cell(c, int(c.arrCell))
	cl.sentToBot++
	switch {
	case c.optU < b.OptOut:
		cl.optedOut++
		c.route = RouteOptOut
		r.toQueue(id)
	case b.Capacity > 0 && r.botBusy >= b.Capacity:
		cl.overflow++
		c.route = RouteOverflow
		r.toQueue(id)
	default:
		c.flags |= flBotSession
		c.botStart = r.now
		if r.settleBot {
			if out := r.botOutcome(c); out != 0 {
				r.events++ // the session's end, settled now
				r.botEnds(id, cl, out)
				return
			}
		}
		r.botBusy++
		c.state = stBot
		r.cal.push(r.now+c.botTime, evBotDone, id, c.gen)
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
	if out := r.botOutcome(c); out != 0 {
		r.botEnds(id, cl, out)
		return
	}
	c.flags |= flEscalated
	c.route = RouteEscalatedNoCtx
	c.humanHandle()
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

// botOutcome is how contact c's bot session ends without a human:
// OutContained, OutBotHangup, or 0 when it escalates.
func (r *Runner) botOutcome(c *contact) Outcome {
	switch {
	case c.botU < r.sc.Intents[c.intent].BotContainment:
		return OutContained
	case c.hangU < r.sc.Bot.HangUp:
		return OutBotHangup
	}
	return 0
}

// botEnds counts the end of contact id's bot session without a human
// (out: OutContained or OutBotHangup) in its cell cl, and lets it leave.
func (r *Runner) botEnds(id int32, cl *cell, out Outcome) {
	if out == OutContained {
		cl.contained++
	} else {
		cl.botHangup++
	}
	r.leave(id, out)
}

// toQueue offers contact id to the agents: answered at once by an available
// agent, or queued with its abandonment, overflow and callback rules.
func (r *Runner) toQueue(id int32) {
	c := &r.cs.c[id]
	c.humanHandle()
	c.queued = r.now
	c.state = stWaiting
	cl := r.cell(c, r.bucket(r.now))
	cl.toHuman++
	rt := &r.router.routes[c.intent]
	if a, ok := r.findAgent(rt, 0); ok {
		r.answer(id, a)
		return
	}
	cl.waited++
	q := &r.router.queues[rt.skill][rt.channel][rt.class]
	if cb := r.sc.Callback; cb != nil && rt.channel == Voice && r.expectedWait(rt) > cb.OfferAbove.Seconds() {
		cl.callbacksOffered++
		if r.uniform(c, uCallback) < cb.Accept {
			c.flags |= flCallback
		}
	}
	q.push(ticket{id: id, gen: c.gen})
	q.waiting++
	r.settleQueue()
	r.router.waiting++
	if c.patience < inf && rt.channel != Email && c.flags&flCallback == 0 {
		r.timers.push(timer{at: r.now + c.patience, seq: r.cal.next(), id: id}, &r.cs)
	}
	for l := 1; l < rt.levels; l++ {
		r.cal.pushLane(l-1, r.now+float64(l)*r.router.overflow, evOverflow, id, c.gen)
	}
}

// findAgent returns an available agent of routing level l for a contact of route rt.
func (r *Runner) findAgent(rt *route, l int) (int32, bool) {
	if a, ok := r.takeIdle(rt.skill, l); ok {
		return a, true
	}
	if rt.channel == Chat {
		return r.takeChat(rt.skill, l)
	}
	return 0, false
}

// expectedWait estimates a new voice contact's wait: the contacts ahead of it
// times the mean handle time, spread over the agents on duty.
func (r *Runner) expectedWait(rt *route) float64 {
	ahead := 0
	qs := r.router.queues[rt.skill][Voice]
	for i := range qs {
		ahead += qs[i].waiting
	}
	agents := 0
	for _, g := range r.skillGroups[rt.skill] {
		agents += r.staff.groups[g].onDuty
	}
	return float64(ahead+1) * rt.handle / float64(max(agents, 1))
}

// overflowed lets a waiting contact reach the next routing level's agents.
func (r *Runner) overflowed(id int32, gen uint32) {
	c := &r.cs.c[id]
	if c.gen != gen || c.state != stWaiting {
		return
	}
	rt := &r.router.routes[c.intent]
	l := min(int((r.now-c.queued)/r.router.overflow+1e-9), rt.levels-1)
	if a, ok := r.findAgent(rt, l); ok {
		r.unqueue(c)
		r.answer(id, a)
	}
}

// unqueue counts a waiting contact out of its queue (its ticket goes stale)
// and cancels its patience timer.
func (r *Runner) unqueue(c *contact) {
	if c.timer >= 0 {
		r.timers.remove(int(c.timer), &r.cs)
	}
	rt := &r.router.routes[c.intent]
	r.router.queues[rt.skill][rt.channel][rt.class].waiting--
	r.settleQueue()
	r.router.waiting--
	c.state = stServed
}

// answer connects contact id to agent a now.
func (r *Runner) answer(id, a int32) {
	c := &r.cs.c[id]
	c.state = stServed
	c.answered = r.now
	c.agent = a
	rt := &r.router.routes[c.intent]
	wait := r.now - c.queued
	cl := r.cell(c, r.bucket(c.queued))
	cl.answered++
	ag := &r.staff.agents[a]
	service := c.handle * ag.factor
	if rt.channel == Chat {
		ag.chats++
		service *= 1 + r.sc.Groups[ag.group].ChatStretch*float64(ag.chats-1)
	}
	cl.sumHandle += service
	if c.flags&flCallback != 0 {
		cl.callbacks++
	} else {
		cl.answeredWithin += b2i(wait <= rt.thresh)
		cl.sumWait += wait
		if c.flags&flCounted != 0 && !r.noWaits {
			if cl.hist == nil {
				cl.hist = r.hists.get()
			}
			cl.hist[histBin(wait)]++
		}
	}
	if c.flags&flCounted != 0 {
		r.countWork(ag.group, c, rt)
	}
	if ag.state != agBusy {
		ag.state = agBusy
		ag.idleGen++
		r.settleGroup(int(ag.group))
		r.staff.groups[ag.group].busy++
	}
	if rt.channel == Chat && int(ag.chats) < r.chatMax[ag.group] && !ag.leaving {
		r.offerChatSlot(a)
	}
	r.cal.push(r.now+service, evDone, id, c.gen)
}

// countWork adds a handled contact to its agent group's work mix.
func (r *Runner) countWork(g uint16, c *contact, rt *route) {
	sp := &r.stats.spans[r.span]
	sp.handled[g]++
	if c.flags&flEmotional != 0 {
		sp.emotional[g]++
	}
	if rt.complex {
		sp.complex[g]++
	}
}

// abandon removes a waiting customer whose patience ran out (its timer is
// the earliest); some call again later.
func (r *Runner) abandon(id int32) {
	c := &r.cs.c[id]
	r.unqueue(c)
	c.answered = r.now
	wait := r.now - c.queued
	cl := r.cell(c, r.bucket(c.queued))
	cl.abandoned++
	cl.sumAbandonWait += wait
	if wait > r.router.routes[c.intent].thresh {
		cl.abandonedAfter++
	}
	if rt := r.sc.Retrials; rt != nil && r.uniform(c, uRetrial) < rt.Share {
		r.scheduleAgain(c, rt.Delay, flRetrial)
	}
	r.leave(id, OutAbandoned)
}

// scheduleAgain makes the customer of contact c contact the center again
// after a delay drawn from d: a retrial or a repeat contact.
func (r *Runner) scheduleAgain(c *contact, d Dist, flag uint16) {
	in, origin := c.intent, c.serial
	id := r.cs.alloc() // may move r.cs.c: c is not used after this
	n := &r.cs.c[id]
	n.state = stPending
	n.intent = in
	n.origin = origin
	n.flags = flag
	r.cal.push(r.now+d.Rand(r.rRetry), evAgain, id, n.gen)
}

// again is a retrial or repeat contact arriving.
func (r *Runner) again(id int32) {
	c := &r.cs.c[id]
	if r.now >= r.arrEnd && r.day {
		r.cs.release(id) // the center has closed
		return
	}
	r.initContact(id, int(c.intent), draws{r.rRetry, r.rRetry, r.rRetry, r.rRetry})
	r.enter(id)
}

// finishService ends contact id's service and gives its agent more work.
func (r *Runner) finishService(id int32) {
	a := r.cs.c[id].agent
	chat := r.router.routes[r.cs.c[id].intent].channel == Chat
	r.leave(id, OutAnswered)
	ag := &r.staff.agents[a]
	if chat {
		ag.chats--
		ag.chatGen++
		if ag.chats > 0 {
			if !ag.leaving {
				r.chatSlotFree(a)
			}
			return
		}
	}
	r.settleGroup(int(ag.group))
	gs := &r.staff.groups[ag.group]
	gs.busy--
	ag.state = agIdle // no work now; agentFree finds some or pools it
	if ag.leaving {
		ag.leaving = false
		ag.state = agOff
		gs.leaving--
		gs.onDuty--
		return
	}
	r.agentFree(a)
}

// leave releases contact id's slot, scoring and reporting it.
func (r *Runner) leave(id int32, out Outcome) {
	c := &r.cs.c[id]
	if c.flags&flCounted != 0 {
		r.pending--
	}
	if x := r.sc.Experience; x != nil {
		if out == OutAnswered || out == OutContained {
			r.maybeRepeat(id, out)
			c = &r.cs.c[id]
		}
		r.score(c, out, x)
	}
	if r.observe != nil {
		r.record(id, out)
	}
	r.cs.release(id)
}

// maybeRepeat schedules a repeat contact for a resolved contact id, with the
// intent's repeat probability (the contact was not resolved after all).
func (r *Runner) maybeRepeat(id int32, out Outcome) {
	c := &r.cs.c[id]
	intent := &r.sc.Intents[c.intent]
	p := intent.Repeat
	if out == OutContained {
		p = intent.BotRepeat
	}
	if p > 0 && r.uniform(c, uRepeat) < p {
		r.cell(c, int(c.arrCell)).repeats++
		r.scheduleAgain(c, r.sc.Experience.RepeatDelay, flRepeat)
	}
}

// score adds a contact's satisfaction (0-10) to its cell.
func (r *Runner) score(c *contact, out Outcome, x *Experience) {
	s := x.Base
	if out == OutAbandoned || out == OutBotHangup {
		s -= x.Unresolved
	}
	if c.route != RouteNone && c.flags&flCallback == 0 {
		if over := c.answered - c.queued - x.WaitTolerance.Seconds(); over > 0 {
			s -= x.WaitPerMinute * over / 60
		}
	}
	if c.flags&flEscalated != 0 {
		s -= x.FailedBot
		if c.flags&flContext == 0 {
			s -= x.RepeatInfo
		}
	}
	if c.flags&(flEmotional|flBotSession) == flEmotional|flBotSession {
		s -= x.EmotionalBot
	}
	s = math.Max(0, math.Min(10, s))
	cl := r.cell(c, int(c.arrCell))
	cl.satSum += s
	cl.satN++
	if s < x.DetractorBelow {
		cl.detractors++
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

package sim

// This file gives free agents work: the best waiting contact they may take,
// or a place in the pools of available agents.

// agentFree gives agent a, now without work, the best waiting contact it may
// take, or makes it idle.
func (r *Runner) agentFree(a int32) {
	if id, ok := r.bestContact(a, false); ok {
		r.answer(id, a)
		return
	}
	r.makeIdle(a)
}

// chatSlotFree gives agent a, holding chats with room for more, another
// waiting chat, or offers its free slot. While a call or e-mail waits for the
// agent, it takes no new chats, so that it drains to a free agent for it
// (otherwise steady chat traffic would starve voice).
func (r *Runner) chatSlotFree(a int32) {
	if r.wholeWorkWaiting(r.staff.agents[a].group) {
		return
	}
	if id, ok := r.bestContact(a, true); ok {
		r.answer(id, a)
		return
	}
	r.offerChatSlot(a)
}

// bestContact picks the waiting contact agent a should take: the highest
// priority class first, then the agent's preferred skill, then the longest
// wait; e-mails only when nothing else waits. With the group-priority policy a
// contact reaches an agent of level l only after waiting l × OverflowAfter.
// chatsOnly restricts the choice to chats. The chosen contact leaves its queue.
func (r *Runner) bestContact(a int32, chatsOnly bool) (int32, bool) {
	rt := r.router
	if rt.waiting == 0 {
		return 0, false
	}
	var best *classQueue
	bestID, bestLevel := int32(-1), 0
	for _, cd := range rt.cands[r.staff.agents[a].group] {
		q := cd.q
		if q.waiting == 0 || (chatsOnly && cd.channel != Chat) {
			continue
		}
		if cd.channel == Email && best != nil {
			break // e-mails come last in the list and only when nothing else waits
		}
		id, ok := q.peek(&r.cs)
		if !ok {
			continue
		}
		c := &r.cs.c[id]
		if cd.level > 0 && r.now-c.queued < float64(cd.level)*rt.overflow-1e-9 {
			continue
		}
		if best == nil || q.prio > best.prio ||
			(q.prio == best.prio && (cd.level < bestLevel || (cd.level == bestLevel && c.queued < r.cs.c[bestID].queued))) {
			best, bestID, bestLevel = q, id, cd.level
		}
	}
	if best == nil {
		return 0, false
	}
	best.pop()
	r.unqueue(&r.cs.c[bestID])
	return bestID, true
}

// makeIdle puts agent a in the idle pools of its skills.
func (r *Runner) makeIdle(a int32) {
	ag := &r.staff.agents[a]
	ag.state = agIdle
	ag.idleSince = r.now
	ag.idleGen++
	r.enlist(a, ticket{id: a, gen: ag.idleGen}, r.router.idle, false)
}

// offerChatSlot puts agent a in the chat pools of its skills.
func (r *Runner) offerChatSlot(a int32) {
	ag := &r.staff.agents[a]
	ag.chatGen++
	r.enlist(a, ticket{id: a, gen: ag.chatGen}, r.router.chat, true)
}

// enlist adds agent a's ticket t to its skills' pools (idle or chat),
// compacting a pool when stale tickets pile up.
func (r *Runner) enlist(a int32, t ticket, pools [][]fifo, chat bool) {
	for _, sk := range r.router.skillsOf[r.staff.agents[a].group] {
		pool := &pools[sk.skill][sk.level]
		if pool.size >= r.router.maxStale {
			r.compact(pool, chat)
		}
		pool.push(t)
	}
}

func (r *Runner) idleValid(t ticket) bool {
	a := &r.staff.agents[t.id]
	return a.state == agIdle && a.idleGen == t.gen
}

func (r *Runner) chatValid(t ticket) bool {
	a := &r.staff.agents[t.id]
	return a.state == agBusy && a.chatGen == t.gen && int(a.chats) < r.chatMax[a.group] && !a.leaving
}

// compact drops stale tickets from an idle pool (or a chat pool).
func (r *Runner) compact(pool *fifo, chat bool) {
	for n := pool.size; n > 0; n-- {
		t, _ := pool.pop()
		if (chat && r.chatValid(t)) || (!chat && r.idleValid(t)) {
			pool.push(t)
		}
	}
}

// takeIdle removes and returns the longest-idle agent of skill s at level l.
func (r *Runner) takeIdle(s, l int) (int32, bool) {
	pool := &r.router.idle[s][l]
	for {
		t, ok := pool.pop()
		if !ok {
			return 0, false
		}
		a := &r.staff.agents[t.id]
		if a.state == agIdle && a.idleGen == t.gen {
			return t.id, true
		}
	}
}

// takeChat returns an agent of skill s at level l with a free chat slot,
// skipping agents for whom a call or e-mail waits (see chatSlotFree).
func (r *Runner) takeChat(s, l int) (int32, bool) {
	pool := &r.router.chat[s][l]
	for {
		t, ok := pool.pop()
		if !ok {
			return 0, false
		}
		if r.chatValid(t) && !r.wholeWorkWaiting(r.staff.agents[t.id].group) {
			return t.id, true
		}
	}
}

// wholeWorkWaiting reports whether a call or e-mail that agents of group g
// may take is waiting.
func (r *Runner) wholeWorkWaiting(g uint16) bool {
	if r.router.waiting == 0 {
		return false
	}
	for _, cd := range r.router.cands[g] {
		if cd.channel != Chat && cd.q.waiting > 0 {
			return true
		}
	}
	return false
}

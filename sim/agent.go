package sim

// agentState is what an agent is doing.
type agentState uint8

const (
	agOff  agentState = iota // not on duty
	agIdle                   // on duty, waiting for a contact
	agBusy                   // handling a contact
)

// agent is one agent seat.
type agent struct {
	idleSince float64 // when it last became idle, seconds
	contact   int32   // the contact it handles when busy
	idleGen   uint32  // bumped whenever it leaves the idle pool
	group     uint16
	state     agentState
	leaving   bool // go off duty when the current contact ends
}

// groupState tracks one group's seats and levels.
type groupState struct {
	seats   []int32 // agent ids of this group
	target  int     // agents that should be on duty now
	onDuty  int     // idle + busy (including those leaving after their contact)
	busy    int
	leaving int
}

// staff is every agent and the pool of idle agents, longest idle first.
type staff struct {
	agents []agent
	groups []groupState
	idle   fifo // tickets: agent id, idleGen
	nIdle  int
}

func newStaff(groups []Group) staff {
	s := staff{groups: make([]groupState, len(groups))}
	for g, gr := range groups {
		n := gr.Count
		for _, c := range gr.Counts {
			n = max(n, c)
		}
		for i := 0; i < n; i++ {
			s.groups[g].seats = append(s.groups[g].seats, int32(len(s.agents)))
			s.agents = append(s.agents, agent{group: uint16(g)})
		}
	}
	return s
}

// makeIdle puts agent id into the idle pool at time now.
func (s *staff) makeIdle(id int32, now float64) {
	a := &s.agents[id]
	a.state = agIdle
	a.idleSince = now
	a.idleGen++
	s.idle.push(ticket{id: id, gen: a.idleGen})
	s.nIdle++
}

// takeIdle removes and returns the longest-idle agent.
func (s *staff) takeIdle() (int32, bool) {
	for {
		t, ok := s.idle.pop()
		if !ok {
			return 0, false
		}
		a := &s.agents[t.id]
		if a.state == agIdle && a.idleGen == t.gen {
			a.idleGen++
			s.nIdle--
			return t.id, true
		}
	}
}

// setTarget changes group g's agents on duty to n at time now: idle agents
// (most recently idle first) leave at once, busy ones after their contact;
// returning agents cancel pending departures first. It reports whether agents
// joined the idle pool.
func (s *staff) setTarget(g, n int, now float64) (joined bool) {
	gs := &s.groups[g]
	gs.target = n
	for gs.onDuty-gs.leaving > n {
		if !s.releaseOne(g) {
			break
		}
	}
	for gs.onDuty-gs.leaving < n {
		if gs.leaving > 0 {
			s.unmarkLeaving(g)
			continue
		}
		for _, id := range gs.seats {
			if s.agents[id].state == agOff {
				s.makeIdle(id, now)
				gs.onDuty++
				joined = true
				break
			}
		}
	}
	return joined
}

// releaseOne takes one agent of group g off duty (or marks a busy one leaving).
func (s *staff) releaseOne(g int) bool {
	gs := &s.groups[g]
	best := int32(-1)
	for _, id := range gs.seats {
		a := &s.agents[id]
		if a.state == agIdle && (best < 0 || a.idleSince >= s.agents[best].idleSince) {
			best = id
		}
	}
	if best >= 0 {
		a := &s.agents[best]
		a.state = agOff
		a.idleGen++
		s.nIdle--
		gs.onDuty--
		return true
	}
	for i := len(gs.seats) - 1; i >= 0; i-- {
		a := &s.agents[gs.seats[i]]
		if a.state == agBusy && !a.leaving {
			a.leaving = true
			gs.leaving++
			return true
		}
	}
	return false
}

func (s *staff) unmarkLeaving(g int) {
	gs := &s.groups[g]
	for _, id := range gs.seats {
		if a := &s.agents[id]; a.leaving {
			a.leaving = false
			gs.leaving--
			return
		}
	}
}

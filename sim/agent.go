package sim

// agentState is what an agent is doing.
type agentState uint8

const (
	agOff  agentState = iota // not on duty (off shift, on break, or shrinkage)
	agIdle                   // on duty, no work
	agBusy                   // handling a voice call or e-mail, or one or more chats
)

// agent is one agent seat.
type agent struct {
	idleSince float64 // when it last became idle, seconds
	factor    float64 // handle-time multiplier: proficiency and AI assistance
	idleGen   uint32  // bumped whenever it leaves the idle pools
	chatGen   uint32  // bumped whenever its chat-pool tickets become stale
	group     uint16
	chats     uint8 // chats in progress
	state     agentState
	leaving   bool // go off duty when the current work ends
	adopter   bool // uses AI assistance
}

// groupState tracks one group's seats and levels.
type groupState struct {
	seats     []int32 // agent ids of this group
	target    int     // agents that should be on duty now
	scheduled int     // agents scheduled now (before breaks and shrinkage)
	onDuty    int     // idle + busy (including those leaving after their work)
	busy      int
	leaving   int
	mark      float64 // the group's time integrals are settled up to here
}

// staff is every agent seat.
type staff struct {
	agents []agent
	groups []groupState
	joined []int32 // scratch: agents that came on duty in the last setTarget
}

// newStaff makes seats for the most agents each group ever has on duty;
// AI adopters are spread evenly over the seats.
func newStaff(groups []Group, peak []int) staff {
	s := staff{groups: make([]groupState, len(groups))}
	for g, gr := range groups {
		for i := 0; i < peak[g]; i++ {
			adopter := int(float64(i+1)*gr.AIAdoption) > int(float64(i)*gr.AIAdoption)
			factor := gr.HandleFactor
			if factor == 0 {
				factor = 1
			}
			if adopter {
				factor *= 1 - gr.AIReduction
			}
			s.groups[g].seats = append(s.groups[g].seats, int32(len(s.agents)))
			s.agents = append(s.agents, agent{group: uint16(g), adopter: adopter, factor: factor})
		}
	}
	return s
}

// setTarget changes group g's agents on duty to n at time now: idle agents
// (most recently idle first) leave at once, busy ones after their work;
// returning agents cancel pending departures first. Agents coming on duty are
// listed in s.joined; the caller gives them work or makes them idle.
func (s *staff) setTarget(g, n int, now float64) {
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
		joined := false
		for _, id := range gs.seats {
			if a := &s.agents[id]; a.state == agOff {
				a.state = agIdle
				a.idleSince = now
				gs.onDuty++
				s.joined = append(s.joined, id)
				joined = true
				break
			}
		}
		if !joined {
			break
		}
	}
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
		gs.onDuty--
		return true
	}
	for i := len(gs.seats) - 1; i >= 0; i-- {
		a := &s.agents[gs.seats[i]]
		if a.state == agBusy && !a.leaving {
			a.leaving = true
			a.chatGen++ // takes no new chats
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
			s.joined = append(s.joined, id) // may take chats again
			return
		}
	}
}

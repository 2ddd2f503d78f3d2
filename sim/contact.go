package sim

import "math"

// contactState is where a contact is.
type contactState uint8

const (
	stFree    contactState = iota // slot unused
	stBot                         // in a bot session
	stWaiting                     // in the human queue
	stServed                      // with an agent
	stPending                     // will contact the center again (a retrial or repeat)
)

// Contact flags.
const (
	flCounted    uint16 = 1 << iota // arrived inside the measured window
	flContext                       // the bot's context reached the agent
	flEscalated                     // escalated by the bot (not an opt-out or overflow)
	flEmotional                     // emotionally charged
	flBotSession                    // had a bot session
	flCallback                      // accepted a callback: keeps its place without waiting on the line
	flRetrial                       // a new attempt after abandoning
	flRepeat                        // a repeat contact after an unresolved one
	flLogHandle                     // handle holds the logarithm of the handle time (see humanHandle)
)

// contact is one customer in the system, kept in a slab and reused, so the
// steady state allocates nothing per customer. Random attributes are drawn at
// arrival.
type contact struct {
	arrival  float64 // arrival time, seconds
	queued   float64 // time it entered the human queue, seconds
	answered float64 // time an agent answered or it abandoned (records only)
	botStart float64 // bot session (records only)
	botEnd   float64
	serial   uint64  // arrival number, from 1
	agent    int32   // agent seat handling it
	timer    int32   // index of its patience timer in Runner.timers; -1: none
	patience float64 // seconds it will wait in the human queue; +Inf: forever
	handle   float64 // human handle time, seconds (after context effects), or its logarithm until needed
	botTime  float64 // bot session length, seconds
	optU     float64 // uniform deciding an opt-out
	botU     float64 // uniform deciding the bot outcome
	hangU    float64 // uniform deciding hang-up versus escalation
	extra    uint64  // four more 16-bit uniforms (see uniform)
	origin   uint64  // serial of the contact this one retries or repeats
	gen      uint32  // bumped each time the slot is reused, to spot stale events
	intent   uint16
	arrCell  uint16 // interval of arrival
	state    contactState
	flags    uint16
	route    Route
}

// humanHandle makes c.handle the handle time in seconds, if it still
// holds its logarithm.
func (c *contact) humanHandle() {
	if c.flags&flLogHandle != 0 {
		c.handle = math.Exp(c.handle)
		c.flags &^= flLogHandle
	}
}

// contacts is a slab of contact slots with a free list.
type contacts struct {
	c    []contact
	free []int32
}

// alloc returns a free slot.
func (s *contacts) alloc() int32 {
	if n := len(s.free); n > 0 {
		id := s.free[n-1]
		s.free = s.free[:n-1]
		return id
	}
	s.c = append(s.c, contact{})
	return int32(len(s.c) - 1)
}

// release returns a slot to the free list and invalidates events naming it.
func (s *contacts) release(id int32) {
	c := &s.c[id]
	c.state = stFree
	c.gen++
	s.free = append(s.free, id)
}

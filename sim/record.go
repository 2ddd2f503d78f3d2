package sim

import "math"

// Outcome is how a contact left the center.
type Outcome uint8

// Contact outcomes.
const (
	OutContained Outcome = iota + 1 // resolved by the bot
	OutBotHangup                    // hung up in the bot, unresolved
	OutAnswered                     // handled by an agent
	OutAbandoned                    // hung up while waiting for an agent
)

var outcomeNames = [...]string{"", "contained", "bot_hangup", "answered", "abandoned"}

func (o Outcome) String() string { return outcomeNames[o] }

// Route is how a contact reached the human queue, if it did.
type Route uint8

// Routes to the human queue.
const (
	RouteNone           Route = iota // never reached it (contained or hung up in the bot)
	RouteDirect                      // a human-only intent
	RouteOptOut                      // asked for a human at once
	RouteOverflow                    // the bot was full
	RouteEscalatedCtx                // escalated by the bot with its context
	RouteEscalatedNoCtx              // escalated by the bot without its context
)

var routeNames = [...]string{"", "direct", "opted_out", "bot_overflow", "escalated_with_context", "escalated_without_context"}

func (r Route) String() string { return routeNames[r] }

// Record is one contact's life, reported to an observer when it leaves. Times
// are seconds since the run's start; NaN means the step did not happen.
type Record struct {
	ID         uint64 // arrival number within the replication, from 1
	Counted    bool   // arrived inside the measured window
	Intent     int    // index into Scenario.Intents
	Arrival    float64
	BotStart   float64 // bot session start (NaN: no bot session)
	BotEnd     float64
	Route      Route
	QueueEntry float64 // entered the human queue (NaN: never)
	QueueExit  float64 // answered or abandoned
	End        float64 // left the center
	Agent      int     // agent seat that handled it (-1: none)
	Group      int     // that agent's group (-1: none)
	Outcome    Outcome
	Channel    Channel
	Emotional  bool
	Callback   bool   // accepted a callback
	RetrialOf  uint64 // ID of the contact this one retries (0: a fresh contact)
	RepeatOf   uint64 // ID of the contact this one repeats (0: none)
}

// Observe registers f to receive a Record for every contact when it leaves
// (counted or not; see Record.Counted). The Record is reused: copy what you
// keep. With no observer the simulator does no record keeping at all.
func (r *Runner) Observe(f func(*Record)) { r.observe = f }

// record fills and emits the Record of contact id leaving now.
func (r *Runner) record(id int32, out Outcome) {
	c := &r.cs.c[id]
	x := &r.rec
	*x = Record{ID: c.serial, Counted: c.flags&flCounted != 0, Intent: int(c.intent), Arrival: c.arrival,
		BotStart: math.NaN(), BotEnd: math.NaN(), Route: c.route, QueueEntry: math.NaN(), QueueExit: math.NaN(),
		End: r.now, Agent: -1, Group: -1, Outcome: out, Channel: r.router.routes[c.intent].channel,
		Emotional: c.flags&flEmotional != 0, Callback: c.flags&flCallback != 0}
	switch {
	case c.flags&flRetrial != 0:
		x.RetrialOf = c.origin
	case c.flags&flRepeat != 0:
		x.RepeatOf = c.origin
	}
	if c.flags&flBotSession != 0 {
		x.BotStart, x.BotEnd = c.botStart, c.botEnd
	}
	if c.route != RouteNone {
		x.QueueEntry, x.QueueExit = c.queued, c.answered
	}
	if out == OutAnswered {
		x.Agent, x.Group = int(c.agent), int(r.staff.agents[c.agent].group)
	}
	r.observe(x)
}

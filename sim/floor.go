package sim

import "time"

// AgentState is what a live view shows for an agent seat.
type AgentState uint8

// Agent states for live views.
const (
	SeatOff   AgentState = iota // not scheduled now
	SeatBreak                   // scheduled but unavailable: on a break or shrinkage
	SeatIdle                    // available, no work
	SeatBusy                    // handling one contact, or chats
)

// AgentView is one agent seat in a Floor.
type AgentView struct {
	Group  int
	State  AgentState
	Intent int   // intent of the contact handled (the first chat's); -1 when none
	Route  Route // how that contact reached the agent (escalated with or without context, …)
	Chats  int   // chats in progress
}

// WaitingView is one contact waiting for an agent.
type WaitingView struct {
	Intent   int
	Channel  Channel
	Waited   float64 // seconds so far
	Callback bool    // waiting for a call back, not on the line
}

// BotView is one bot session in progress.
type BotView struct {
	Intent  int
	Elapsed float64 // seconds so far
}

// Floor is a detailed picture of a run for live views: every seat, every
// waiting contact, every bot session, and the running figures so far.
type Floor struct {
	Now     time.Duration
	Agents  []AgentView
	Waiting []WaitingView // longest-waiting first within each queue
	InBot   []BotView
	KPIs    Values // the metrics of the run so far (see MetricNames)
	Done    bool
}

// Floor fills f with the current state, reusing its slices. Call it per
// frame, not per event: it walks every seat and contact in the system.
func (r *Runner) Floor(f *Floor) {
	f.Now, f.Done = r.Now(), r.done
	f.Agents, f.Waiting, f.InBot = f.Agents[:0], f.Waiting[:0], f.InBot[:0]
	for g, gs := range r.staff.groups {
		onBreak := max(0, gs.scheduled-gs.onDuty)
		for _, id := range gs.seats {
			a := &r.staff.agents[id]
			v := AgentView{Group: g, Intent: -1, Chats: int(a.chats)}
			switch a.state {
			case agIdle:
				v.State = SeatIdle
			case agBusy:
				v.State = SeatBusy
			default:
				if onBreak > 0 {
					v.State = SeatBreak
					onBreak--
				}
			}
			f.Agents = append(f.Agents, v)
		}
	}
	for i := range r.cs.c {
		c := &r.cs.c[i]
		switch c.state {
		case stBot:
			f.InBot = append(f.InBot, BotView{Intent: int(c.intent), Elapsed: r.now - c.botStart})
		case stServed:
			if v := &f.Agents[c.agent]; v.Intent < 0 {
				v.Intent, v.Route = int(c.intent), c.route
			}
		}
	}
	for s := range r.router.queues {
		for ch := range r.router.queues[s] {
			for k := range r.router.queues[s][ch] {
				q := &r.router.queues[s][ch][k]
				for i := 0; i < q.size; i++ {
					t := q.buf[(q.head+i)&(len(q.buf)-1)]
					if c := &r.cs.c[t.id]; c.gen == t.gen && c.state == stWaiting {
						f.Waiting = append(f.Waiting, WaitingView{Intent: int(c.intent), Channel: Channel(ch),
							Waited: r.now - c.queued, Callback: c.flags&flCallback != 0})
					}
				}
			}
		}
	}
	f.KPIs = r.liveValues()
}

// liveValues computes the metrics of the run so far.
func (r *Runner) liveValues() Values {
	var all cell
	sp := newSpan(len(r.sc.Groups))
	for b := range r.stats.cells {
		for i := range r.stats.cells[b] {
			all.add(&r.stats.cells[b][i])
		}
		sp.add(&r.stats.spans[b])
	}
	r.unsettled(&sp)
	return values(&all, &sp, r.sc.definition())
}

// Scenario returns the scenario the run simulates (do not change it).
func (r *Runner) Scenario() *Scenario { return r.sc }

package web

import (
	"fmt"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// backdropStep is how often (wall time) the queue backdrop advances.
const backdropStep = time.Second

// backdropConfig is a room's optional queue backdrop: a simulation of the
// center running behind the role-plays.
type backdropConfig struct {
	Scenario string  `json:"scenario"` // bundled scenario name
	Speed    float64 `json:"speed"`    // simulated seconds per wall second; 0 means 1
	Skip     string  `json:"skip"`     // simulated time to run ahead before the workshop, e.g. "2h" to start at a busy hour
}

// backdrop is a running queue backdrop, owned by the room's hub.
type backdrop struct {
	sc      *sim.Scenario
	speed   float64
	rep     int
	run     *sim.Runner
	waiting int
	steps   int
}

// queueState is what the facilitator sees of the backdrop.
type queueState struct {
	Scenario string  `json:"scenario"`
	Speed    float64 `json:"speed"`
	SimTime  string  `json:"sim_time"`
	Waiting  int     `json:"waiting"`
	InBot    int     `json:"in_bot"`
}

// queueFigures is what a conversation cost the queue: integrated over the
// trainee's active conversation time, how many customers were waiting.
type queueFigures struct {
	Seconds         float64 `json:"seconds"`          // active conversation seconds observed
	CustomerSeconds float64 `json:"customer_seconds"` // sum of customers waiting × seconds
	MaxWaiting      int     `json:"max_waiting"`
}

// MeanWaiting is the average number of customers waiting during the conversation.
func (q queueFigures) MeanWaiting() float64 {
	if q.Seconds == 0 {
		return 0
	}
	return q.CustomerSeconds / q.Seconds
}

func newBackdrop(cfg backdropConfig, seed uint64) (*backdrop, error) {
	sc, err := scenarios.Bundled(cfg.Scenario)
	if err != nil {
		return nil, fmt.Errorf("queue backdrop: %w", err)
	}
	if cfg.Speed <= 0 {
		cfg.Speed = 1
	}
	b := &backdrop{sc: sc, speed: cfg.Speed}
	b.run = sim.NewRun(sc, seed, 0)
	if cfg.Skip != "" {
		d, err := time.ParseDuration(cfg.Skip)
		if err != nil || d < 0 || d > 48*time.Hour {
			return nil, fmt.Errorf("queue backdrop: skip %q: want a duration from 0 to 48h", cfg.Skip)
		}
		b.run.RunUntil(d)
		b.waiting = b.run.Snapshot().Waiting
	}
	return b, nil
}

// step advances the simulation by one step of wall time and returns the queue length.
func (b *backdrop) step() int {
	if b.run.Done() {
		b.rep++
		b.run = sim.NewRun(b.sc, b.sc.Seed, b.rep)
	}
	b.run.RunUntil(b.run.Now() + time.Duration(b.speed*float64(backdropStep)))
	b.waiting = b.run.Snapshot().Waiting
	b.steps++
	return b.waiting
}

func (b *backdrop) state() queueState {
	s := b.run.Snapshot()
	return queueState{Scenario: b.sc.Name, Speed: b.speed, SimTime: s.Now.Truncate(time.Second).String(),
		Waiting: s.Waiting, InBot: s.InBot}
}

// stepBackdrop advances the room's queue and charges the waiting customers
// to every conversation in progress. A paused room freezes the queue too.
func (h *hub) stepBackdrop() {
	if h.backdrop == nil || h.st.Paused || !h.st.Started || h.st.Ended {
		return
	}
	before := h.backdrop.waiting
	w := h.backdrop.step()
	secs := backdropStep.Seconds()
	for _, s := range h.seats {
		if s.sess == nil || s.sess.Ended() || s.extra.Removed {
			continue
		}
		q := s.extra.Queue
		if q == nil {
			q = &queueFigures{}
			s.extra.Queue = q
		}
		q.Seconds += secs
		q.CustomerSeconds += float64(w) * secs
		q.MaxWaiting = max(q.MaxWaiting, w)
		if h.backdrop.steps%5 == 0 {
			h.pdirty[s] = true
		}
		if w != before {
			h.dirty[s] = true
		}
	}
	h.gridDirty = true
}

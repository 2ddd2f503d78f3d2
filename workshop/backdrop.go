package workshop

import (
	"fmt"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// BackdropStep is how often (wall time) the queue backdrop advances: the
// room's owner calls StepBackdrop this often.
const BackdropStep = time.Second

// BackdropConfig is a room's optional queue backdrop: a simulation of the
// center running behind the role-plays.
type BackdropConfig struct {
	Scenario string  `json:"scenario"` // bundled scenario name
	Speed    float64 `json:"speed"`    // simulated seconds per wall second; 0 means 1
	Skip     string  `json:"skip"`     // simulated time to run ahead before the workshop, e.g. "2h" to start at a busy hour
}

// Backdrop is a running queue backdrop, owned by its room.
type Backdrop struct {
	sc      *sim.Scenario
	speed   float64
	rep     int
	run     *sim.Runner
	waiting int
	steps   int
}

// QueueState is what the facilitator sees of the backdrop.
type QueueState struct {
	Scenario string  `json:"scenario"`
	Speed    float64 `json:"speed"`
	SimTime  string  `json:"sim_time"`
	Waiting  int     `json:"waiting"`
	InBot    int     `json:"in_bot"`
}

// QueueFigures is what a conversation cost the queue: integrated over the
// trainee's active conversation time, how many customers were waiting.
type QueueFigures struct {
	Seconds         float64 `json:"seconds"`          // active conversation seconds observed
	CustomerSeconds float64 `json:"customer_seconds"` // sum of customers waiting × seconds
	MaxWaiting      int     `json:"max_waiting"`
}

// MeanWaiting is the average number of customers waiting during the conversation.
func (q QueueFigures) MeanWaiting() float64 {
	if q.Seconds == 0 {
		return 0
	}
	return q.CustomerSeconds / q.Seconds
}

// NewBackdrop starts the bundled scenario of cfg with the room's seed,
// run ahead by cfg.Skip.
func NewBackdrop(cfg BackdropConfig, seed uint64) (*Backdrop, error) {
	sc, err := scenarios.Bundled(cfg.Scenario)
	if err != nil {
		return nil, fmt.Errorf("queue backdrop: %w", err)
	}
	if cfg.Speed <= 0 {
		cfg.Speed = 1
	}
	b := &Backdrop{sc: sc, speed: cfg.Speed}
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
func (b *Backdrop) step() int {
	if b.run.Done() {
		b.rep++
		b.run = sim.NewRun(b.sc, b.sc.Seed, b.rep)
	}
	b.run.RunUntil(b.run.Now() + time.Duration(b.speed*float64(BackdropStep)))
	b.waiting = b.run.Snapshot().Waiting
	b.steps++
	return b.waiting
}

// Waiting is the number of customers waiting at the last step.
func (b *Backdrop) Waiting() int { return b.waiting }

// State is what the facilitator sees of the backdrop now.
func (b *Backdrop) State() QueueState {
	s := b.run.Snapshot()
	return QueueState{Scenario: b.sc.Name, Speed: b.speed, SimTime: s.Now.Truncate(time.Second).String(),
		Waiting: s.Waiting, InBot: s.InBot}
}

// StepBackdrop advances the room's queue by BackdropStep and charges the
// waiting customers to every conversation in progress. A paused room
// freezes the queue too.
func (rm *Room) StepBackdrop() {
	if rm.Backdrop == nil || rm.State.Paused || !rm.State.Started || rm.State.Ended {
		return
	}
	before := rm.Backdrop.waiting
	w := rm.Backdrop.step()
	secs := BackdropStep.Seconds()
	for _, s := range rm.Seats {
		if !s.Running() {
			continue
		}
		q := s.Extra.Queue
		if q == nil {
			q = &QueueFigures{}
			s.Extra.Queue = q
		}
		q.Seconds += secs
		q.CustomerSeconds += float64(w) * secs
		q.MaxWaiting = max(q.MaxWaiting, w)
		if rm.Backdrop.steps%5 == 0 {
			rm.pdirty[s] = true
		}
		if w != before {
			rm.Changed[s] = true
		}
	}
	rm.GridChanged = true
}

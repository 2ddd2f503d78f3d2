package erlang

import (
	"errors"
	"fmt"
	"math"
)

// ErrUnreachable reports a Target no number of agents up to MaxAgents meets.
var ErrUnreachable = errors.New("erlang: target not reachable")

// MaxAgents is the largest number of agents Agents tries.
const MaxAgents = 1 << 20

// Target is a staffing goal. Every goal set must hold.
type Target struct {
	Threshold    float64    // Threshold is the answer-time goal, seconds.
	Level        float64    // Level is the service level to reach within Threshold, in [0, 1), e.g. 0.8; 0 means no service-level goal.
	Definition   Definition // Definition is the service-level definition; empty means Offered.
	MaxAbandon   float64    // MaxAbandon is a cap on PAbandon in [0, 1]; 0 means no cap.
	MaxOccupancy float64    // MaxOccupancy is a cap on Occupancy in [0, 1]; 0 means no cap.
}

// Validate reports whether t is a well-formed goal.
func (t Target) Validate() error {
	switch {
	case !(t.Threshold >= 0) || math.IsInf(t.Threshold, 1):
		return errors.New("erlang: threshold must be non-negative and finite")
	case !(t.Level >= 0 && t.Level < 1):
		return errors.New("erlang: service level must be in [0, 1)")
	case !(t.MaxAbandon >= 0 && t.MaxAbandon <= 1):
		return errors.New("erlang: abandon cap must be in [0, 1]")
	case !(t.MaxOccupancy >= 0 && t.MaxOccupancy <= 1):
		return errors.New("erlang: occupancy cap must be in [0, 1]")
	}
	return t.Definition.Validate()
}

// met reports whether q meets t.
func (t Target) met(q Queue) bool {
	f := q.Figures()
	switch {
	case !f.Stable:
		return false
	case t.MaxAbandon > 0 && f.PAbandon > t.MaxAbandon:
		return false
	case t.MaxOccupancy > 0 && f.Occupancy > t.MaxOccupancy:
		return false
	}
	return t.Level == 0 || q.ServiceLevel(t.Threshold, t.Definition) >= t.Level
}

// Agents returns the smallest number of agents for which q (with its
// Agents field ignored) meets t: a stable queue whose service level, abandon
// rate and occupancy are within the goals set. A queue with Rate 0 needs no
// one, but Agents returns 1, the smallest valid Queue. It returns an error
// for an invalid queue or target and ErrUnreachable (wrapped) when more
// than MaxAgents would be needed.
//
// Service level rises and abandonment and occupancy fall as agents are added,
// so Agents brackets the answer by doubling and then bisects; it evaluates
// the queue O(log c) times.
func Agents(q Queue, t Target) (int, error) {
	q.Agents = 1
	if err := q.Validate(); err != nil {
		return 0, err
	}
	if err := t.Validate(); err != nil {
		return 0, err
	}
	ok := func(c int) bool {
		q.Agents = c
		return t.met(q)
	}
	lo := 0 // largest count known to fail; 0 always does
	if q.model().theta == 0 {
		lo = int(math.Min(math.Floor(q.Load()), MaxAgents)) // Erlang C needs more than the load
	}
	hi := lo + 1
	for !ok(hi) {
		if hi >= MaxAgents {
			return 0, fmt.Errorf("%w with up to %d agents", ErrUnreachable, MaxAgents)
		}
		lo, hi = hi, min(2*hi, MaxAgents)
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if ok(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}

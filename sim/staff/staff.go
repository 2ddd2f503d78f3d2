// Package staff finds the smallest staffing of each agent group in each
// interval that meets service goals: it starts from Erlang A per interval
// and corrects it by simulating the whole day on common random numbers.
// It also simulates the staffing curve of an interval (SimulateCurve) that
// reports draws.
package staff

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// Goals are the constraints every interval must meet. With Confidence > 0
// they hold on one-sided confidence bounds at that level (the lower bound of
// service level, the upper bounds of abandonment and occupancy) rather than
// on the means.
type Goals struct {
	Target       float64       // Target is the service level to reach, a share in (0, 1); 0: the scenario's.
	Threshold    time.Duration // Threshold is the answer-time goal; 0: the scenario's.
	MaxAbandon   float64       // MaxAbandon caps the abandonment rate, a share; 0: no cap.
	MaxOccupancy float64       // MaxOccupancy caps each group's occupancy, a share; 0: no cap.
	Confidence   float64       // Confidence is the level of the bounds, in (0, 1); 0: goals on the means.
}

// Validate reports whether the goals are well formed.
func (g Goals) Validate() error {
	switch {
	case !(g.Target >= 0 && g.Target < 1):
		return fmt.Errorf("staff: target must be a share in (0, 1), got %g", g.Target)
	case g.Threshold < 0:
		return errors.New("staff: threshold must not be negative")
	case !(g.MaxAbandon >= 0 && g.MaxAbandon <= 1):
		return fmt.Errorf("staff: max abandon must be a share in [0, 1], got %g", g.MaxAbandon)
	case !(g.MaxOccupancy >= 0 && g.MaxOccupancy <= 1):
		return fmt.Errorf("staff: max occupancy must be a share in [0, 1], got %g", g.MaxOccupancy)
	case !(g.Confidence >= 0 && g.Confidence < 1):
		return fmt.Errorf("staff: confidence must be in (0, 1), got %g", g.Confidence)
	}
	return nil
}

// Options tune the search. The zero value uses the scenario's seed and
// replications and one worker per CPU.
type Options struct {
	Workers        int            // Workers simulate replications in parallel; 0: one per CPU.
	Replications   int            // Replications per evaluation; 0: the scenario's.
	Seed           *uint64        // Seed of every evaluation; nil: the scenario's.
	MaxEvaluations int            // MaxEvaluations bounds the simulations of the search; 0: 80.
	Progress       func(Progress) // Progress is called after each evaluation; may be nil.
}

// Progress reports the search after one evaluation.
type Progress struct {
	Evaluation int    // evaluations so far
	Phase      string // "erlang", "calibrate", "repair" or "trim"
	Agents     int    // agents summed over groups and intervals in the staffing just evaluated
	Short      int    // (group, interval) pairs that missed a goal in it
}

// Plan is the staffing found.
type Plan struct {
	Scenario     string     `json:"scenario"`
	Seed         uint64     `json:"seed"`
	Replications int        `json:"replications"`
	Goals        GoalsJSON  `json:"goals"`
	Groups       []string   `json:"groups"`
	Intervals    []Interval `json:"intervals"`
	AgentHours   float64    `json:"agent_hours"` // scheduled agent-hours of the day (or run)
	Cost         *float64   `json:"cost"`        // staff, bot and abandonment cost; nil (null) without a cost model
	Currency     string     `json:"currency,omitempty"`
	Evaluations  int        `json:"evaluations"` // simulations the search ran
	Method       string     `json:"method"`

	// Staffed is the input scenario with the found staffing: every group
	// planned by counts per interval (scheduled headcount, shrinkage kept).
	Staffed *sim.Scenario `json:"-"`
	// Results are the simulation of the found staffing (available agents,
	// no shrinkage) with the search's seed.
	Results *sim.Results `json:"-"`
}

// GoalsJSON are the goals as applied, for the JSON output.
type GoalsJSON struct {
	Target           float64 `json:"service_level_target"`
	ThresholdSeconds float64 `json:"threshold_seconds"`
	MaxAbandon       float64 `json:"max_abandon,omitempty"`
	MaxOccupancy     float64 `json:"max_occupancy,omitempty"`
	Confidence       float64 `json:"confidence,omitempty"`
}

// Interval is the staffing of one interval, in total and per group. Agent
// counts are agents available to take contacts; Scheduled adds shrinkage.
type Interval struct {
	Start        string         `json:"start"`
	ErlangC      int            `json:"erlang_c"`  // Erlang C requirement (no abandonment)
	ErlangA      int            `json:"erlang_a"`  // Erlang A requirement (exponential patience of the scenario's mean)
	Simulated    int            `json:"simulated"` // the simulation's requirement
	Scheduled    int            `json:"scheduled"` // headcount to schedule: simulated / (1 − shrinkage), rounded up
	ServiceLevel sim.Stat       `json:"service_level"`
	AbandonRate  sim.Stat       `json:"abandon_rate"`
	Occupancy    sim.Stat       `json:"occupancy"`
	ASA          sim.Stat       `json:"asa_seconds"`
	AgentHours   float64        `json:"agent_hours"`
	Cost         *float64       `json:"cost"` // nil (null) without a cost model
	Groups       []GroupNeed    `json:"groups"`
	Skills       []SkillFigures `json:"skills"`
}

// SkillFigures are the service level and abandonment of the contacts of
// one skill ("" is the default skill) in one interval: the goals hold for
// each skill's queue as well as for the interval as a whole.
type SkillFigures struct {
	Skill        string   `json:"skill"`
	Group        string   `json:"group"` // the group staffed for it
	ServiceLevel sim.Stat `json:"service_level"`
	AbandonRate  sim.Stat `json:"abandon_rate"`
}

// GroupNeed is one agent group's staffing in one interval.
type GroupNeed struct {
	Group     string   `json:"group"`
	ErlangC   int      `json:"erlang_c"`
	ErlangA   int      `json:"erlang_a"`
	Simulated int      `json:"simulated"`
	Scheduled int      `json:"scheduled"`
	Occupancy sim.Stat `json:"occupancy"` // of the group's agents with the simulated requirement
}

// ErrUnreachable is returned when no staffing up to the search's limit meets the goals.
var ErrUnreachable = errors.New("staff: goals not reachable")

// Search finds, for each agent group and interval of sc, the smallest number
// of available agents that meets the goals; docs/staffing.md describes the
// method. The search is deterministic: every evaluation uses the same
// seed, so candidates are compared on common random numbers.
func Search(ctx context.Context, sc *sim.Scenario, goals Goals, opts Options) (*Plan, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	if err := goals.Validate(); err != nil {
		return nil, err
	}
	reps := sc.Replications
	if opts.Replications > 0 {
		reps = opts.Replications
	}
	if goals.Confidence > 0 && reps < 2 {
		return nil, fmt.Errorf("staff: confidence bounds need at least 2 replications, got %d", reps)
	}
	p, err := newProblem(sc, goals, opts)
	if err != nil {
		return nil, err
	}
	n, res, err := p.search(ctx)
	if err != nil {
		return nil, err
	}
	return p.plan(n, res), nil
}

// finite reports whether v is a number.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

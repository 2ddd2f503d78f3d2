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

// DefaultConfidence is the level of the one-sided confidence bounds goals
// hold on unless Goals says otherwise.
const DefaultConfidence = 0.95

// DefaultTolerance is the relative tolerance of goals on bounds unless
// Goals says otherwise: with the most replications, a bound that misses a
// goal by less than 0.5 % of it (a service level of 79.6 % for 80 %, an
// abandonment of 5.025 % for 5 %) counts as meeting it.
const DefaultTolerance = 0.005

// Goals are the constraints every interval must meet. They hold on
// one-sided bounds at level Confidence (the lower bound of service level,
// the upper bounds of abandonment and occupancy), or on the means with
// OnMeans. The bounds are prediction bounds for the mean of the plan's
// check (Options.VerifyReplications fresh replications): a goal met on them
// is met in the check with probability Confidence.
type Goals struct {
	Target       float64       // Target is the service level to reach, a share in (0, 1); 0: the scenario's.
	Threshold    time.Duration // Threshold is the answer-time goal; 0: the scenario's.
	MaxAbandon   float64       // MaxAbandon caps the abandonment rate, a share; 0: no cap.
	MaxOccupancy float64       // MaxOccupancy caps each group's occupancy, a share; 0: no cap.
	MaxASA       time.Duration // MaxASA caps each channel's mean wait of answered contacts; 0: no cap.
	Confidence   float64       // Confidence is the level of the bounds, in (0, 1); 0: DefaultConfidence.
	// Tolerance is the indifference zone of goals on bounds, relative to
	// each goal, in [0, 0.1); 0: DefaultTolerance. A decision the most
	// replications leave open (the bound misses the goal by less than
	// Tolerance of it) counts as met: the cheaper staffing is kept.
	Tolerance float64
	// Channels are goals per channel. With more than one channel, each
	// channel's service level is a goal of its own, at the threshold and
	// target of the scenario's [channels.*] (else Target and Threshold),
	// unless set here.
	Channels map[sim.Channel]ChannelGoals
	OnMeans  bool // OnMeans holds the goals on the means (no bounds, no added replications).
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
	case g.OnMeans && g.Confidence > 0:
		return errors.New("staff: goals on the means take no confidence level")
	case !(g.Tolerance >= 0 && g.Tolerance < 0.1):
		return fmt.Errorf("staff: tolerance must be a share in [0, 0.1), got %g", g.Tolerance)
	case g.OnMeans && g.Tolerance > 0:
		return errors.New("staff: goals on the means take no tolerance")
	case g.MaxASA < 0:
		return errors.New("staff: max ASA must not be negative")
	}
	for ch, c := range g.Channels {
		if err := c.Validate(); err != nil {
			return fmt.Errorf("staff: channel %s: %w", ch, err)
		}
	}
	return nil
}

// tolerance is the relative tolerance of goals on bounds; 0 on the means.
func (g Goals) tolerance() float64 { return g.onBounds(g.Tolerance, DefaultTolerance) }

// level is the confidence level the goals hold at; 0 on the means.
func (g Goals) level() float64 { return g.onBounds(g.Confidence, DefaultConfidence) }

// onBounds is v, or def if v is 0, for goals on bounds; 0 on the means.
func (g Goals) onBounds(v, def float64) float64 {
	switch {
	case g.OnMeans:
		return 0
	case v > 0:
		return v
	}
	return def
}

// Options tune the search. The zero value uses the scenario's seed and
// replications, up to four times as many where a decision needs them, a
// check on DefaultVerifyReplications fresh replications, and one worker per CPU.
type Options struct {
	Workers            int            // Workers simulate replications in parallel; 0: one per CPU.
	Replications       int            // Replications of a first evaluation, a batch; 0: the scenario's.
	MaxReplications    int            // MaxReplications caps the replications added batch by batch; 0: DefaultBatches batches.
	Seed               *uint64        // Seed of the search's first batch; nil: the scenario's.
	VerifyReplications int            // VerifyReplications are the fresh replications of the final check; 0: DefaultVerifyReplications.
	VerifySeed         *uint64        // VerifySeed is the seed of the final check; nil: one mixed from Seed.
	MaxEvaluations     int            // MaxEvaluations bounds the simulations of calibration and of each level's trimming; 0: 80.
	Progress           func(Progress) // Progress is called after each evaluation; may be nil.
}

// Progress reports the search after one evaluation.
type Progress struct {
	Evaluation   int    // evaluations so far
	Phase        string // "erlang", "calibrate", "repair", "trim" or "verify"
	Agents       int    // agents summed over groups and intervals in the staffing just evaluated
	Short        int    // (group, interval) pairs that missed a goal in it
	Replications int    // replications the evaluation measured
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

	// MaxReplications are the most replications any candidate was measured on.
	MaxReplications int `json:"max_replications"`
	// Verification is the check of the plan on fresh replications; the
	// figures of Intervals come from it.
	Verification Verification `json:"verification"`

	// Staffed is the input scenario with the found staffing: every group
	// planned by counts per interval (scheduled headcount, shrinkage kept).
	Staffed *sim.Scenario `json:"-"`
	// Results are the simulation of the found staffing (available agents,
	// no shrinkage) on the verification's fresh replications.
	Results *sim.Results `json:"-"`
}

// GoalsJSON are the goals as applied, for the JSON output.
type GoalsJSON struct {
	Target           float64            `json:"service_level_target"`
	ThresholdSeconds float64            `json:"threshold_seconds"`
	MaxAbandon       float64            `json:"max_abandon,omitempty"`
	MaxOccupancy     float64            `json:"max_occupancy,omitempty"`
	MaxASASeconds    float64            `json:"max_asa_seconds,omitempty"`
	Confidence       float64            `json:"confidence,omitempty"` // 0: on the means
	Tolerance        float64            `json:"tolerance,omitempty"`  // relative; 0: on the means
	Channels         []ChannelGoalsJSON `json:"channels,omitempty"`
}

// ChannelGoalsJSON are one channel's goals as applied.
type ChannelGoalsJSON struct {
	Channel          string  `json:"channel"`
	Target           float64 `json:"service_level_target,omitempty"` // 0: no goal of its own
	ThresholdSeconds float64 `json:"threshold_seconds,omitempty"`
	MaxASASeconds    float64 `json:"max_asa_seconds,omitempty"`
	MaxAbandon       float64 `json:"max_abandon,omitempty"`
}

// ChannelFigures are one channel's figures in one interval, out of sample.
type ChannelFigures struct {
	Channel      string   `json:"channel"`
	ServiceLevel sim.Stat `json:"service_level"` // within the channel's threshold
	ASA          sim.Stat `json:"asa_seconds"`
	AbandonRate  sim.Stat `json:"abandon_rate"`
}

// Interval is the staffing of one interval, in total and per group. Agent
// counts are agents available to take contacts; Scheduled adds shrinkage.
// The service level, abandonment, occupancy and ASA are the verification's,
// measured out of sample.
type Interval struct {
	Start        string           `json:"start"`
	ErlangC      int              `json:"erlang_c"`  // Erlang C requirement (no abandonment)
	ErlangA      int              `json:"erlang_a"`  // Erlang A requirement (exponential patience of the scenario's mean)
	Simulated    int              `json:"simulated"` // the simulation's requirement
	Scheduled    int              `json:"scheduled"` // headcount to schedule: simulated / (1 − shrinkage), rounded up
	ServiceLevel sim.Stat         `json:"service_level"`
	AbandonRate  sim.Stat         `json:"abandon_rate"`
	Occupancy    sim.Stat         `json:"occupancy"`
	ASA          sim.Stat         `json:"asa_seconds"`
	AgentHours   float64          `json:"agent_hours"`
	Cost         *float64         `json:"cost"`       // nil (null) without a cost model
	StaffCost    *float64         `json:"staff_cost"` // the scheduled agents' part of Cost
	Groups       []GroupNeed      `json:"groups"`
	Skills       []SkillFigures   `json:"skills"`
	Channels     []ChannelFigures `json:"channels"`
	Met          bool             `json:"met"`              // every goal met out of sample (on the verification's means)
	Missed       []string         `json:"missed,omitempty"` // the goals missed out of sample
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
// of available agents that meets the goals; docs/staffing.md describes
// the method. The search is deterministic: every candidate is measured
// on the same batches of replications (common random numbers), and the plan
// is then checked on fresh replications with another seed.
func Search(ctx context.Context, sc *sim.Scenario, goals Goals, opts Options) (*Plan, error) {
	p, err := prepareSearch(sc, goals, opts)
	if err != nil {
		return nil, err
	}
	n, err := p.search(ctx)
	if err != nil {
		return nil, err
	}
	res, err := p.verify(ctx, n)
	if err != nil {
		return nil, err
	}
	return p.plan(n, res), nil
}

// prepareSearch validates a search and sets it up.
func prepareSearch(sc *sim.Scenario, goals Goals, opts Options) (*problem, error) {
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
	if goals.level() > 0 && reps < 2 {
		return nil, fmt.Errorf("staff: confidence bounds need at least 2 replications, got %d (or goals on the means)", reps)
	}
	return newProblem(sc, goals, opts)
}

// finite reports whether v is a number.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

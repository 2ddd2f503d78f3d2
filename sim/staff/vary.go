package staff

import (
	"errors"
	"math"

	"github.com/ccsim/ccsim/sim"
)

// Comparison sets plans side by side: each variant against the first, the
// baseline. Differences of agents and agent-hours are those of the plans;
// differences of cost carry a 95 % confidence interval, paired over the
// replications of the plans' checks (the same customers when the checks
// share their seed, else a Welch interval of independent runs). The cost
// of a replication is the plan's staff cost plus that replication's bot
// and abandonment cost.
type Comparison struct {
	Baseline string    `json:"baseline"`
	Currency string    `json:"currency,omitempty"` // the baseline plan's: the unit of every cost
	Week     WeekJSON  `json:"week"`
	Variants []Variant `json:"variants"`
	// Searches are the searches of each variant behind the Search…
	// confidence intervals (CompareRepeats); 0: one, no such intervals.
	Searches int `json:"searches,omitempty"`
}

// WeekJSON is the week the FTE and annual figures assume.
type WeekJSON struct {
	FTEHours float64 `json:"fte_hours"`
	Days     float64 `json:"days"`
	Weeks    float64 `json:"weeks_per_year"`
}

// Variant is one plan's totals and its differences from the baseline
// (zero for the baseline itself).
type Variant struct {
	Label           string    `json:"label"`
	AgentHours      float64   `json:"agent_hours"` // scheduled, a day
	FTE             float64   `json:"fte"`
	Cost            *sim.Stat `json:"cost"`        // a day; null without a cost model
	AnnualCost      *sim.Stat `json:"annual_cost"` // null without a cost model
	DeltaAgentHours float64   `json:"delta_agent_hours"`
	DeltaFTE        float64   `json:"delta_fte"`
	DeltaCost       *sim.Stat `json:"delta_cost"` // a day
	DeltaAnnualCost *sim.Stat `json:"delta_annual_cost"`
	// SearchDeltaAgentHours is the Δ agent-hours over paired searches on
	// other seeds: mean and 95 % CI (CompareRepeats); null without them.
	SearchDeltaAgentHours *sim.Stat       `json:"search_delta_agent_hours"`
	Intervals             []IntervalDelta `json:"intervals"`
}

// IntervalDelta is one interval of a variant against the baseline.
type IntervalDelta struct {
	Start           string    `json:"start"`
	Scheduled       int       `json:"scheduled"`
	DeltaAgents     int       `json:"delta_agents"` // scheduled headcount
	DeltaAgentHours float64   `json:"delta_agent_hours"`
	DeltaCost       *sim.Stat `json:"delta_cost"` // null without a cost model
	// SearchDeltaAgents is the Δ scheduled agents over paired searches on
	// other seeds: mean and 95 % CI (CompareRepeats); null without them.
	SearchDeltaAgents *sim.Stat `json:"search_delta_agents"`
}

// ErrIncomparable is returned for plans that do not share their intervals.
var ErrIncomparable = errors.New("staff: plans with different intervals cannot be compared")

// Compare sets plans (labelled) side by side against the first.
func Compare(labels []string, plans []*Plan, week Week) (*Comparison, error) {
	if len(plans) < 2 || len(labels) != len(plans) {
		return nil, errors.New("staff: compare needs two or more plans, one label each")
	}
	if err := week.Validate(); err != nil {
		return nil, err
	}
	w := week.orDefault()
	base := plans[0]
	c := &Comparison{Baseline: labels[0], Currency: base.Currency, Week: WeekJSON(w)}
	for i, pl := range plans {
		if len(pl.Intervals) != len(base.Intervals) || pl.Results == nil {
			return nil, ErrIncomparable
		}
		for k := range pl.Intervals {
			if pl.Intervals[k].Start != base.Intervals[k].Start {
				return nil, ErrIncomparable
			}
		}
		c.Variants = append(c.Variants, variant(labels[i], base, pl, w))
	}
	return c, nil
}

// variant compares pl with base.
func variant(label string, base, pl *Plan, w Week) Variant {
	v := Variant{Label: label, AgentHours: pl.AgentHours, FTE: w.FTE(pl.AgentHours),
		DeltaAgentHours: pl.AgentHours - base.AgentHours, DeltaFTE: w.FTE(pl.AgentHours) - w.FTE(base.AgentHours)}
	costs := pl.Cost != nil && base.Cost != nil
	if costs {
		day, baseDay := dayCosts(pl, -1), dayCosts(base, -1)
		s := sim.SummarizeMetric(sim.MCost, day)
		v.Cost, v.AnnualCost = &s, timesStat(s, w.Annual(1))
		d := diff(base, pl, baseDay, day)
		v.DeltaCost, v.DeltaAnnualCost = &d, timesStat(d, w.Annual(1))
	}
	for k, iv := range pl.Intervals {
		b := base.Intervals[k]
		id := IntervalDelta{Start: iv.Start, Scheduled: iv.Scheduled, DeltaAgents: iv.Scheduled - b.Scheduled, DeltaAgentHours: iv.AgentHours - b.AgentHours}
		if costs {
			d := diff(base, pl, dayCosts(base, k), dayCosts(pl, k))
			id.DeltaCost = &d
		}
		v.Intervals = append(v.Intervals, id)
	}
	return v
}

// dayCosts are the costs of pl in each replication of its check: of
// interval k, or of the day for k < 0.
func dayCosts(pl *Plan, k int) []float64 {
	var out []float64
	for _, rep := range pl.Results.PerReplication {
		if k < 0 {
			c := 0.0
			for j := range pl.Intervals {
				c += costIn(pl, rep, j)
			}
			out = append(out, c)
			continue
		}
		out = append(out, costIn(pl, rep, k))
	}
	return out
}

// costIn is the cost of interval k of pl in one replication of its check.
func costIn(pl *Plan, rep sim.Replication, k int) float64 {
	c := 0.0
	if sc := pl.Intervals[k].StaffCost; sc != nil {
		c = *sc
	}
	if k < len(rep.Intervals) {
		c += orZero(rep.Intervals[k][sim.MCostBot]) + orZero(rep.Intervals[k][sim.MCostAbandoned])
	}
	return c
}

// orZero is v, or 0 when v is undefined (NaN).
func orZero(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}

// diff is pl's cost minus base's: paired when both checks ran on the same
// seed and replications, else independent.
func diff(base, pl *Plan, a, b []float64) sim.Stat {
	if base.Results.Seed == pl.Results.Seed && len(a) == len(b) {
		return sim.PairedDiff(a, b)
	}
	return sim.WelchDiff(a, b)
}

// timesStat is s multiplied by f > 0.
func timesStat(s sim.Stat, f float64) *sim.Stat {
	s.Mean *= f
	s.CI95[0] *= f
	s.CI95[1] *= f
	return &s
}

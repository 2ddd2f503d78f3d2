package schedule

import (
	"context"
	"errors"
	"fmt"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// DefaultMaxRepairs bounds the rounds of simulation and repair of Build.
const DefaultMaxRepairs = 8

// Options tune Build.
type Options struct {
	Goals      staff.Goals   // the goals every interval must meet
	Staff      staff.Options // the requirement's search and the checks' seed and replications
	MaxRepairs int           // MaxRepairs bounds the rounds of repair; 0: DefaultMaxRepairs.
	Progress   func(string)  // Progress is told of each step; may be nil.
}

// Result is a schedule built and checked by simulation.
type Result struct {
	Plan       *staff.Plan    // the requirement per interval and group
	Need       Need           // what the schedule covers: the plan's headcount, raised where a check missed a goal
	Schedule   *Schedule      // the final schedule
	FirstBound float64        // the lower bound on cost of covering the plan's headcount, before repairs
	FirstCost  float64        // the cost of the first schedule
	Repairs    []Repair       // the rounds of repair, in order
	Check      *staff.Checked // the final schedule simulated on the check's fresh replications
	// Independent is the final schedule simulated once more with the
	// check's seed + 1, when repairs were tuned on the check's
	// replications; nil without repairs (Check is then independent).
	Independent *staff.Checked
	Scenario    *sim.Scenario // the input scenario staffed by the schedule's shifts
}

// Repair is one round of repair: the need raised after a check.
type Repair struct {
	Missed int     `json:"missed"` // intervals that missed some goal in the check
	Raised []Raise `json:"raised"` // the needs raised
}

// Raise is one group's need in one interval raised by a repair.
type Raise struct {
	Group    string `json:"group"`
	Interval string `json:"interval"`
	From     int    `json:"from"`
	To       int    `json:"to"`
}

// Build finds the staffing requirement of sc (staff.Search), schedules
// shifts for it under rules, simulates the schedule on the check's fresh
// replications and, where a goal is missed, raises the need of the groups
// charged with the miss to one agent above what the schedule had on duty
// and schedules again, until every goal is met or MaxRepairs rounds.
func Build(ctx context.Context, sc *sim.Scenario, rules *Rules, opts Options) (*Result, error) {
	if !sc.Arrivals.Day() {
		return nil, errors.New("schedule: shifts need a day profile in [arrivals] (open, close, interval, profile)")
	}
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	progress := func(format string, args ...any) {
		if opts.Progress != nil {
			opts.Progress(fmt.Sprintf(format, args...))
		}
	}
	progress("staffing requirement")
	plan, err := staff.Search(ctx, sc, opts.Goals, opts.Staff)
	if err != nil {
		return nil, err
	}
	res := &Result{Plan: plan, Need: NeedOf(sc, plan)}
	rounds := opts.MaxRepairs
	if rounds <= 0 {
		rounds = DefaultMaxRepairs
	}
	for round := 0; ; round++ {
		progress("schedule %d", round+1)
		if res.Schedule, err = Solve(res.Need, rules); err != nil {
			return nil, err
		}
		if round == 0 {
			res.FirstBound, res.FirstCost = res.Schedule.Bound, res.Schedule.Cost
		}
		res.Scenario = res.Schedule.Apply(sc)
		progress("check %d", round+1)
		if res.Check, err = staff.Check(ctx, res.Scenario, opts.Goals, opts.Staff); err != nil {
			return nil, err
		}
		v := res.Check.Verification
		if v.AllMet == v.Intervals || round == rounds {
			return res, res.independent(ctx, opts, progress)
		}
		res.Repairs = append(res.Repairs, res.raise())
	}
}

// independent checks the final schedule on replications no repair saw,
// if there were repairs.
func (r *Result) independent(ctx context.Context, opts Options, progress func(string, ...any)) error {
	if len(r.Repairs) == 0 {
		return nil
	}
	progress("independent check")
	o := opts.Staff
	seed := r.Check.Verification.Seed + 1
	o.VerifySeed = &seed
	var err error
	r.Independent, err = staff.Check(ctx, r.Scenario, opts.Goals, o)
	return err
}

// raise raises the need of every (group, interval) the check charged with a
// miss, or of every group of a missed interval none was charged for, to
// one agent above the fewest the schedule had on duty in it.
func (r *Result) raise() Repair {
	rep := Repair{}
	n := len(r.Need.Agents[0])
	for k := 0; k < n; k++ {
		if len(r.Check.Missed[k]) == 0 {
			continue
		}
		rep.Missed++
		charged := false
		for g := range r.Need.Groups {
			charged = charged || r.Check.Short[g][k]
		}
		for g, name := range r.Need.Groups {
			if charged && !r.Check.Short[g][k] {
				continue
			}
			cv := r.Schedule.Coverage[g*n+k]
			from := r.Need.Agents[g][k]
			r.Need.Agents[g][k] = max(from, cv.Least) + 1
			rep.Raised = append(rep.Raised, Raise{Group: name, Interval: Clock(cv.Start), From: from, To: r.Need.Agents[g][k]})
		}
	}
	return rep
}

// NeedOf is the headcount per group and interval of plan (the agents to
// schedule: the requirement over one minus shrinkage), with each group's
// hourly cost in sc (1 without a cost model).
func NeedOf(sc *sim.Scenario, plan *staff.Plan) Need {
	nd := Need{Groups: plan.Groups, Open: sc.Arrivals.Open, Interval: sc.Arrivals.Interval}
	for g := range plan.Groups {
		row := make([]int, len(plan.Intervals))
		for k, iv := range plan.Intervals {
			row[k] = iv.Groups[g].Scheduled
		}
		nd.Agents = append(nd.Agents, row)
		c := sc.HourCost(g)
		if c <= 0 {
			c = 1
		}
		nd.HourCost = append(nd.HourCost, c)
	}
	return nd
}

// Apply returns sc with every group staffed by the schedule's shifts and
// their breaks (shrinkage kept; a group without shifts has no agents).
func (s *Schedule) Apply(sc *sim.Scenario) *sim.Scenario {
	out := *sc
	out.Groups = make([]sim.Group, len(sc.Groups))
	for g, gr := range sc.Groups {
		gr.Count, gr.Counts, gr.Shifts = 0, nil, nil
		for _, sh := range s.Shifts {
			if sh.Group != gr.Name {
				continue
			}
			ss := sim.Shift{Start: sh.Start, End: sh.End, Count: sh.Count}
			for _, b := range sh.Breaks {
				ss.Breaks = append(ss.Breaks, sim.Break{Start: b.Start, Length: b.Length})
			}
			gr.Shifts = append(gr.Shifts, ss)
		}
		out.Groups[g] = gr
	}
	return &out
}

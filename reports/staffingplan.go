package reports

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// StaffingPlan is a staffing search to render: the plan and, optionally,
// the agents the scenario had before the search (time-average on duty per
// interval), to show the change.
type StaffingPlan struct {
	Plan    *staff.Plan
	Current []float64 // per interval; nil: not shown
}

// periods are the plan's intervals as sim.Intervals (start and results),
// for the interval axis.
func (sp StaffingPlan) periods() []sim.Interval {
	if res := sp.Plan.Results; res != nil && len(res.Intervals) == len(sp.Plan.Intervals) {
		return res.Intervals
	}
	ivs := make([]sim.Interval, len(sp.Plan.Intervals))
	for i, iv := range sp.Plan.Intervals {
		ivs[i] = sim.Interval{Start: iv.Start, Metrics: sim.Metrics{sim.MServiceLevel: iv.ServiceLevel}}
	}
	return ivs
}

// StaffingPlanChart plots the staffing found by interval against the
// Erlang C and Erlang A requirements (and the staffing before, if known),
// the service level it reaches, and each group's share.
func StaffingPlanChart(sp StaffingPlan) Chart {
	pl, ivs := sp.Plan, sp.periods()
	agents := Panel{Title: "Agents per interval", YLabel: "agents", YMin: ptr(0)}
	line := func(label string, color int, dashed bool, get func(staff.Interval) float64) Series {
		s := Series{Label: label, Kind: Line, Color: color, Dashed: dashed}
		for i, iv := range pl.Intervals {
			s.X, s.Y = append(s.X, float64(i)), append(s.Y, get(iv))
		}
		return s
	}
	// Agent counts hold for a whole interval: steps from its start to its end.
	steps := func(label string, color int, dashed bool, get func(staff.Interval) float64) Series {
		return stepped(line(label, color, dashed, get))
	}
	agents.Series = []Series{
		steps("Erlang C (no abandonment)", cGrey, true, func(iv staff.Interval) float64 { return float64(iv.ErlangC) }),
		steps("Erlang A", cOrange, false, func(iv staff.Interval) float64 { return float64(iv.ErlangA) }),
		steps("simulated requirement", cBlue, false, func(iv staff.Interval) float64 { return float64(iv.Simulated) }),
		steps("scheduled headcount (after shrinkage)", cGreen, true, func(iv staff.Interval) float64 { return float64(iv.Scheduled) }),
	}
	if len(sp.Current) == len(pl.Intervals) {
		agents.Series = append(agents.Series, steps("on duty before (scenario as given)", cPurple, true,
			func(iv staff.Interval) float64 { return sp.Current[indexOf(pl.Intervals, iv.Start)] }))
	}
	sl := Panel{Title: "Service level with the simulated requirement (mean; 95 % CI of all contacts)",
		YLabel: fmt.Sprintf("answered within %s (%%)", seconds(pl.Goals.ThresholdSeconds)), YMin: ptr(0), YMax: ptr(100)}
	s := statSeries(ivs, func(iv sim.Interval) sim.Metrics { return iv.Metrics }, sim.MServiceLevel, 100)
	s.Label, s.Color = "all contacts", cBlue
	sl.Series = []Series{s}
	if len(pl.Intervals) > 0 && len(pl.Intervals[0].Skills) > 1 {
		for j, sk := range pl.Intervals[0].Skills {
			name := sk.Skill
			if name == "" {
				name = "default"
			}
			sl.Series = append(sl.Series, line(fmt.Sprintf("skill %s (%s first)", name, sk.Group), cOrange+j, true,
				func(iv staff.Interval) float64 { return 100 * iv.Skills[j].ServiceLevel.Mean }))
		}
	}
	sl.Rules = []Rule{{Label: "target " + num(100*pl.Goals.Target, 3) + " %", Value: 100 * pl.Goals.Target, Color: cRed}}
	groups := Panel{Title: "Simulated requirement per agent group", YLabel: "agents", YMin: ptr(0)}
	for g, name := range pl.Groups {
		groups.Series = append(groups.Series, steps(name, cBlue+g, false, func(iv staff.Interval) float64 { return float64(iv.Groups[g].Simulated) }))
	}
	panels := []Panel{agents, sl, groups}
	for i := range panels {
		intervalAxis(&panels[i], ivs)
	}
	return Chart{Name: "staffing-plan", Title: "Staffing plan: " + pl.Scenario, Height: 11.5, Panels: panels}
}

// stepped draws a per-interval series (X the interval index) as a
// staircase: each value held from the interval's start (X − ½) to its end.
func stepped(s Series) Series {
	s.Kind = Step
	n := len(s.X)
	if n == 0 {
		return s
	}
	x := make(Floats, 0, n+1)
	for _, v := range s.X {
		x = append(x, v-0.5)
	}
	s.X, s.Y = append(x, s.X[n-1]+0.5), append(append(Floats(nil), s.Y...), s.Y[n-1])
	return s
}

func indexOf(ivs []staff.Interval, start string) int {
	for i, iv := range ivs {
		if iv.Start == start {
			return i
		}
	}
	return 0
}

// WriteStaffingCSV writes one row per interval and group, then the
// interval's total (group "total") with its service level, abandonment,
// occupancy, agent-hours and cost; undefined values are empty cells.
func WriteStaffingCSV(w io.Writer, pl *staff.Plan) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"interval", "group", "erlang_c", "erlang_a", "simulated", "scheduled", "agent_hours", "cost",
		"service_level", "service_level_ci_low", "service_level_ci_high", "abandon_rate", "occupancy"})
	itoa := strconv.Itoa
	for _, iv := range pl.Intervals {
		for _, g := range iv.Groups {
			cw.Write([]string{iv.Start, g.Group, itoa(g.ErlangC), itoa(g.ErlangA), itoa(g.Simulated), itoa(g.Scheduled), "", "", "", "", "", "", ""})
		}
		cw.Write([]string{iv.Start, Total, itoa(iv.ErlangC), itoa(iv.ErlangA), itoa(iv.Simulated), itoa(iv.Scheduled),
			csvFloat(iv.AgentHours), csvFloat(amount(iv.Cost)), csvFloat(iv.ServiceLevel.Mean), csvFloat(iv.ServiceLevel.CI95[0]),
			csvFloat(iv.ServiceLevel.CI95[1]), csvFloat(iv.AbandonRate.Mean), csvFloat(iv.Occupancy.Mean)})
	}
	cw.Flush()
	return cw.Error()
}

// amount is *p, or NaN for nil (no cost model).
func amount(p *float64) float64 {
	if p == nil {
		return nan()
	}
	return *p
}

// Files lists the files of the plan's directory in the given formats (nil:
// all): report.html, report.pdf, charts/staffing-plan.{png,svg,pdf},
// staffing.csv, plan.json and check.json (the check's results).
func (sp StaffingPlan) Files(formats []Format) []File {
	files := documentFiles(sp.document(), formats)
	if has(formats, CSV) {
		files = append(files, File{"staffing.csv", func(w io.Writer) error { return WriteStaffingCSV(w, sp.Plan) }})
	}
	if has(formats, JSON) {
		files = append(files, File{"plan.json", func(w io.Writer) error { return writeJSON(w, sp.Plan) }})
		if sp.Plan.Results != nil {
			// The check's replications, which paired comparisons of plans need.
			files = append(files, File{"check.json", func(w io.Writer) error { return writeJSON(w, sp.Plan.Results) }})
		}
	}
	return files
}

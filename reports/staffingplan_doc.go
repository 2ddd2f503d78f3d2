package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim/staff"
)

// document lays the plan out for the HTML and PDF reports.
func (sp StaffingPlan) document() document {
	pl := sp.Plan
	return document{
		Title:   pl.Scenario,
		Kind:    "Staffing plan",
		Subject: pl.Scenario,
		Verdict: planVerdict(pl),
		Facts:   planFacts(pl),
		Notes:   planNotes(pl),
		KPIs:    planKPIs(pl),
		Charts:  []Chart{StaffingPlanChart(sp)},
		Details: []Table{planTable(pl), planGroupTable(pl)},
	}
}

func planFacts(pl *staff.Plan) Table {
	t := Table{ID: "goals", Title: "Goals", Columns: []string{"", ""}}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	g := pl.Goals
	add("service level", fmt.Sprintf("at least %s %% answered within %s", num(100*g.Target, 3), seconds(g.ThresholdSeconds)))
	if g.MaxAbandon > 0 {
		add("abandonment", fmt.Sprintf("at most %s %%", num(100*g.MaxAbandon, 3)))
	}
	if g.MaxOccupancy > 0 {
		add("occupancy", fmt.Sprintf("at most %s %% in each group", num(100*g.MaxOccupancy, 3)))
	}
	on := "the means over replications"
	if g.Confidence > 0 {
		on = fmt.Sprintf("one-sided %s %% confidence bounds", num(100*g.Confidence, 3))
	}
	add("goals hold on", on)
	add("replications", fmt.Sprintf("%d per simulation, seed %d", pl.Replications, pl.Seed))
	add("simulations", strconv.Itoa(pl.Evaluations))
	return t
}

func planKPIs(pl *staff.Plan) Table {
	t := Table{ID: "kpis", Title: "Totals", Columns: []string{"figure", "value"}, Numeric: true}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	peak, sched := 0, 0
	for _, iv := range pl.Intervals {
		peak, sched = max(peak, iv.Simulated), max(sched, iv.Scheduled)
	}
	add("scheduled agent-hours", fmt.Sprintf("%.1f", pl.AgentHours))
	if pl.Cost != nil {
		add("cost (staff, bot sessions, abandoned contacts)", money(*pl.Cost, pl.Currency))
	}
	add("peak agents available", strconv.Itoa(peak))
	add("peak headcount scheduled", strconv.Itoa(sched))
	return t
}

func planNotes(pl *staff.Plan) []string {
	return []string{
		"Method: " + pl.Method + ".",
		"Erlang C and Erlang A are the requirements of each agent group's own work (the intents whose skill it serves first) " +
			"in each interval taken alone, in a steady state: Erlang C without abandonment, Erlang A with exponential patience of the " +
			"scenario's mean. The simulated requirement is the whole day simulated with its carry-over between intervals, the bot's " +
			"delays and the overflow between groups; it is the number of agents available to take contacts.",
		"Scheduled headcount is the simulated requirement divided by one minus the group's shrinkage, rounded up. " +
			"Agent-hours and staff cost count the scheduled headcount during opening hours.",
	}
}

// planTable is one row per interval.
func planTable(pl *staff.Plan) Table {
	t := Table{ID: "intervals", Title: "Per interval", Numeric: true,
		Columns: []string{"start", "Erlang C", "Erlang A", "simulated", "scheduled", "service level", "95 % CI", "abandoned", "occupancy",
			"cost" + strings.TrimPrefix(currencyNote(pl.Currency), ",")}}
	for _, iv := range pl.Intervals {
		cost := "-"
		if iv.Cost != nil {
			cost = money(*iv.Cost, "")
		}
		t.Rows = append(t.Rows, []string{iv.Start, strconv.Itoa(iv.ErlangC), strconv.Itoa(iv.ErlangA), strconv.Itoa(iv.Simulated),
			strconv.Itoa(iv.Scheduled), fmtValue("pct", iv.ServiceLevel.Mean), fmtCI("pct", iv.ServiceLevel),
			fmtValue("pct", iv.AbandonRate.Mean), fmtValue("pct", iv.Occupancy.Mean), cost})
	}
	return t
}

// planGroupTable is one row per interval with each group's simulated and scheduled agents.
func planGroupTable(pl *staff.Plan) Table {
	t := Table{ID: "groups", Title: "Per agent group", Caption: "Simulated requirement / scheduled headcount.", Numeric: true,
		Columns: append([]string{"start"}, pl.Groups...)}
	for _, iv := range pl.Intervals {
		row := []string{iv.Start}
		for _, g := range iv.Groups {
			row = append(row, fmt.Sprintf("%d / %d", g.Simulated, g.Scheduled))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func nan() float64 { return math.NaN() }

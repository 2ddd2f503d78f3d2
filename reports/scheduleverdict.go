package reports

import (
	"fmt"
	"math"
	"strings"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/schedule"
	"github.com/ccsim/ccsim/sim/staff"
)

// scheduleVerdict opens a schedule: the intervals that meet every goal in
// its check (and in the independent check after repairs), the shifts, paid
// hours and cost against the LP lower bound, the interval with the least
// slack and the largest over-cover the rules force.
func scheduleVerdict(s Schedule) []string {
	res, rep := s.Result, s.Report
	starts, req, avg, least := schedule.Totals(res.Schedule.Coverage)
	lead := "The schedule"
	if n := len(res.Repairs); n > 0 {
		lead = fmt.Sprintf("After %d %s, the schedule", n, plural(n, "repair", "repairs"))
	}
	out := []string{checkSentence(lead+" meets every goal ("+goalsText(res.Plan.Goals)+")", res.Check, starts, "")}
	final := res.Check
	if res.Independent != nil {
		final = res.Independent
		out = append(out, checkSentence("On an independent check it meets every goal", res.Independent, starts,
			fmt.Sprintf(" (seed %d, which no repair saw)", res.Independent.Verification.Seed)))
	}
	shifts := 0
	for _, sh := range res.Schedule.Shifts {
		shifts += sh.Count
	}
	cost := fmt.Sprintf("%d shifts, %s paid agent-hours, cost %s, %s %% above the LP lower bound of %s",
		shifts, thousands1(rep.PaidHours), shiftMoney(rep.Cost, rep.Currency), num2(rep.GapPercent), shiftMoney(rep.LowerBound, rep.Currency))
	if rep.Currency == "" {
		cost += " (no cost model: shift types without cost_per_hour cost 1 a paid hour)"
	}
	out = append(out, cost+".")
	if r := slackRisk(final, res.Plan.Goals, starts, req, least); r != "" {
		out = append(out, r)
	}
	if o := overCover(starts, req, avg); o != "" {
		out = append(out, o)
	}
	return out
}

// checkSentence completes head with the intervals of c that meet every
// goal and, where some miss, which and why.
func checkSentence(head string, c *staff.Checked, starts []string, seed string) string {
	v := c.Verification
	s := fmt.Sprintf("%s in %d of %d intervals on %d fresh replications%s", head, v.AllMet, v.Intervals, v.Replications, seed)
	var missed []bool
	var why []string
	for k, goals := range c.Missed {
		missed = append(missed, len(goals) > 0)
		if len(goals) > 0 && k < len(starts) {
			why = append(why, starts[k]+" "+strings.Join(goals, ", "))
		}
	}
	if len(why) == 0 || len(missed) != len(starts) {
		return s + "."
	}
	return s + fmt.Sprintf("; it misses in %s (%s).", strings.Join(spans(starts, missed), ", "), strings.Join(why, "; "))
}

// slackRisk names the interval of the check c whose service level lies
// closest to the target (the least slack), with its cover.
func slackRisk(c *staff.Checked, g staff.GoalsJSON, starts []string, req, least []float64) string {
	ivs := c.Results.Intervals
	worst, margin := -1, math.Inf(1)
	for k := range ivs {
		if m := stat(ivs[k].Metrics, sim.MServiceLevel).Mean - g.Target; finite(m) && m < margin && k < len(starts) {
			worst, margin = k, m
		}
	}
	if worst < 0 {
		return ""
	}
	m := ivs[worst].Metrics
	sl := stat(m, sim.MServiceLevel)
	return fmt.Sprintf("Biggest risk: the %s interval, closest to the service-level target (%s %%): %s %s answered within %s, "+
		"%s abandoned, with %.0f agents on duty at the fewest for %.0f required.", starts[worst], num(100*g.Target, 3),
		fmtValue("pct", sl.Mean), fmtCI("pct", sl), seconds(g.ThresholdSeconds), fmtValue("pct", stat(m, sim.MAbandonRate).Mean),
		least[worst], req[worst])
}

// overCover names the interval with the largest over-cover: agents on
// duty on average above the need, which the shift rules force.
func overCover(starts []string, req, avg []float64) string {
	best, over := -1, 0.0
	for k := range starts {
		if d := avg[k] - req[k]; d > over+1e-9 {
			best, over = k, d
		}
	}
	if best < 0 {
		return "The schedule has no over-cover: in every interval the agents on duty match the need."
	}
	return fmt.Sprintf("The largest over-cover, the price of the shift rules, is at %s: %s agents on duty on average for %.0f required (+%s).",
		starts[best], num1(avg[best]), req[best], num1(over))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func num1(v float64) string { return fmt.Sprintf("%.1f", v) }

func num2(v float64) string { return fmt.Sprintf("%.2f", v) }

// shiftMoney is a schedule's cost: money with a currency; without one the
// cost counts paid hours, shown to a tenth like hours.
func shiftMoney(v float64, currency string) string {
	if currency == "" {
		return thousands1(v)
	}
	return money(v, currency)
}

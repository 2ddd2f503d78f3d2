package reports

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// runVerdict is the plain-language opening of a run's report: whether the
// service-level goal was met for the day and in which intervals it was
// missed, the agent-hours and cost, and the biggest risk.
func runVerdict(res *sim.Results) []string {
	return []string{goalSentence(res), effortSentence(res.Metrics, res.Currency), riskSentence(res)}
}

// goalSentence says whether the service level met its target over the run
// and lists the intervals whose mean missed it.
func goalSentence(res *sim.Results) string {
	sl := stat(res.Metrics, sim.MServiceLevel)
	goal := fmt.Sprintf("Service-level goal (%s %% answered within %s)", num(100*res.Target, 3), seconds(res.Threshold))
	if !finite(sl.Mean) {
		return goal + ": undefined, no contact reached the human queue."
	}
	met := "met"
	if sl.Mean < res.Target {
		met = "missed"
	}
	s := fmt.Sprintf("%s %s for the %s: %s %s", goal, met, periodNoun(res), fmtValue("pct", sl.Mean), fmtCI("pct", sl))
	starts, missed := intervalMisses(res)
	if len(starts) == 0 {
		return s + "."
	}
	n := 0
	for _, m := range missed {
		if m {
			n++
		}
	}
	if n == 0 {
		return s + fmt.Sprintf("; met in all %d intervals.", len(starts))
	}
	return s + fmt.Sprintf("; missed in %d of %d intervals (%s).", n, len(starts), strings.Join(spans(starts, missed), ", "))
}

// intervalMisses returns each interval's start and whether its mean
// service level is below the target (undefined ones are not misses).
func intervalMisses(res *sim.Results) (starts []string, missed []bool) {
	for _, iv := range res.Intervals {
		sl := stat(iv.Metrics, sim.MServiceLevel).Mean
		starts = append(starts, iv.Start)
		missed = append(missed, finite(sl) && sl < res.Target)
	}
	return starts, missed
}

// spans joins consecutive marked intervals into "10:00–11:30" ranges, from
// the first one's start to the last one's end (the next start, or for the
// last interval its start plus the interval length).
func spans(starts []string, marked []bool) []string {
	var out []string
	for i := 0; i < len(starts); i++ {
		if !marked[i] {
			continue
		}
		j := i
		for j+1 < len(starts) && marked[j+1] {
			j++
		}
		out = append(out, starts[i]+"–"+intervalEnd(starts, j))
		i = j
	}
	return out
}

// intervalEnd is the end of interval j: the next start, or the last start
// plus the step between the last two ("" steps give the start itself).
func intervalEnd(starts []string, j int) string {
	if j+1 < len(starts) {
		return starts[j+1]
	}
	if j < 1 {
		return starts[j] + "+"
	}
	a, errA := time.Parse("15:04", starts[j-1])
	b, errB := time.Parse("15:04", starts[j])
	if errA != nil || errB != nil {
		return starts[j] + "+"
	}
	return b.Add(b.Sub(a)).Format("15:04")
}

// effortSentence gives the agent-hours and, with a cost model, the cost.
func effortSentence(m sim.Metrics, currency string) string {
	h := stat(m, sim.MAgentHours).Mean
	s := thousands1(h) + " scheduled agent-hours"
	c := stat(m, sim.MCost)
	if _, ok := m[sim.MCost]; !ok || !finite(c.Mean) {
		return s + "; no cost model ([costs] in the scenario)."
	}
	return fmt.Sprintf("%s; cost %s (%s per contact offered).", s, money(c.Mean, currency),
		money(stat(m, sim.MCostPerContact).Mean, currency))
}

// riskSentence names the interval with the lowest service level, or, when
// the run's interval straddles the target, says the verdict is uncertain.
func riskSentence(res *sim.Results) string {
	sl := stat(res.Metrics, sim.MServiceLevel)
	worst, low := -1, math.Inf(1)
	for i, iv := range res.Intervals {
		if x := stat(iv.Metrics, sim.MServiceLevel).Mean; finite(x) && x < low {
			worst, low = i, x
		}
	}
	var parts []string
	if worst >= 0 {
		iv := res.Intervals[worst].Metrics
		parts = append(parts, fmt.Sprintf("the %s interval, service level %s %s with %s abandonment and %s occupancy",
			res.Intervals[worst].Start, fmtValue("pct", low), fmtCI("pct", stat(iv, sim.MServiceLevel)),
			fmtValue("pct", stat(iv, sim.MAbandonRate).Mean), fmtValue("pct", stat(iv, sim.MOccupancy).Mean)))
	}
	if lo, hi := sl.CI95[0], sl.CI95[1]; finite(lo) && lo < res.Target && hi >= res.Target {
		parts = append(parts, "the "+periodNoun(res)+"'s 95 % interval contains the target, so the verdict could go either way")
	}
	if len(parts) == 0 {
		return "Biggest risk: " + quietRisk(res) + "."
	}
	return "Biggest risk: " + strings.Join(parts, "; ") + "."
}

// quietRisk describes the risk of a run without intervals whose service
// level's interval lies wholly on one side of the target.
func quietRisk(res *sim.Results) string {
	sl := stat(res.Metrics, sim.MServiceLevel)
	occ := stat(res.Metrics, sim.MOccupancy).Mean
	var s string
	switch {
	case !finite(sl.CI95[0]):
		s = "unknown with one replication"
	case sl.CI95[0] >= res.Target:
		s = "none on the service level, its whole 95 % interval is above the target"
	default:
		s = "the service level, its whole 95 % interval is below the target"
	}
	if finite(occ) && occ >= 0.85 {
		s += fmt.Sprintf("; agents busy %s of their time, so a small rise in demand costs much service", fmtValue("pct", occ))
	}
	return s
}

// thousands1 formats v with one decimal and thousands separators: 1,234.5.
func thousands1(v float64) string {
	if !finite(v) {
		return "-"
	}
	whole := math.Trunc(math.Abs(v))
	frac := fmt.Sprintf("%.1f", math.Abs(v)-whole)[1:]
	if frac == ".0" && math.Abs(v)-whole >= 0.95 {
		whole, frac = whole+1, ".0"
	}
	s := thousands(whole) + frac
	if v < 0 {
		s = "-" + s
	}
	return s
}

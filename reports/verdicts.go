package reports

import (
	"fmt"
	"math"
	"strings"

	"github.com/ccsim/ccsim/calibrate"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// planVerdict opens a staffing plan: the intervals that meet every goal on
// fresh replications and those that miss one, the effort and cost, and the
// interval closest to missing the service level.
func planVerdict(pl *staff.Plan) []string {
	n := len(pl.Intervals)
	met := n
	for _, iv := range pl.Intervals {
		if !iv.Met {
			met--
		}
	}
	first := fmt.Sprintf("The plan meets every goal (%s) in %d of %d intervals on fresh replications", goalsText(pl.Goals), met, n) + planMisses(pl) + "."
	peak, at := 0, ""
	for _, iv := range pl.Intervals {
		if iv.Simulated > peak {
			peak, at = iv.Simulated, iv.Start
		}
	}
	effort := fmt.Sprintf("%s scheduled agent-hours; at most %d agents available (at %s)", thousands1(pl.AgentHours), peak, at)
	if pl.Cost != nil {
		effort += "; cost " + money(*pl.Cost, pl.Currency) + " (staff, bot sessions, abandoned contacts)"
	}
	out := []string{first, effort + "."}
	if r := riskOf(pl); r.i >= 0 {
		out = append(out, "Biggest risk: "+planRiskText(pl, r)+".")
	}
	return out
}

// planMisses is "; it misses in 10:00–11:00 (10:00 service_level; …)" for
// the intervals of pl that miss a goal on fresh replications, or "".
func planMisses(pl *staff.Plan) string {
	var starts, why []string
	var missed []bool
	for _, iv := range pl.Intervals {
		starts, missed = append(starts, iv.Start), append(missed, !iv.Met)
		if !iv.Met {
			why = append(why, iv.Start+" "+strings.Join(iv.Missed, ", "))
		}
	}
	if len(why) == 0 {
		return ""
	}
	return fmt.Sprintf("; it misses in %s (%s)", strings.Join(spans(starts, missed), ", "), strings.Join(why, "; "))
}

// planRisk is where pl's service level lies closest to (or furthest
// below) its target: the interval (-1 if none is defined), the channel
// ("" for the interval as a whole; with channel goals each channel's
// service level counts against its own target) and the margin.
type planRisk struct {
	i       int
	channel string
	margin  float64
}

func riskOf(pl *staff.Plan) planRisk {
	r := planRisk{i: -1, margin: math.Inf(1)}
	for i, iv := range pl.Intervals {
		if m := iv.ServiceLevel.Mean - pl.Goals.Target; finite(m) && m < r.margin {
			r = planRisk{i, "", m}
		}
		for _, cf := range iv.Channels {
			if t := channelTarget(pl.Goals, cf.Channel); t > 0 {
				if m := cf.ServiceLevel.Mean - t; finite(m) && m < r.margin {
					r = planRisk{i, cf.Channel, m}
				}
			}
		}
	}
	return r
}

// channelTarget is the service-level target of channel ch in g; 0 for none.
func channelTarget(g staff.GoalsJSON, ch string) float64 {
	for _, c := range g.Channels {
		if c.Channel == ch {
			return c.Target
		}
	}
	return 0
}

// planRiskText describes pl's biggest risk r, naming its channel when it
// is one.
func planRiskText(pl *staff.Plan, r planRisk) string {
	iv := pl.Intervals[r.i]
	for _, cf := range iv.Channels {
		if r.channel != "" && cf.Channel == r.channel {
			return fmt.Sprintf("%s in the %s interval, closest to its service-level target (%s %%) with %d agents: %s %s, %s abandoned",
				cf.Channel, iv.Start, num(100*channelTarget(pl.Goals, cf.Channel), 3), iv.Simulated, fmtValue("pct", cf.ServiceLevel.Mean),
				fmtCI("pct", cf.ServiceLevel), fmtValue("pct", cf.AbandonRate.Mean))
		}
	}
	return fmt.Sprintf("the %s interval, closest to the service-level target with %d agents: %s %s, %s abandoned",
		iv.Start, iv.Simulated, fmtValue("pct", iv.ServiceLevel.Mean), fmtCI("pct", iv.ServiceLevel), fmtValue("pct", iv.AbandonRate.Mean))
}

// goalsText states the goals briefly: "80 % answered within 20 s, at most
// 5 % abandoned".
func goalsText(g staff.GoalsJSON) string {
	s := fmt.Sprintf("%s %% answered within %s", num(100*g.Target, 3), seconds(g.ThresholdSeconds))
	if g.MaxAbandon > 0 {
		s += fmt.Sprintf(", at most %s %% abandoned", num(100*g.MaxAbandon, 3))
	}
	return s
}

// sweepVerdict opens a sweep: how many points meet the service-level target
// over the day, the cheapest that does, and the best and worst points.
func sweepVerdict(sr SweepResult) []string {
	if len(sr.Results) == 0 {
		return []string{"The sweep has no points."}
	}
	met, cheapest, cheap := 0, -1, math.Inf(1)
	best, worst := 0, 0
	sl := func(i int) float64 { return stat(sr.Results[i].Metrics, sim.MServiceLevel).Mean }
	price := func(i int) float64 {
		if c := stat(sr.Results[i].Metrics, sim.MCost).Mean; finite(c) {
			return c
		}
		return stat(sr.Results[i].Metrics, sim.MAgentHours).Mean
	}
	for i := range sr.Results {
		if sl(i) >= sr.Target {
			met++
			if p := price(i); finite(p) && p < cheap {
				cheapest, cheap = i, p
			}
		}
		if sl(i) > sl(best) {
			best = i
		}
		if sl(i) < sl(worst) {
			worst = i
		}
	}
	out := []string{fmt.Sprintf("%d of %d points meet the service-level target (%s %% within %s) for the whole day or run.",
		met, len(sr.Results), num(100*sr.Target, 3), seconds(sr.Threshold))}
	if cheapest >= 0 {
		what := thousands1(cheap) + " agent-hours"
		if c := stat(sr.Results[cheapest].Metrics, sim.MCost).Mean; finite(c) {
			what = money(c, sr.Currency)
		}
		out = append(out, fmt.Sprintf("Cheapest point that meets it: %s, %s, service level %s.",
			sr.pointLabel(cheapest), what, fmtValue("pct", sl(cheapest))))
	}
	out = append(out, fmt.Sprintf("Service level ranges from %s (%s) to %s (%s).",
		fmtValue("pct", sl(worst)), sr.pointLabel(worst), fmtValue("pct", sl(best)), sr.pointLabel(best)))
	return out
}

// pointLabel names point i by its keys: "point 3 (containment 40 %, …)",
// or "point 3 (bot_containment=0.4, …)" without readable labels.
func (sr SweepResult) pointLabel(i int) string {
	p := sr.Results[i]
	var kv []string
	for k := range p.Values {
		if l := sr.label(p, k); k < len(sr.Params) && l != "" {
			kv = append(kv, l)
		}
	}
	return fmt.Sprintf("point %d (%s)", p.Index, strings.Join(kv, ", "))
}

// BacktestVerdict says in one paragraph how the simulation of a day type
// compares with its records over the whole day: for each figure, whether
// the simulated interval overlaps the observed one.
func BacktestVerdict(b *calibrate.Backtest) string {
	var parts []string
	apart := 0
	for _, m := range []string{sim.MServiceLevel, sim.MASA, sim.MAbandonRate} {
		o, s := b.Pair(m, -1)
		if !finite(o.Mean) || !finite(s.Mean) {
			continue
		}
		mi := info(m)
		f := func(v float64) string {
			if mi.Unit == sim.UnitShare {
				return fmtValue("pct", v)
			}
			return seconds(math.Round(v))
		}
		rel := "within the noise"
		if s.CI95[0] > o.CI95[1] || s.CI95[1] < o.CI95[0] {
			rel, apart = "apart", apart+1
		}
		parts = append(parts, fmt.Sprintf("%s %s simulated vs %s observed (%s)", strings.TrimSuffix(mi.Label, " (s)"), f(s.Mean), f(o.Mean), rel))
	}
	head := fmt.Sprintf("Back-test of %s: ", b.DayType)
	switch {
	case len(parts) == 0:
		return head + "no figure to compare."
	case apart == 0:
		head += "the simulation matches the records within their 95 % intervals: "
	default:
		head += fmt.Sprintf("the simulation differs from the records in %d of %d figures: ", apart, len(parts))
	}
	return head + strings.Join(parts, "; ") + "."
}

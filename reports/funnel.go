package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// funnelStage is one bar of the bot funnel.
type funnelStage struct {
	label string
	stat  sim.Stat
	color int
}

// FunnelChart shows where contacts go: arrivals, the bot's outcomes
// (contained, hung up, opted out, escalated with or without context), those
// sent straight to humans, and the human queue's outcomes (answered,
// abandoned); means per run with 95 % confidence intervals.
func FunnelChart(res *sim.Results) Chart {
	m := res.Metrics
	st := func(name string) sim.Stat { return stat(m, name) }
	stages := []funnelStage{{"arrivals", st(sim.MOffered), cBlue}}
	if bot := st(sim.MSentToBot); bot.Mean > 0 {
		stages = append(stages,
			funnelStage{"sent to the bot", bot, cCyan},
			funnelStage{"bot: opted out to a human", st(sim.MOptedOut), cOlive})
		if o := st(sim.MBotOverflow); o.Mean > 0 {
			stages = append(stages, funnelStage{"bot: full, sent to a human", o, cOlive})
		}
		stages = append(stages,
			funnelStage{"bot: contained (resolved)", st(sim.MContained), cGreen},
			funnelStage{"bot: hung up unresolved", st(sim.MBotHangup), cPink},
			funnelStage{"bot: escalated with context", st(sim.MEscalatedCtx), cOrange},
			funnelStage{"bot: escalated without context", st(sim.MEscalatedNoCtx), cOrange},
		)
	}
	if len(m) > 0 {
		stages = append(stages,
			funnelStage{"straight to humans (not bot-eligible)", straightToHumans(res), cPurple},
			funnelStage{"reached the human queue", st(sim.MToHuman), cPurple},
			funnelStage{"humans: answered", st(sim.MAnswered), cBlue},
			funnelStage{"humans: abandoned", st(sim.MAbandoned), cRed})
	}
	p := Panel{
		XLabel: fmt.Sprintf("contacts per %s (mean of %d replications, 95 %% CI)", periodNoun(res), res.Replications),
		XMin:   ptr(0), YMin: ptr(-0.6), YMax: ptr(float64(len(stages)) - 0.4),
	}
	arrivals := st(sim.MOffered).Mean
	for i, s := range stages {
		y := float64(len(stages) - 1 - i)
		p.YTicks = append(p.YTicks, Tick{Value: y, Label: s.label})
		p.Series = append(p.Series, Series{
			Kind: HBars, Color: s.color, Width: 0.7,
			X: []float64{s.stat.Mean}, Y: []float64{y},
			Lo: []float64{s.stat.CI95[0]}, Hi: []float64{s.stat.CI95[1]},
			Labels: []string{funnelLabel(s.stat.Mean, arrivals)},
		})
	}
	if len(stages) > 0 {
		top := arrivals * 1.18 // room for the labels right of the longest bar
		if finite(top) && top > 0 {
			p.XMax = ptr(top)
		}
	}
	return Chart{Name: "bot-funnel", Title: "Contact funnel: bot and human outcomes", Height: 5.2, Panels: []Panel{p}}
}

// straightToHumans is the number of arrivals that were not bot-eligible:
// per replication offered − sent to the bot, summarized over replications.
func straightToHumans(res *sim.Results) sim.Stat {
	if len(res.PerReplication) == 0 {
		s := stat(nil, "")
		s.Mean = stat(res.Metrics, sim.MOffered).Mean - max(0, stat(res.Metrics, sim.MSentToBot).Mean)
		return s
	}
	xs := make([]float64, 0, len(res.PerReplication))
	for _, r := range res.PerReplication {
		bot := r.Metrics[sim.MSentToBot]
		if !finite(bot) {
			bot = 0
		}
		xs = append(xs, r.Metrics[sim.MOffered]-bot)
	}
	return sim.SummarizeMetric(sim.MToHuman, xs)
}

// funnelLabel is "4,090 (57.1 %)": a count and its share of arrivals.
func funnelLabel(v, arrivals float64) string {
	if !finite(v) {
		return ""
	}
	s := thousands(v)
	if arrivals > 0 {
		s += " (" + num(100*v/arrivals, 3) + " %)"
	}
	return s
}

// thousands formats v rounded to an integer with comma separators.
func thousands(v float64) string {
	s := strconv.FormatFloat(v, 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

package staff

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// ChannelGoals are the goals of one channel's contacts in every interval.
// Zero fields take the scenario's [channels.*] service level (else the
// Goals' target and threshold) and the Goals' caps.
type ChannelGoals struct {
	Target     float64       // Target is the channel's service level, a share in (0, 1).
	Threshold  time.Duration // Threshold is the channel's answer-time goal.
	MaxASA     time.Duration // MaxASA caps the mean wait of the channel's answered contacts.
	MaxAbandon float64       // MaxAbandon caps the channel's abandonment rate, a share.
}

// Validate reports whether the channel goals are well formed.
func (c ChannelGoals) Validate() error {
	switch {
	case !(c.Target >= 0 && c.Target < 1):
		return fmt.Errorf("target must be a share in (0, 1), got %g", c.Target)
	case c.Threshold < 0 || c.MaxASA < 0:
		return errors.New("threshold and max ASA must not be negative")
	case !(c.MaxAbandon >= 0 && c.MaxAbandon <= 1):
		return fmt.Errorf("max abandon must be a share in [0, 1], got %g", c.MaxAbandon)
	}
	return nil
}

// chanGoal is one channel's goals as the search applies them.
type chanGoal struct {
	ch         sim.Channel
	index      int     // in the layout's channels
	sl         bool    // the service level is a goal of its own (several channels, or a goal of the channel's)
	target     float64 // service level
	threshold  time.Duration
	maxASA     float64 // seconds; 0: none
	maxAbandon float64 // 0: none
	groups     []int   // the groups that own skills of the channel's intents
}

// channels lists the channels sc's intents use, in channel order (the
// order of Results.Channels and Detail.Channels).
func channels(sc *sim.Scenario) []sim.Channel {
	var out []sim.Channel
	for _, in := range sc.Intents {
		if !slices.Contains(out, in.Channel) {
			out = append(out, in.Channel)
		}
	}
	slices.Sort(out)
	return out
}

// channelGoals resolves the goals of every channel of p.orig and writes
// their service levels into the evaluated scenario, so that the simulation
// measures each channel against its own threshold.
func (p *problem) channelGoals() {
	sc, gl := p.orig, p.goals
	chs := channels(sc)
	p.eval.Channels = map[sim.Channel]sim.ServiceLevel{}
	for ch, sl := range sc.Channels {
		p.eval.Channels[ch] = sl
	}
	for i, ch := range chs {
		g := chanGoal{ch: ch, index: i, target: gl.Target, threshold: gl.Threshold, maxASA: gl.MaxASA.Seconds(), maxAbandon: gl.MaxAbandon}
		own, hasOwn := sc.Channels[ch]
		if hasOwn {
			g.target, g.threshold = own.Target, own.Threshold
		}
		c, set := gl.Channels[ch]
		if c.Target > 0 {
			g.target = c.Target
		}
		if c.Threshold > 0 {
			g.threshold = c.Threshold
		}
		if c.MaxASA > 0 {
			g.maxASA = c.MaxASA.Seconds()
		}
		if c.MaxAbandon > 0 {
			g.maxAbandon = c.MaxAbandon
		}
		g.sl = len(chs) > 1 || hasOwn || set
		if !g.sl {
			g.maxAbandon = 0 // the only channel: the interval's own cap
		}
		if !g.sl && g.maxASA == 0 {
			continue
		}
		own.Target, own.Threshold = g.target, g.threshold
		p.eval.Channels[ch] = own
		for s, name := range p.skills {
			if o := p.owner[s]; o >= 0 && !slices.Contains(g.groups, o) && p.skillHasChannel(name, ch) {
				g.groups = append(g.groups, o)
			}
		}
		p.chans = append(p.chans, g)
	}
}

// skillHasChannel reports whether an intent of skill name runs on channel ch.
func (p *problem) skillHasChannel(name string, ch sim.Channel) bool {
	for _, in := range p.orig.Intents {
		if in.Skill == name && in.Channel == ch {
			return true
		}
	}
	return false
}

// goal names of a channel's goals in GoalCheck and Interval.Missed.
func (g chanGoal) names() (sl, asa, ab string) {
	c := g.ch.String()
	return GoalServiceLevel + "_" + c, "asa_" + c, GoalAbandonment + "_" + c
}

// channelMargin is the worst relative margin of channel goal cg in period
// k of s: (service level − target) / target, (cap − ASA) / cap and
// (cap − abandonment) / cap, with their bounds; negative means missed.
func (p *problem) channelMargin(cg chanGoal, s sample, k int, e *estimator, buf []float64) est {
	l := p.layout()
	m := undefined
	if cg.sl {
		m = worseLow(m, margin(e.of(s.series(k, l.channel(cg.index, cSL), buf)), cg.target, true))
	}
	if cg.maxASA > 0 {
		m = worseLow(m, margin(e.of(s.series(k, l.channel(cg.index, cASA), buf)), cg.maxASA, false))
	}
	if cg.maxAbandon > 0 {
		m = worseLow(m, margin(e.of(s.series(k, l.channel(cg.index, cAb), buf)), cg.maxAbandon, false))
	}
	return m
}

// margin is the relative margin of figure x over a goal: (x − limit) /
// limit for a figure that must reach it (atLeast), else (limit − x) /
// limit. Its lower bound is the figure's lower (upper) bound's margin.
func margin(x est, limit float64, atLeast bool) est {
	if !x.defined() {
		return undefined
	}
	if atLeast {
		return est{(x.mean - limit) / limit, x.half / limit, x.halfMax / limit, x.err / limit}
	}
	return est{(limit - x.mean) / limit, x.half / limit, x.halfMax / limit, x.err / limit}
}

// chargeChannel charges a channel goal's miss m (beyond tolerance tol) in
// period k to the group, among those serving the channel, whose service
// level fares worst, unless one of them misses a goal already (fixing it
// helps the channel too).
func (p *problem) chargeChannel(o [][]obs, k int, m est, groups []int, tol float64) {
	if !m.defined() || m.lo() >= -tol-eps {
		return
	}
	worst, worstSL := -1, 2.0
	for _, g := range groups {
		if p.misses(o[g][k], tol) {
			return
		}
		sl := 1.0
		if v := o[g][k].sl; v.defined() {
			sl = v.lo()
		}
		if worst < 0 || sl < worstSL {
			worst, worstSL = g, sl
		}
	}
	if worst >= 0 {
		o[worst][k].channel = worseLow(o[worst][k].channel, m)
	}
}

// channelFigures summarizes each channel's figures per period of res,
// which carries Details.
func (p *problem) channelFigures(res *sim.Results) [][]ChannelFigures {
	chs := channels(p.orig)
	out := make([][]ChannelFigures, p.periods)
	for k := range out {
		for c, ch := range chs {
			var sl, asa, ab []float64
			for _, rep := range res.PerReplication {
				v := rep.Details[k].Channels[c]
				sl, asa, ab = appendDefined(sl, v, sim.MServiceLevel), appendDefined(asa, v, sim.MASA), appendDefined(ab, v, sim.MAbandonRate)
			}
			out[k] = append(out[k], ChannelFigures{Channel: ch.String(),
				ServiceLevel: sim.SummarizeMetric(sim.MServiceLevel, sl), ASA: sim.SummarizeMetric(sim.MASA, asa),
				AbandonRate: sim.SummarizeMetric(sim.MAbandonRate, ab)})
		}
	}
	return out
}

// appendDefined appends v[name] to xs if it is defined.
func appendDefined(xs []float64, v sim.Values, name string) []float64 {
	if x := figure(v, name); !math.IsNaN(x) {
		xs = append(xs, x)
	}
	return xs
}

// channelGoalsJSON are the channel goals as applied.
func (p *problem) channelGoalsJSON() []ChannelGoalsJSON {
	var out []ChannelGoalsJSON
	for _, cg := range p.chans {
		j := ChannelGoalsJSON{Channel: cg.ch.String(), MaxASASeconds: cg.maxASA, MaxAbandon: cg.maxAbandon}
		if cg.sl {
			j.Target, j.ThresholdSeconds = cg.target, cg.threshold.Seconds()
		}
		out = append(out, j)
	}
	return out
}

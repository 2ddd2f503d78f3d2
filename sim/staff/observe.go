package staff

import (
	"math"
)

// obs are the measured goals of one group in one period: the service level
// and abandonment of the skills it owns (the worst of them) and its
// occupancy. Undefined ests mean nothing was measured.
type obs struct {
	sl, ab, occ est
	channel     est     // the worst relative margin of the channel goals charged to it (negative: missed)
	toHuman     float64 // mean contacts of its skills that reached the human queue
	short       bool    // some goal is missed on its bound
	open        bool    // short, but every miss might be met with the most replications (est.loBest)
}

// cell is a group in a period.
type cell struct{ g, k int }

// eps absorbs rounding when a measured figure equals its goal.
const eps = 1e-9

// observe measures every group's goals in every period of s. A goal missed
// by the period as a whole (all skills together) but by none of the groups
// alone is charged to the group whose skills fare worst.
func (p *problem) observe(s sample, e *estimator) [][]obs {
	l := p.layout()
	o := make([][]obs, len(p.orig.Groups))
	for g := range o {
		o[g] = make([]obs, p.periods)
		for k := range o[g] {
			o[g][k] = obs{sl: undefined, ab: undefined, occ: undefined, channel: undefined}
		}
	}
	tol := e.tolerance(s.reps)
	buf := make([]float64, 0, s.reps)
	for k := 0; k < p.periods; k++ {
		for sk := range p.skills {
			g := p.owner[sk]
			if g < 0 {
				continue
			}
			ob := &o[g][k]
			ob.sl = worseLow(ob.sl, e.of(s.series(k, l.skill(sk, fSL), buf)))
			ob.ab = worseHigh(ob.ab, e.of(s.series(k, l.skill(sk, fAb), buf)))
			ob.toHuman += mean(s.series(k, l.skill(sk, fToHuman), buf))
		}
		for g := range o {
			o[g][k].occ = e.of(s.series(k, l.group(g), buf))
		}
		p.chargeTotal(o, k, e.of(s.series(k, l.total(fSL), buf)), e.of(s.series(k, l.total(fAb), buf)), tol)
		for _, cg := range p.chans {
			p.chargeChannel(o, k, worseLow(undefined, p.channelMargin(cg, s, k, e, buf)), cg.groups, tol)
		}
		for g := range o {
			ob := &o[g][k]
			ob.short = p.misses(*ob, tol)
			ob.open = ob.short && !p.clearlyMisses(*ob, e.tol)
		}
	}
	return o
}

// chargeTotal charges a period-wide miss (beyond tolerance tol) that no
// group shows alone to the group with the worst service level (or
// abandonment) in period k.
func (p *problem) chargeTotal(o [][]obs, k int, sl, ab est, tol float64) {
	slMiss := sl.defined() && sl.lo() < p.goals.Target*(1-tol)-eps
	abMiss := p.goals.MaxAbandon > 0 && ab.defined() && ab.hi() > p.goals.MaxAbandon*(1+tol)+eps
	if !slMiss && !abMiss {
		return
	}
	worst, worstSL := -1, math.Inf(1)
	for g := range o {
		if p.misses(o[g][k], tol) {
			return // a group misses a goal itself: fixing it fixes the total
		}
		if v := o[g][k].sl; v.defined() && v.lo() < worstSL {
			worst, worstSL = g, v.lo()
		}
	}
	if worst < 0 {
		return
	}
	if slMiss {
		o[worst][k].sl = sl
	}
	if abMiss {
		o[worst][k].ab = worseHigh(o[worst][k].ab, ab)
	}
}

// misses reports whether measured goals fall short on their bounds by
// more than the relative tolerance tol.
func (p *problem) misses(ob obs, tol float64) bool {
	sl, ab, occ := p.missed(ob, est.lo, est.hi, tol)
	return sl || ab || occ || (ob.channel.defined() && ob.channel.lo() < -tol-eps)
}

// clearlyMisses reports whether some goal falls short even on the bound
// the most replications would give with the most favourable mean the
// replications so far allow, by more than the tolerance tol the most
// replications allow: adding replications would not settle it.
func (p *problem) clearlyMisses(ob obs, tol float64) bool {
	sl, ab, occ := p.missed(ob, est.loBest, est.hiBest, tol)
	return sl || ab || occ || (ob.channel.defined() && ob.channel.loBest() < -tol-eps)
}

// missed reports which goals ob misses by more than the relative
// tolerance tol (a target of 0.8 with tol 0.01 is missed below 0.792, a
// cap of 0.05 above 0.0505), reading the service level with low and the
// caps with high.
func (p *problem) missed(ob obs, low, high func(est) float64, tol float64) (sl, ab, occ bool) {
	gl := p.goals
	sl = ob.sl.defined() && low(ob.sl) < gl.Target*(1-tol)-eps
	ab = gl.MaxAbandon > 0 && ob.ab.defined() && high(ob.ab) > gl.MaxAbandon*(1+tol)+eps
	occ = gl.MaxOccupancy > 0 && ob.occ.defined() && high(ob.occ) > gl.MaxOccupancy*(1+tol)+eps
	return sl, ab, occ
}

// shortCells lists the (group, period) pairs that miss a goal.
func shortCells(o [][]obs) []cell {
	var out []cell
	for g := range o {
		for k := range o[g] {
			if o[g][k].short {
				out = append(out, cell{g, k})
			}
		}
	}
	return out
}

// mean is the mean of the defined values of xs, 0 if none.
func mean(xs []float64) float64 {
	sum, n := definedSum(xs)
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// definedSum is the sum and the count of the defined (not NaN) values of xs.
func definedSum(xs []float64) (float64, int) {
	sum, n := 0.0, 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			sum += x
			n++
		}
	}
	return sum, n
}

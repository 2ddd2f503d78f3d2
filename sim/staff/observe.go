package staff

import (
	"math"

	"github.com/ccsim/ccsim/sim"
)

// obs are the measured goals of one group in one period: the bounds (or
// means) of the service level and abandonment of the skills it owns (the
// worst of them) and of its occupancy. NaN means nothing was measured.
type obs struct {
	sl, ab, occ float64
	toHuman     float64 // mean contacts of its skills that reached the human queue
	short       bool    // some goal is missed
}

// cell is a group in a period.
type cell struct{ g, k int }

// eps absorbs rounding when a measured figure equals its goal.
const eps = 1e-9

// observe measures every group's goals in every period of res. A goal missed
// by the period as a whole (all skills together) but by none of the groups
// alone is charged to the group whose skills fare worst.
func (p *problem) observe(res *sim.Results) [][]obs {
	conf := p.goals.Confidence
	nan := math.NaN()
	o := make([][]obs, len(p.orig.Groups))
	for g := range o {
		o[g] = make([]obs, p.periods)
		for k := range o[g] {
			o[g][k] = obs{sl: nan, ab: nan, occ: nan}
		}
	}
	for k := 0; k < p.periods; k++ {
		series := func(get func(d *sim.Detail) float64) []float64 {
			xs := make([]float64, len(res.PerReplication))
			for r, rep := range res.PerReplication {
				xs[r] = get(&rep.Details[k])
			}
			return xs
		}
		for s := range p.skills {
			g := p.owner[s]
			if g < 0 {
				continue
			}
			ob := &o[g][k]
			ob.sl = minDefined(ob.sl, sim.LowerBound(series(func(d *sim.Detail) float64 { return d.Skills[s][sim.MServiceLevel] }), conf))
			ob.ab = maxDefined(ob.ab, sim.UpperBound(series(func(d *sim.Detail) float64 { return d.Skills[s][sim.MAbandonRate] }), conf))
			ob.toHuman += mean(series(func(d *sim.Detail) float64 { return d.Skills[s][sim.MToHuman] }))
		}
		for g := range o {
			o[g][k].occ = sim.UpperBound(series(func(d *sim.Detail) float64 { return d.Groups[g][sim.MOccupancy] }), conf)
		}
		sl := sim.LowerBound(series(func(d *sim.Detail) float64 { return d.Total[sim.MServiceLevel] }), conf)
		ab := sim.UpperBound(series(func(d *sim.Detail) float64 { return d.Total[sim.MAbandonRate] }), conf)
		p.chargeTotal(o, k, sl, ab)
		for g := range o {
			o[g][k].short = p.misses(o[g][k])
		}
	}
	return o
}

// chargeTotal charges a period-wide miss that no group shows alone to the
// group with the worst service level (or abandonment) in period k.
func (p *problem) chargeTotal(o [][]obs, k int, sl, ab float64) {
	slMiss := finite(sl) && sl < p.goals.Target-eps
	abMiss := p.goals.MaxAbandon > 0 && finite(ab) && ab > p.goals.MaxAbandon+eps
	if !slMiss && !abMiss {
		return
	}
	worst, worstSL := -1, math.Inf(1)
	for g := range o {
		if o[g][k].short || p.misses(o[g][k]) {
			return // a group misses a goal itself: fixing it fixes the total
		}
		if v := o[g][k].sl; finite(v) && v < worstSL {
			worst, worstSL = g, v
		}
	}
	if worst < 0 {
		return
	}
	if slMiss {
		o[worst][k].sl = sl
	}
	if abMiss {
		o[worst][k].ab = math.Max(o[worst][k].ab, ab)
	}
}

// misses reports whether measured goals fall short.
func (p *problem) misses(ob obs) bool {
	gl := p.goals
	return (finite(ob.sl) && ob.sl < gl.Target-eps) ||
		(gl.MaxAbandon > 0 && finite(ob.ab) && ob.ab > gl.MaxAbandon+eps) ||
		(gl.MaxOccupancy > 0 && finite(ob.occ) && ob.occ > gl.MaxOccupancy+eps)
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

func minDefined(a, b float64) float64 {
	switch {
	case math.IsNaN(a):
		return b
	case math.IsNaN(b):
		return a
	}
	return math.Min(a, b)
}

func maxDefined(a, b float64) float64 {
	switch {
	case math.IsNaN(a):
		return b
	case math.IsNaN(b):
		return a
	}
	return math.Max(a, b)
}

// mean is the mean of the defined values of xs, 0 if none.
func mean(xs []float64) float64 {
	sum, n := 0.0, 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			sum += x
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// skillFigures summarizes each skill's service level and abandonment per period.
func (p *problem) skillFigures(res *sim.Results) [][]SkillFigures {
	out := make([][]SkillFigures, p.periods)
	for k := range out {
		for s, name := range p.skills {
			f := SkillFigures{Skill: name}
			if g := p.owner[s]; g >= 0 {
				f.Group = p.orig.Groups[g].Name
			}
			var sl, ab []float64
			for _, rep := range res.PerReplication {
				v := rep.Details[k].Skills[s]
				if x := v[sim.MServiceLevel]; !math.IsNaN(x) {
					sl = append(sl, x)
				}
				if x := v[sim.MAbandonRate]; !math.IsNaN(x) {
					ab = append(ab, x)
				}
			}
			f.ServiceLevel, f.AbandonRate = sim.Summarize(sl), sim.Summarize(ab)
			out[k] = append(out[k], f)
		}
	}
	return out
}

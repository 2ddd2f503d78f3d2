package staff

import (
	"math"

	"github.com/ccsim/ccsim/sim/erlang"
)

// calibrate proposes the next staffing: for each group and period it finds
// the load at which the Erlang model of the group's work, with the agents
// it had, shows what the simulation measured (the queue carried over from
// the period before, the bot's delays and overflow between groups are all
// in the measurement; on the confidence bound of each goal), and staffs
// that load to the goals. Steps down are
// limited to a fifth of the agents, so that a period measured as perfect
// is not emptied at once. The groups are worked out in parallel.
func (p *problem) calibrate(n [][]int, o [][]obs) [][]int {
	next := clone(n)
	p.eachGroup(func(g int) {
		for k, have := range n[g] {
			next[g][k] = p.proposal(g, k, have, o[g][k])
		}
	})
	return next
}

// proposal is calibrate's staffing of group g in period k, which had have
// agents and measured ob.
func (p *problem) proposal(g, k, have int, ob obs) int {
	need := p.need(g, k, have, ob)
	down := max(1, have/5)
	return max(p.floor[g][k], have-down, min(need, 2*have+10))
}

// need is the calibrated requirement of group g in period k, which had
// have agents and measured ob.
func (p *problem) need(g, k, have int, ob obs) int {
	q := p.queues[g][k]
	if q.Rate == 0 {
		q.Rate = ob.toHuman / p.width // work the model does not foresee (retrials, repeats)
	}
	if q.Rate == 0 || !(q.AHT > 0) {
		return p.floor[g][k]
	}
	if have == 0 {
		return agents(q, p.target(true))
	}
	q.Agents = have
	need := p.floor[g][k]
	gl := p.goals
	if ob.sl.defined() {
		m := solve(func(m float64) float64 {
			return scaled(q, m).ServiceLevel(gl.Threshold.Seconds(), erlang.Definition(p.definition()))
		}, ob.sl.lo(), false)
		need = max(need, agents(scaled(q, m), erlang.Target{Threshold: gl.Threshold.Seconds(), Level: gl.Target, Definition: erlang.Definition(p.definition())}))
	}
	if gl.MaxAbandon > 0 && ob.ab.defined() && q.Patience > 0 {
		m := solve(func(m float64) float64 { return scaled(q, m).Figures().PAbandon }, ob.ab.hi(), true)
		need = max(need, agents(scaled(q, m), erlang.Target{MaxAbandon: gl.MaxAbandon}))
	}
	if gl.MaxOccupancy > 0 && ob.occ.defined() {
		m := solve(func(m float64) float64 { return scaled(q, m).Figures().Occupancy }, ob.occ.hi(), true)
		need = max(need, agents(scaled(q, m), erlang.Target{MaxOccupancy: gl.MaxOccupancy}))
	}
	return need
}

// scaled is q with its arrival rate multiplied by m.
func scaled(q erlang.Queue, m float64) erlang.Queue {
	q.Rate *= m
	return q
}

// solve finds the multiplier m in [1e-3, 1e3] at which the monotone f
// (increasing or not) reaches y, by bisection on log m.
func solve(f func(m float64) float64, y float64, increasing bool) float64 {
	lo, hi := math.Log(1e-3), math.Log(1e3)
	for range 36 {
		mid := (lo + hi) / 2
		if v := f(math.Exp(mid)); (v < y) == increasing {
			lo = mid
		} else {
			hi = mid
		}
	}
	return math.Exp((lo + hi) / 2)
}

// clone copies a staffing.
func clone(n [][]int) [][]int {
	out := make([][]int, len(n))
	for g := range n {
		out[g] = append([]int(nil), n[g]...)
	}
	return out
}

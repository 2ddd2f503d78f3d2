package staff

import (
	"math"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
)

// problem is a staffing search: the scenario, its goals, and the Erlang
// model of each group's own work in each period (interval, or the whole
// run of a steady state).
type problem struct {
	orig    *sim.Scenario
	eval    sim.Scenario // what is simulated: every group by counts, no shrinkage, no shifts
	goals   Goals        // with the scenario's target and threshold filled in
	opts    Options
	day     bool
	periods int
	width   float64 // seconds per period
	skills  []string
	owner   []int            // per skill: the group staffed for it, -1 if none
	near    [][]bool         // [group][group]: they share a skill
	queues  [][]erlang.Queue // [group][period]: the group's own work (Agents unset)
	erlangA [][]int          // [group][period]
	erlangC [][]int
	floor   [][]int // [group][period]: fewest agents allowed
	cache   map[string]*entry
	evals   int

	seed       uint64    // of the first batch
	reps       int       // replications per batch
	level      int       // batches every evaluation measures now
	maxLevel   int       // most batches
	levelEvals int       // evaluations since the level was raised
	verifyReps int       // replications of the final check
	est        estimator // at the goals' confidence level
	chans      []chanGoal
}

// DefaultBatches is the most batches of replications a candidate is
// measured on, where a decision needs them, unless Options say otherwise:
// the search doubles the batches (1, 2, 4) while a decision stays open.
const DefaultBatches = 4

// newProblem derives the Erlang models and the starting staffing of sc.
func newProblem(sc *sim.Scenario, goals Goals, opts Options) (*problem, error) {
	p := &problem{orig: sc, eval: *sc, goals: goals, opts: opts, day: sc.Arrivals.Day(), cache: map[string]*entry{},
		seed: sc.Seed, reps: sc.Replications, level: 1, maxLevel: 1, est: estimator{conf: goals.level()}}
	if opts.Seed != nil {
		p.seed = *opts.Seed
	}
	if opts.Replications > 0 {
		p.reps = opts.Replications
	}
	p.verifyReps = DefaultVerifyReplications
	if opts.VerifyReplications > 0 {
		p.verifyReps = opts.VerifyReplications
	}
	if p.est.conf > 0 {
		p.maxLevel = DefaultBatches
		if opts.MaxReplications > 0 {
			p.maxLevel = max(1, opts.MaxReplications/p.reps)
		}
		p.est.check, p.est.most, p.est.tol = p.verifyReps, p.maxLevel*p.reps, goals.tolerance()
	}
	if p.goals.Target == 0 {
		p.goals.Target = math.Min(sc.ServiceLevel.Target, 0.9999)
	}
	if p.goals.Threshold == 0 {
		p.goals.Threshold = sc.ServiceLevel.Threshold
	}
	p.eval.ServiceLevel.Threshold = p.goals.Threshold
	p.eval.Groups = make([]sim.Group, len(sc.Groups))
	copy(p.eval.Groups, sc.Groups)
	p.periods, p.width = 1, (sc.Horizon - sc.Warmup).Seconds()
	if p.day {
		p.periods, p.width = len(sc.Arrivals.Profile), sc.Arrivals.Interval.Seconds()
	} else {
		p.eval.Arrivals.Interval = 0 // one period: the whole run after warm-up
	}
	p.skills = sc.SkillNames()
	p.owner = owners(sc, p.skills)
	p.near = nearGroups(sc, p.skills)
	p.channelGoals()
	p.queues = p.model()
	p.erlangA, p.erlangC = p.erlangNeeds()
	p.floor = make([][]int, len(sc.Groups))
	for g := range sc.Groups {
		p.floor[g] = make([]int, p.periods)
		for k := range p.floor[g] {
			if p.queues[g][k].Rate > 0 {
				p.floor[g][k] = 1
			}
		}
	}
	return p, nil
}

// groupSkills returns group g's skills; a group naming none has every skill at priority 1.
func groupSkills(sc *sim.Scenario, g int, skills []string) []sim.Skill {
	if len(sc.Groups[g].Skills) > 0 {
		return sc.Groups[g].Skills
	}
	all := make([]sim.Skill, len(skills))
	for i, s := range skills {
		all[i] = sim.Skill{Name: s, Priority: 1}
	}
	return all
}

// owners assigns each skill to the group that serves it first: the lowest
// priority number, then the first group in the scenario.
func owners(sc *sim.Scenario, skills []string) []int {
	own := make([]int, len(skills))
	for s, name := range skills {
		own[s] = -1
		best := math.MaxInt
		for g := range sc.Groups {
			for _, sk := range groupSkills(sc, g, skills) {
				if sk.Name == name && sk.Priority < best {
					own[s], best = g, sk.Priority
				}
			}
		}
	}
	return own
}

// skillIndex returns the index of an intent's skill in p.skills.
func (p *problem) skillIndex(name string) int {
	for i, s := range p.skills {
		if s == name {
			return i
		}
	}
	return -1
}

// model computes each group's Erlang queue per period from the arrivals,
// the bot funnel and the handle times of the intents whose skill it owns.
func (p *problem) model() [][]erlang.Queue {
	sc := p.orig
	patience := 0.0
	if sc.Patience != nil {
		patience = sc.Patience.Mean()
	}
	qs := make([][]erlang.Queue, len(sc.Groups))
	for g := range qs {
		qs[g] = make([]erlang.Queue, p.periods)
		for k := range qs[g] {
			rate, work := 0.0, 0.0
			for i := range sc.Intents {
				if p.owner[p.skillIndex(sc.Intents[i].Skill)] != g {
					continue
				}
				share, handle := humanFlow(sc, &sc.Intents[i])
				r := p.arrivalRate(k) * sc.Intents[i].Share * share
				rate += r
				work += r * handle * agentFactor(&sc.Groups[g], sc.Intents[i].Channel)
			}
			qs[g][k] = erlang.Queue{Rate: rate, AHT: 1, Patience: patience}
			if rate > 0 {
				qs[g][k].AHT = work / rate
			}
		}
	}
	return qs
}

// arrivalRate is the expected arrival rate in period k, contacts per second.
func (p *problem) arrivalRate(k int) float64 {
	a := p.orig.Arrivals
	f := a.DayFactor
	if f == 0 {
		f = 1
	}
	if p.day {
		return a.Profile[k] / p.width * f
	}
	return a.Rate / 3600 * f
}

// humanFlow returns the share of an intent's arrivals that reach the human
// queue and their mean handle time in seconds, after the bot: opt-outs keep
// their handle time, escalations save or add time by context transfer.
func humanFlow(sc *sim.Scenario, in *sim.Intent) (share, handle float64) {
	h := in.HandleTime.Mean()
	b := sc.Bot
	if b == nil || !in.BotEligible() {
		return 1, h
	}
	direct := 0.0 // emotionally charged contacts sent straight to humans
	if b.EmotionalToHuman {
		direct = in.Emotional
	}
	optOut := (1 - direct) * b.OptOut
	escalated := (1 - direct) * (1 - b.OptOut) * (1 - in.BotContainment) * (1 - b.HangUp)
	factor := 1 + b.NoContextPenalty
	if b.ContextTransfer {
		factor = 1 - b.ContextSaving
	}
	share = direct + optOut + escalated
	if share == 0 {
		return 0, h
	}
	return share, h * (direct + optOut + escalated*factor) / share
}

// agentFactor is how much of an agent's time one contact of channel ch
// takes in group gr, relative to its handle time: proficiency, AI
// assistance, and chats shared with the group's concurrency.
func agentFactor(gr *sim.Group, ch sim.Channel) float64 {
	f := gr.HandleFactor
	if f == 0 {
		f = 1
	}
	f *= 1 - gr.AIAdoption*gr.AIReduction
	if m := gr.ChatConcurrency; ch == sim.Chat && m > 1 {
		f *= (1 + gr.ChatStretch*float64(m-1)) / float64(m)
	}
	return f
}

// target is the Erlang goal of the search's constraints; withAbandon
// false leaves out the abandonment cap (Erlang C never abandons).
func (p *problem) target(withAbandon bool) erlang.Target {
	t := erlang.Target{Threshold: p.goals.Threshold.Seconds(), Level: p.goals.Target,
		Definition: erlang.Definition(p.definition()), MaxOccupancy: p.goals.MaxOccupancy}
	if withAbandon {
		t.MaxAbandon = p.goals.MaxAbandon
	}
	return t
}

func (p *problem) definition() sim.Definition {
	if d := p.orig.ServiceLevel.Definition; d != "" {
		return d
	}
	return sim.Offered
}

// erlangNeeds are the Erlang A and Erlang C requirements per group and period.
func (p *problem) erlangNeeds() (a, c [][]int) {
	a, c = make([][]int, len(p.queues)), make([][]int, len(p.queues))
	for g, qs := range p.queues {
		a[g], c[g] = make([]int, len(qs)), make([]int, len(qs))
		for k, q := range qs {
			if q.Rate == 0 {
				continue
			}
			a[g][k] = agents(q, p.target(true))
			qc := q
			qc.Patience = 0
			c[g][k] = agents(qc, p.target(false))
		}
	}
	return a, c
}

// agents is erlang.Agents, with an unreachable goal as the largest count.
func agents(q erlang.Queue, t erlang.Target) int {
	n, err := erlang.Agents(q, t)
	if err != nil {
		return erlang.MaxAgents
	}
	return n
}

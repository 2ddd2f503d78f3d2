package sim

import (
	"sort"
)

// classQueue is the FCFS queue of one priority class of one skill and channel.
type classQueue struct {
	prio int
	humanQueue
}

// peek returns the longest-waiting live contact without removing it.
func (q *classQueue) peek(cs *contacts) (int32, bool) {
	for q.size > 0 {
		t := q.buf[q.head]
		c := &cs.c[t.id]
		if c.gen == t.gen && c.state == stWaiting {
			return t.id, true
		}
		q.pop()
	}
	return 0, false
}

// route is where an intent's contacts go.
type route struct {
	skill   int
	channel Channel
	class   int     // index into the skill's classes for the channel
	thresh  float64 // service-level threshold, seconds
	levels  int     // priority levels of groups serving the skill
	handle  float64 // mean handle time, for callback wait estimates
	emotion float64
	complex bool
	bot     bool // the intent's contacts go to the bot first (Intent.BotEligible)
}

// candidate is a queue an agent group may serve, at a routing level.
type candidate struct {
	q       *classQueue
	level   int
	channel Channel
}

// agentSkill is a skill of a group at a routing level (0 = first choice).
type agentSkill struct {
	skill, level int
}

// router holds the queues and the pools of available agents.
type router struct {
	routes   []route
	queues   [][numChannels][]classQueue // [skill][channel] classes, highest priority first
	idle     [][]fifo                    // [skill][level] fully idle agents (tickets: agent, idleGen)
	chat     [][]fifo                    // [skill][level] agents with a free chat slot (tickets: agent, chatGen)
	skillsOf [][]agentSkill              // per group, sorted by level
	cands    [][]candidate               // per group: the queues its agents may serve, voice and chat before e-mail
	waiting  int                         // contacts waiting, all queues
	groupPri bool
	overflow float64 // seconds
	maxStale int     // compact a pool when it holds more tickets than this
}

// newRouter indexes skills, priority classes and routing levels.
func newRouter(sc *Scenario, agents int) *router {
	rt := &router{groupPri: sc.Routing.Policy == GroupPriority, overflow: sc.Routing.OverflowAfter.Seconds(), maxStale: 4*agents + 64}
	skillIx := map[string]int{}
	skill := func(name string) int {
		if i, ok := skillIx[name]; ok {
			return i
		}
		skillIx[name] = len(skillIx)
		return len(skillIx) - 1
	}
	for _, in := range sc.Intents {
		skill(in.Skill)
	}
	// Routing levels per skill: the distinct priorities of groups having it.
	prios := map[int]map[int]bool{}
	groupSkills := make([][]Skill, len(sc.Groups))
	for g, gr := range sc.Groups {
		groupSkills[g] = gr.Skills
		if len(gr.Skills) == 0 {
			for name := range skillIx {
				groupSkills[g] = append(groupSkills[g], Skill{Name: name, Priority: 1})
			}
			sort.Slice(groupSkills[g], func(i, j int) bool { return groupSkills[g][i].Name < groupSkills[g][j].Name })
		}
		for _, sk := range groupSkills[g] {
			s := skill(sk.Name)
			if prios[s] == nil {
				prios[s] = map[int]bool{}
			}
			prios[s][sk.Priority] = true
		}
	}
	nSkills := len(skillIx)
	levelOf := func(s, prio int) int {
		if !rt.groupPri {
			return 0
		}
		l := 0
		for p := range prios[s] {
			if p < prio {
				l++
			}
		}
		return l
	}
	rt.idle = make([][]fifo, nSkills)
	rt.chat = make([][]fifo, nSkills)
	for s := 0; s < nSkills; s++ {
		n := 1
		if rt.groupPri {
			n = max(1, len(prios[s]))
		}
		rt.idle[s] = make([]fifo, n)
		rt.chat[s] = make([]fifo, n)
	}
	rt.skillsOf = make([][]agentSkill, len(sc.Groups))
	for g := range sc.Groups {
		for _, sk := range groupSkills[g] {
			s := skill(sk.Name)
			rt.skillsOf[g] = append(rt.skillsOf[g], agentSkill{s, levelOf(s, sk.Priority)})
		}
		sort.SliceStable(rt.skillsOf[g], func(i, j int) bool { return rt.skillsOf[g][i].level < rt.skillsOf[g][j].level })
	}
	rt.queues = make([][numChannels][]classQueue, nSkills)
	for _, in := range sc.Intents {
		rt.addClass(skillIx[in.Skill], in.Channel, in.Priority)
	}
	rt.cands = make([][]candidate, len(sc.Groups))
	for g := range sc.Groups {
		for _, ch := range [...]Channel{Voice, Chat, Email} {
			for _, sk := range rt.skillsOf[g] {
				for k := range rt.queues[sk.skill][ch] {
					rt.cands[g] = append(rt.cands[g], candidate{q: &rt.queues[sk.skill][ch][k], level: sk.level, channel: ch})
				}
			}
		}
	}
	for _, in := range sc.Intents {
		s := skillIx[in.Skill]
		sl := sc.ServiceLevel
		if c, ok := sc.Channels[in.Channel]; ok {
			sl = c
		}
		r := route{skill: s, channel: in.Channel, thresh: sl.Threshold.Seconds(), levels: len(rt.idle[s]),
			handle: in.HandleTime.Mean(), emotion: in.Emotional, complex: in.Complex, bot: in.BotEligible()}
		for k, q := range rt.queues[s][in.Channel] {
			if q.prio == in.Priority {
				r.class = k
			}
		}
		rt.routes = append(rt.routes, r)
	}
	return rt
}

// addClass makes sure skill s has a queue for priority prio on channel ch, highest first.
func (rt *router) addClass(s int, ch Channel, prio int) {
	qs := rt.queues[s][ch]
	for _, q := range qs {
		if q.prio == prio {
			return
		}
	}
	qs = append(qs, classQueue{prio: prio})
	sort.Slice(qs, func(i, j int) bool { return qs[i].prio > qs[j].prio })
	rt.queues[s][ch] = qs
}

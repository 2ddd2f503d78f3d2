package trainer

import (
	"fmt"
	"time"
)

func (p *program) compileNodes() {
	p.nodes = make([]*cnode, len(p.s.Nodes))
	p.replies = make([]*creply, len(p.replyIndex))
	for i, n := range p.s.Nodes {
		p.nodes[i] = p.compileNode(n, i)
	}
	for i, n := range p.s.Nodes {
		c := p.nodes[i]
		c.replies = append([]*creply(nil), c.own...)
		for j, id := range n.IncludeReplies {
			if k := p.target(id, fmt.Sprintf("node.%s.include_replies.%d", n.ID, j)); k >= 0 {
				c.replies = append(c.replies, p.nodes[k].own...)
			}
		}
	}
}

func (p *program) compileNode(n *Node, i int) *cnode {
	path := "node." + n.ID
	c := &cnode{n: n, idx: i, next: -1}
	c.enter = p.effect(&n.Enter, path)
	if n.Enter.Goto != "" {
		p.errorf(path+".goto", "a node moves on with next or branch, not goto")
	}
	for j, r := range n.Replies {
		if cr := p.compileReply(r, c, fmt.Sprintf("%s.reply.%d", path, j)); cr != nil {
			c.own = append(c.own, cr)
		}
	}
	if n.Fallback != nil {
		f := p.effect(n.Fallback, path+".fallback")
		c.fallback = &f
	}
	p.compileClarify(n, c, path)
	for j, b := range n.Branch {
		bp := fmt.Sprintf("%s.branch.%d", path, j)
		cb := cbranch{when: p.cond(b.When, bp+".when"), to: p.target(b.Goto, bp+".goto")}
		if b.Goto == "" {
			p.errorf(bp, "branch arm needs goto")
		}
		c.branch = append(c.branch, cb)
	}
	if len(n.Branch) > 0 && n.Branch[len(n.Branch)-1].When != "" {
		p.errorf(fmt.Sprintf("%s.branch.%d", path, len(n.Branch)-1), "branch has no else: end it with { goto = \"...\" } without when")
	}
	if n.Next != "" {
		c.next = p.target(n.Next, path+".next")
	}
	p.nodeExits(n, c, path)
	return c
}

// nodeExits checks that end, next, branch and replies are not mixed and that timeouts have handlers.
func (p *program) nodeExits(n *Node, c *cnode, path string) {
	exits := 0
	for _, b := range []bool{n.End != "", n.Next != "", len(n.Branch) > 0} {
		if b {
			exits++
		}
	}
	if exits > 1 {
		p.errorf(path, "node has more than one of end, next and branch")
	}
	if exits > 0 && (len(n.Replies) > 0 || len(n.IncludeReplies) > 0) {
		p.errorf(path, "node with end, next or branch cannot have replies")
	}
	if n.TimeoutS < 0 {
		p.errorf(path+".timeout_s", "timeout_s must not be negative")
	}
	if n.TimeoutS > 0 && n.OnTimeout == nil {
		p.errorf(path+".timeout_s", "timeout_s without on_timeout: say what happens when the agent is silent")
	}
	if n.OnTimeout != nil {
		if n.TimeoutS == 0 {
			p.errorf(path+".on_timeout", "on_timeout without timeout_s")
		}
		t := p.effect(n.OnTimeout, path+".on_timeout")
		c.timeout = &t
	}
}

func (p *program) compileReply(r *Reply, node *cnode, path string) *creply {
	idx, ok := p.replyIndex[r.ID]
	if !ok || p.replies[idx] != nil {
		return nil // missing or duplicate id, already reported
	}
	p.pure = "a reply's when (it is read whenever choices are shown)"
	c := &creply{r: r, idx: idx, node: node, when: p.cond(r.When, path+".when")}
	p.pure = ""
	c.m = p.matcher(r.Match, path)
	c.eff = p.effect(&r.Effect, path)
	c.utter = r.Text
	if c.utter == "" && len(r.Examples) > 0 {
		c.utter = r.Examples[0]
	}
	if c.utter == "" {
		c.utter = r.Label
	}
	if r.Label == "" && p.s.HasMode(ModeGuided) {
		p.errorf(path+".id", "reply %q needs a label for guided mode", r.ID)
	}
	p.replies[idx] = c
	return c
}

func (p *program) compileRules() {
	for i := range p.s.Rules {
		r := &p.s.Rules[i]
		path := fmt.Sprintf("rule.%d", i)
		p.pure = "a rule's when (Understand reads it without changing the session)"
		c := &crule{r: r, when: p.cond(r.When, path+".when"), dim: -1}
		p.pure = ""
		p.ruleShape(r, path)
		c.require = p.rulePattern(r.Require, path+".require")
		c.forbid = p.rulePattern(r.Forbid, path+".forbid")
		if r.Dim != "" {
			d, ok := p.dimIndex[r.Dim]
			if !ok {
				p.errorf(path+".dim", "unknown rubric dimension %q", r.Dim)
			}
			c.dim = d
		} else if r.Penalty != 0 {
			p.errorf(path+".penalty", "penalty needs a dim")
		}
		if r.Penalty < 0 {
			p.errorf(path+".penalty", "penalty must not be negative")
		}
		if r.BeforeTag != "" && !p.tags[r.BeforeTag] {
			p.warnf(path+".before_tag", "no node has tag %q, so the rule never fires", r.BeforeTag)
		}
		p.rules = append(p.rules, c)
	}
}

func (p *program) rulePattern(src, path string) *rx {
	if src == "" {
		return nil
	}
	re, err := p.pattern(src)
	if err != nil {
		p.errorf(path, "%v", err)
	}
	return re
}

func (p *program) compileEvents() {
	for i := range p.s.Triggers {
		t := &p.s.Triggers[i]
		path := fmt.Sprintf("trigger.%d", i)
		if t.When == "" {
			p.errorf(path, "trigger needs when")
		}
		p.triggers = append(p.triggers, &ctrigger{t: t, when: p.cond(t.When, path+".when"), eff: p.effect(&t.Effect, path)})
	}
	for i := range p.s.Ticks {
		t := &p.s.Ticks[i]
		path := fmt.Sprintf("tick.%d", i)
		if t.EveryS <= 0 {
			p.errorf(path+".every_s", "every_s must be positive")
		}
		p.ticks = append(p.ticks, &ctick{every: time.Duration(t.EveryS) * time.Second,
			when: p.cond(t.When, path+".when"), eff: p.effect(&t.Effect, path)})
	}
	seen := map[string]bool{}
	for i := range p.s.Injects {
		in := &p.s.Injects[i]
		path := fmt.Sprintf("inject.%d", i)
		if in.ID == "" || seen[in.ID] {
			p.errorf(path+".id", "inject needs a unique id")
		}
		seen[in.ID] = true
		e := p.effect(&in.Effect, path)
		p.injects = append(p.injects, &e)
	}
}

func (p *program) compileRubric() {
	r := &p.s.Rubric
	if r.PassPct < 0 || r.PassPct > 100 {
		p.errorf("rubric.pass_pct", "pass_pct must be 0 to 100")
	}
	for _, b := range r.Bands {
		if b.MinPct < 0 || b.MinPct > 100 {
			p.errorf("rubric.bands."+b.Name, "band %q must be 0 to 100", b.Name)
		}
	}
	p.dims = make([]evalFn, len(r.Dims))
	for i, d := range r.Dims {
		path := fmt.Sprintf("rubric.dims.%d", i)
		if d.Weight <= 0 {
			p.errorf(path+".weight", "weight must be positive")
		}
		if d.Max <= 0 {
			p.errorf(path+".max", "max must be positive")
		}
		if d.Auto != "" {
			p.pure = "auto (it is read whenever the score is shown)"
			f, _, err := p.compileExpr(d.Auto, KindInt)
			p.pure = ""
			if err != nil {
				p.errorf(path+".auto", "%v", err)
			}
			p.dims[i] = f
		}
	}
	if len(r.Dims) == 0 {
		p.errorf("rubric.dims", "the rubric needs at least one dimension")
	}
}

func (p *program) compileScenario() {
	s := p.s
	if s.ID == "" {
		p.errorf("scenario.id", "scenario needs an id")
	}
	if s.Start == "" {
		p.errorf("scenario.start", "scenario needs a start node")
	} else {
		p.target(s.Start, "scenario.start")
	}
	for i, m := range s.Modes {
		if m != ModeGuided && m != ModeFree {
			p.errorf(fmt.Sprintf("scenario.modes.%d", i), "unknown mode %q (want guided or free)", m)
		}
	}
	if s.TimeLimitS < 0 {
		p.errorf("scenario.time_limit_s", "time_limit_s must not be negative")
	}
	if f := s.FreeTimeFactor; f < 0 || f > 0 && (f < 1 || f > 10) {
		p.errorf("scenario.free_time_factor", "free_time_factor %g must be between 1 and 10 (0 means the default, %g)", f, DefaultFreeTimeFactor)
	}
	if s.OnTimeLimit != "" {
		p.timeLim = p.target(s.OnTimeLimit, "scenario.on_time_limit")
		if s.TimeLimitS == 0 {
			p.errorf("scenario.on_time_limit", "on_time_limit without time_limit_s")
		}
	}
}

package trainer

import (
	"fmt"
	"sort"
)

// Lint checks a script for every problem it can find without playing it:
// the errors Validate reports, plus unreachable nodes, dead ends, loops with
// no end, free-text nodes without fallback, examples captured by an earlier
// reply, a pass mark no path can reach, unknown {names} in lines, patterns
// that can never match normalised text, conditions that can never hold
// given the variables' bounds, critical rules that can never fire, and (as
// warnings) unused variables and lexicon entries, dimensions nothing scores,
// replies free mode cannot pick, endings without a debrief note, triggers
// that keep firing each other, and a best reply that is usually the longest
// label. Findings carry the key path of the TOML source.
func Lint(s *Script) Findings {
	p := compile(s)
	l := &linter{s: s, p: p}
	l.reachability()
	l.freeText()
	l.examples()
	l.usage()
	l.passMark()
	l.lintLines()
	l.endNotes()
	l.longestLabel()
	l.unusedLexicon()
	l.flipFlops()
	l.ruleKeyWords()
	never := l.lintPatterns()
	for path := range l.lintBounds() {
		never[path] = true
	}
	l.criticalRules(never)
	out := p.findings
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity < out[j].Severity })
	return out
}

type linter struct {
	s *Script
	p *program
}

// reachability reports unreachable nodes, dead ends and nodes that cannot reach an end.
func (l *linter) reachability() {
	s := l.s
	next := map[string][]string{}
	var entries []string
	if s.node(s.Start) != nil {
		entries = append(entries, s.Start)
	}
	for _, e := range s.Edges() {
		if s.node(e.To) == nil {
			continue
		}
		if e.From == "" {
			entries = append(entries, e.To)
		} else {
			next[e.From] = append(next[e.From], e.To)
		}
	}
	seen := walk(entries, next)
	prev := map[string][]string{}
	var ends []string
	for from, tos := range next {
		for _, to := range tos {
			prev[to] = append(prev[to], from)
		}
	}
	for _, n := range s.Nodes {
		if n.End != "" {
			ends = append(ends, n.ID)
		}
	}
	toEnd := walk(ends, prev)
	for _, n := range s.Nodes {
		path := "node." + n.ID
		switch {
		case !seen[n.ID]:
			l.p.errorf(path, "unreachable node %q: no reply, branch, next, timeout, trigger or inject leads here", n.ID)
		case n.End == "" && len(next[n.ID]) == 0 && len(s.replies(n)) == 0:
			l.p.errorf(path, "dead end: node %q has no end, next, branch, replies or timeout goto", n.ID)
		case !toEnd[n.ID]:
			l.p.errorf(path, "no path from node %q reaches an end (a loop with no way out)", n.ID)
		}
	}
}

func walk(from []string, next map[string][]string) map[string]bool {
	seen := map[string]bool{}
	stack := append([]string(nil), from...)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		stack = append(stack, next[n]...)
	}
	return seen
}

// freeText checks what free mode needs: fallbacks and patterns.
func (l *linter) freeText() {
	if !l.s.HasMode(ModeFree) {
		return
	}
	freeOnly := !l.s.HasMode(ModeGuided)
	for _, n := range l.s.Nodes {
		if len(l.s.replies(n)) > 0 && n.Fallback == nil {
			l.p.errorf("node."+n.ID, "free-text node %q has no fallback for text that matches no reply", n.ID)
		}
		for i, r := range n.Replies {
			path := fmt.Sprintf("node.%s.reply.%d", n.ID, i)
			switch {
			case r.Match.Empty() && freeOnly:
				l.p.errorf(path+".id", "reply %q has no match patterns, so free mode can never take it", r.ID)
			case r.Match.Empty():
				l.p.warnf(path+".id", "reply %q has no match patterns: guided mode only", r.ID)
			case len(r.Examples) == 0:
				l.p.warnf(path+".id", "reply %q has no examples, so lint and fuzz cannot check its patterns", r.ID)
			}
		}
	}
}

// examples checks that every example is understood as its own reply at its
// node, with the whole script's phrasings as the matcher sees them in play:
// an example another reply takes (by its patterns or its own examples), or
// one too close to another reply to tell apart, is an error. Whether the
// examples generalise (leave-one-out) is reported by 'ccsim script test'.
func (l *linter) examples() {
	k := l.p.know
	for _, c := range l.p.nodes {
		if c == nil {
			continue
		}
		for _, r := range c.own {
			j := indexOfReply(c.n, r.r)
			for i, ex := range r.r.Examples {
				path := fmt.Sprintf("node.%s.reply.%d.examples.%d", c.n.ID, j, i)
				u := k.decide(k.read(ex), c.replies, "", true)
				switch {
				case u.Reply == r.r.ID:
				case u.Ambiguous:
					l.p.errorf(path, "example %q of reply %q is too close to reply %q to tell apart (%.2f against %.2f)", ex, r.r.ID, otherOf(u, r.r.ID), u.Confidence, u.RunnerUpConfidence)
				case u.Reply != "":
					l.p.errorf(path, "example %q of reply %q is understood as reply %q (%.2f)", ex, r.r.ID, u.Reply, u.Confidence)
				case u.Salad:
					l.p.errorf(path, "example %q of reply %q reads as word salad (its words repeat, or their order is unlike sentences of the language): reword it as a trainee would say it", ex, r.r.ID)
				default:
					l.p.errorf(path, "example %q of reply %q is not understood even with it (confidence %.2f; a match.none pattern may veto it)", ex, r.r.ID, u.Confidence)
				}
			}
		}
	}
}

// otherOf names the reply an ambiguous understanding confused with own.
func otherOf(u Understanding, own string) string {
	if u.Best == own {
		return u.RunnerUp
	}
	return u.Best
}

func indexOfReply(n *Node, r *Reply) int {
	for i, x := range n.Replies {
		if x == r {
			return i
		}
	}
	return -1
}

// usage warns about variables never read or written and lexicon entries never used.
func (l *linter) usage() {
	for _, v := range l.s.Vars {
		path := "vars." + v.Name
		switch {
		case !l.p.reads[v.Name] && !l.p.writes[v.Name]:
			l.p.warnf(path, "variable %q is never read or written", v.Name)
		case !l.p.reads[v.Name]:
			l.p.warnf(path, "variable %q is written but never read", v.Name)
		case !l.p.writes[v.Name] && v.InitExpr == "":
			l.p.warnf(path, "variable %q never changes; make it a [const]", v.Name)
		}
	}
}

// passMark checks that some play can reach the pass mark, using an upper
// bound of each dimension's points, and that every dimension can score.
func (l *linter) passMark() {
	r := l.s.Rubric
	best := make([]int, len(r.Dims))
	add := func(score map[string]int, repeat bool) {
		for d, pts := range score {
			i, ok := l.p.dimIndex[d]
			if !ok || pts <= 0 {
				continue
			}
			if repeat {
				pts = r.Dims[i].Max
			}
			best[i] += pts
		}
	}
	for _, n := range l.s.Nodes {
		add(n.Enter.Score, true)
		for _, rep := range n.Replies {
			add(rep.Score, !rep.Once && rep.Goto == "")
		}
		if n.Fallback != nil {
			add(n.Fallback.Score, true)
		}
		if n.OnTimeout != nil {
			add(n.OnTimeout.Score, true)
		}
	}
	for _, t := range l.s.Triggers {
		add(t.Score, !t.Once)
	}
	for _, t := range l.s.Ticks {
		add(t.Score, true)
	}
	var sum, wsum float64
	for i, d := range r.Dims {
		if d.Auto != "" {
			best[i] = d.Max
		}
		if best[i] == 0 {
			l.p.warnf(fmt.Sprintf("rubric.dims.%d", i), "nothing can score dimension %q", d.ID)
		}
		if d.Max > 0 {
			sum += float64(d.Weight) * float64(min(best[i], d.Max)) / float64(d.Max)
		}
		wsum += float64(d.Weight)
	}
	if wsum > 0 && 100*sum/wsum < float64(r.PassPct) {
		l.p.errorf("rubric.pass_pct", "pass mark %d%% is unreachable: the best possible score is %.1f%%", r.PassPct, 100*sum/wsum)
	}
}

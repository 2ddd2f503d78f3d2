package trainer

import "fmt"

// pendingPhrasing is a phrasing whose features are known but not yet weighed.
type pendingPhrasing struct {
	out        *[]phrasing
	text, norm string
	scale      float64
	word, char bag
	stems      []string
}

// compileUnderstanding builds the script's knowledge: the lexer for its
// language and synonyms, and the TF-IDF vectors of every reply's and rule's
// phrasings, with the idf taken over all of them.
func (p *program) compileUnderstanding() {
	s := p.s
	lang := languageOf(s.Lang)
	if lang == nil {
		p.errorf("scenario.lang", "unknown language %q (want en or de)", s.Lang)
		lang = langEN
	}
	k := &knowledge{lx: newLexer(lang, s.Synonyms), threshold: s.MatchThreshold, margin: s.MatchMargin,
		ruleAdj: RuleThresholdAdj, nearMargin: NearMissMargin, disAdj: DismissalExampleAdj, learnedTau: LearnedThreshold, order: orderFor(lang.code)}
	if k.threshold == 0 {
		k.threshold = DefaultThreshold
	}
	if k.margin == 0 {
		k.margin = DefaultMargin
	}
	if s.MatchThreshold < 0 || s.MatchThreshold >= 1 {
		p.errorf("scenario.match_threshold", "match_threshold must be between 0 and 1")
	}
	if s.MatchMargin < 0 || s.MatchMargin >= 1 {
		p.errorf("scenario.match_margin", "match_margin must be between 0 and 1")
	}
	for canon, list := range s.Synonyms {
		if Normalize(canon) == "" || len(list) == 0 {
			p.errorf("synonyms."+canon, "a synonym entry needs a word and at least one phrase")
		}
	}
	var pend []*pendingPhrasing
	add := func(out *[]phrasing, text string, scale float64) {
		if text == "" {
			return
		}
		a := analyse(text)
		k.lx.learn(a)
		ts := k.lx.terms(a)
		w, c := bags(ts, false)
		pend = append(pend, &pendingPhrasing{out: out, text: text, norm: Normalize(text), scale: scale, word: w, char: c, stems: contentStems(lang, ts)})
	}
	for _, r := range p.replies {
		if r == nil {
			continue
		}
		for _, ex := range r.r.Examples {
			add(&r.ex, ex, 1)
		}
		if r.r.Text != "" && indexOf(r.r.Examples, r.r.Text) < 0 {
			add(&r.ex, r.r.Text, 1)
		}
		if r.free() {
			add(&r.ex, r.r.Label, labelScale)
		}
	}
	for _, r := range p.rules {
		for _, ex := range r.r.Examples {
			add(&r.ex, ex, 1)
		}
		for _, ex := range r.r.NearMisses {
			add(&r.near, ex, 1)
		}
		for _, ex := range r.r.Dismissals {
			add(&r.dis, ex, 1)
		}
	}
	p.weigh(k, pend)
	p.know = k
	// Key words come from the replies that satisfy a rule, and a reply's
	// verdicts depend on key words (a reply may dismiss a rule): judge,
	// learn the keys, judge again.
	p.judgeReplies()
	p.learnKeys()
	p.judgeReplies()
	// Rule models learn which replies break a rule from the verdicts, and
	// judge only what trainees type: a reply's own text is judged by its
	// author's examples and patterns.
	p.trainModels()
}

// judgeReplies works out what each reply's words do to each rule, reading
// each reply's words once.
func (p *program) judgeReplies() {
	for _, r := range p.replies {
		if r == nil {
			continue
		}
		if r.heard == nil {
			r.heard = p.know.read(r.utter)
		}
		r.verdicts = make([]ruleVerdict, len(p.rules))
		for i, rule := range p.rules {
			r.verdicts[i] = p.know.judge(rule, r.heard)
		}
	}
}

// learnKeys finds each require rule's key words: what its examples and the
// replies that satisfy it say, and other phrasings seldom do.
func (p *program) learnKeys() {
	names := p.nameStems()
	for i, rule := range p.rules {
		if rule.r.kind() != RuleRequire {
			continue
		}
		var own, says, others [][]string
		for _, ph := range rule.ex {
			own = append(own, ph.stems)
		}
		says = append(says, own...)
		for _, r := range p.replies {
			if r == nil {
				continue
			}
			for _, ph := range r.ex {
				if r.verdicts[i].satisfies {
					says = append(says, ph.stems)
				} else {
					others = append(others, ph.stems)
				}
			}
		}
		for _, o := range p.rules {
			if o == rule {
				continue
			}
			for _, ps := range [][]phrasing{o.ex, o.near, o.dis} {
				for _, ph := range ps {
					others = append(others, ph.stems)
				}
			}
		}
		rule.keys = p.know.lx.lang.ruleKeys(own, says, others)
		for _, st := range names {
			delete(rule.keys, st) // "please don't rush, Helen" dismisses nothing
		}
	}
}

// nameStems are the stems of the customer's name: examples that greet the
// customer by name make it frequent in a rule's examples, but a name is
// never what a rule requires.
func (p *program) nameStems() []string {
	a := analyse(p.s.Persona.Name)
	var out []string
	for _, t := range p.know.lx.terms(a) {
		out = append(out, t.stem)
	}
	return out
}

// contentStems returns the stems of ts that are neither stop words nor negated.
func contentStems(lang *language, ts []term) []string {
	var out []string
	for _, t := range ts {
		if !t.stop && !t.neg && !t.cue && !lang.function[t.surface] {
			out = append(out, t.stem)
		}
	}
	return out
}

// weigh builds the feature spaces and the phrasings' vectors.
func (p *program) weigh(k *knowledge, pend []*pendingPhrasing) {
	wb := make([]bag, len(pend))
	cb := make([]bag, len(pend))
	for i, pp := range pend {
		wb[i], cb[i] = pp.word, pp.char
	}
	k.word, k.char = newVocab(wb), newVocab(cb)
	for _, pp := range pend {
		*pp.out = append(*pp.out, phrasing{text: pp.text, norm: pp.norm, scale: pp.scale, stems: pp.stems,
			word: k.word.vector(pp.word), char: k.char.vector(pp.char)})
	}
}

// free reports whether free text can take the reply: it has patterns or examples.
func (r *creply) free() bool { return !r.m.empty() || len(r.r.Examples) > 0 }

// compileClarify compiles a node's clarify effect; it must not move on.
func (p *program) compileClarify(n *Node, c *cnode, path string) {
	if n.Clarify == nil {
		return
	}
	e := p.effect(n.Clarify, path+".clarify")
	c.clarify = &e
	if len(n.Replies) == 0 && len(n.IncludeReplies) == 0 {
		p.warnf(path+".clarify", "clarify on node %q without replies is never used", n.ID)
	}
}

// ruleShape checks that a rule says what it requires or forbids.
func (p *program) ruleShape(r *Rule, path string) {
	switch {
	case r.Kind != "" && r.Kind != RuleRequire && r.Kind != RuleForbid:
		p.errorf(path+".kind", "unknown rule kind %q (want require or forbid)", r.Kind)
	case r.Require != "" && r.Forbid != "":
		p.errorf(path, "rule %q has both require and forbid; split it", r.ID)
	case r.Kind == RuleRequire && r.Forbid != "", r.Kind == RuleForbid && r.Require != "":
		p.errorf(path+".kind", "rule %q is kind %s but has a %s pattern", r.ID, r.Kind, map[bool]string{true: "forbid", false: "require"}[r.Forbid != ""])
	case r.kind() == "":
		p.errorf(path, "rule %q needs require or forbid (a pattern), or kind with examples", r.ID)
	case r.Require == "" && r.Forbid == "" && len(r.Examples) == 0:
		p.errorf(path+".examples", "rule %q has neither a pattern nor examples", r.ID)
	}
	for _, f := range []struct {
		key  string
		list []string
	}{{"examples", r.Examples}, {"near_misses", r.NearMisses}, {"dismissals", r.Dismissals}} {
		for i, ex := range f.list {
			if Normalize(ex) == "" {
				p.errorf(fmt.Sprintf("%s.%s.%d", path, f.key, i), "phrasing %q has no words", ex)
			}
		}
	}
	if len(r.Dismissals) > 0 && r.kind() != RuleRequire {
		p.errorf(path+".dismissals", "rule %q: dismissals are for require rules; a forbid rule's breaches are its examples", r.ID)
	}
}

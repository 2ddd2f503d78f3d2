package trainer

import (
	"fmt"
	"strings"
)

// RuleHit is a compliance rule that fired during a session.
type RuleHit struct {
	ID       string `json:"id"`
	Dim      string `json:"dim,omitempty"`
	Penalty  int    `json:"penalty"`
	Critical bool   `json:"critical,omitempty"`
	Debrief  string `json:"debrief,omitempty"`
	Better   string `json:"better,omitempty"`
	Turn     int    `json:"turn"`
	Node     string `json:"node"`
	// Evidence is the trainee's words that fired the rule; for a require
	// rule never said, a note saying where it was due.
	Evidence string `json:"evidence"`
	// Matched is what the words matched: a pattern or the nearest example,
	// with the similarity.
	Matched string `json:"matched,omitempty"`
}

// RuleEvidence is a rule a line fires, with the words and what they matched.
type RuleEvidence struct {
	Rule      string  `json:"rule"`
	Evidence  string  `json:"evidence"`            // the trainee's words
	Matched   string  `json:"matched"`             // the pattern or nearest example they matched
	Dismissal bool    `json:"dismissal,omitempty"` // a require rule the line negates or dismisses
	Score     float64 `json:"score"`               // similarity to the nearest example; 1 for a pattern
}

// ruleVerdict is what one line does to one rule.
type ruleVerdict struct {
	fires, satisfies bool
	ev               RuleEvidence
}

// judge applies rule r to a line. A forbid rule fires on a pattern match
// outside negation scopes, or when the line (or one of its clauses) is at
// least the threshold close to an example and closer to the examples than to
// the near misses. A require rule is satisfied the same way. It fires when
// the line dismisses one of its key words ("no need to verify", "we can skip
// the security questions"), or says it only in negated form ("there's no
// reference number") without asking a question: "I can't see your email,
// what is it?" states a gap and asks, it does not refuse.
func (k *knowledge) judge(r *crule, rd *reading) ruleVerdict {
	v := ruleVerdict{ev: RuleEvidence{Rule: r.r.ID, Evidence: rd.text}}
	if rd.salad {
		return v // word salad says nothing: it neither fires nor satisfies a rule
	}
	re := r.forbid
	if r.r.kind() == RuleRequire {
		re = r.require
	}
	vs := rd.views()
	says, how, score := k.says(r, rd, vs, k.ruleThreshold())
	if re != nil && rd.affirmed(re) && !k.nearMiss(r, rd) {
		says, how, score = true, fmt.Sprintf("pattern %q", patternSource(r)), 1
	}
	if r.r.kind() == RuleForbid {
		if !says {
			if ok, p := k.learned(r, vs); ok {
				says, how, score = true, fmt.Sprintf("the rule's model (%.2f)", p), p
			}
		}
		v.fires, v.ev.Matched, v.ev.Score = says, how, score
		return v
	}
	if says {
		v.satisfies = true
		return v
	}
	if rd.declines() {
		return v // "die brauche ich nicht noch mal": not asking twice is no dismissal
	}
	if ok, how, score := k.dismisses(r, rd); ok {
		v.fires, v.ev.Dismissal, v.ev.Score = true, true, score
		v.ev.Matched = "dismissal " + how
		return v
	}
	if !rd.refuses() {
		return v
	}
	if re != nil {
		if span, ok := rd.denied(re); ok {
			v.fires, v.ev.Dismissal, v.ev.Score = true, true, 1
			v.ev.Matched = fmt.Sprintf("pattern %q matched %q only in a negated clause", patternSource(r), span)
			return v
		}
	}
	if span, key, ok := rd.dismissed(r.keys); ok {
		v.fires, v.ev.Dismissal, v.ev.Score = true, true, 1
		v.ev.Matched = fmt.Sprintf("%q dismisses %q, a key word of the rule's examples", span, key)
		return v
	}
	if len(r.ex) > 0 {
		if ok, how, score := k.says(r, rd, []view{rd.flipped}, k.threshold+DismissalThresholdAdj); ok {
			v.fires, v.ev.Dismissal, v.ev.Score = true, true, score
			v.ev.Matched = "negates " + how
		}
	}
	return v
}

// says reports whether one of the views is at least th close to the rule's
// examples and closer to them than to its near misses and dismissals by the
// near-miss margin (a line as close to brushing a requirement aside as to
// meeting it does not meet it).
func (k *knowledge) says(r *crule, rd *reading, vs []view, th float64) (bool, string, float64) {
	if len(r.ex) == 0 || rd.salad {
		return false, "", 0
	}
	s, i, from := k.nearestAny(vs, r.ex)
	if i < 0 || s < th {
		return false, "", s
	}
	if from >= 0 && k.outranked(vs[from], s, r.near, r.dis) {
		return false, "", s
	}
	return true, fmt.Sprintf("example %q (%.2f)", r.ex[i].text, s), s
}

// dismisses reports whether a line is close to one of a require rule's
// dismissals: as a whole (brushing a request aside is what a reply does,
// not one clause of it: "I can't say when the assessor comes, but I'll
// chase it" evades nothing), at least the dismissal threshold, and closer
// to it by the near-miss margin than to the rule's examples and near misses
// (what says the thing, or nearly, is no dismissal).
func (k *knowledge) dismisses(r *crule, rd *reading) (bool, string, float64) {
	if len(r.dis) == 0 {
		return false, "", 0
	}
	vs := []view{rd.whole}
	s, i, from := k.nearestAny(vs, r.dis)
	if i < 0 || s < k.threshold+k.disAdj {
		return false, "", s
	}
	if k.outranked(vs[from], s, r.ex, r.near) {
		return false, "", s
	}
	return true, fmt.Sprintf("example %q (%.2f)", r.dis[i].text, s), s
}

// outranked reports whether view v is within the near-miss margin of
// similarity s to a phrasing of one of the lists: then the phrasing s was
// measured against does not win by enough.
func (k *knowledge) outranked(v view, s float64, lists ...[]phrasing) bool {
	for _, ps := range lists {
		if n, i := k.nearest(v, ps, ""); i >= 0 && n+k.nearMargin >= s {
			return true
		}
	}
	return false
}

// nearMiss reports whether the line is at least the threshold close to a
// near miss (or a dismissal) and closer to it than to any example: then a
// pattern match does not count either.
func (k *knowledge) nearMiss(r *crule, rd *reading) bool {
	vs := rd.views()
	n, i, _ := k.nearestAny(vs, r.near)
	if d, j, _ := k.nearestAny(vs, r.dis); j >= 0 && (i < 0 || d > n) {
		n, i = d, j
	}
	if i < 0 || n < k.ruleThreshold() {
		return false
	}
	e, _, _ := k.nearestAny(vs, r.ex)
	return n > e
}

func patternSource(r *crule) string {
	if r.r.Forbid != "" {
		return r.r.Forbid
	}
	return r.r.Require
}

// checkSaid applies the rules to one utterance: forbidden things and
// dismissed requirements fire, required things are noted as said.
// verdicts, when not nil, were judged before (a guided reply's text).
func (s *Session) checkSaid(rd *reading, verdicts []ruleVerdict) {
	for i, r := range s.p.rules {
		if s.ruleFired[i] || (r.r.kind() == RuleRequire && s.ruleSaid[i]) {
			continue
		}
		var v ruleVerdict
		if verdicts != nil {
			v = verdicts[i]
		} else {
			v = s.p.know.judge(r, rd)
		}
		if v.satisfies {
			s.ruleSaid[i] = true
		}
		if v.fires && s.ruleLive(r) {
			s.fire(i, v.ev.Evidence, v.ev.Matched)
		}
	}
}

// inherit fires the rules that the reply a typed line was understood as
// breaks in guided mode: the line means what the reply's text says, so it
// breaks the same rules (verdicts judged at compile time). A required thing
// is satisfied only by the trainee's own words, never inherited: a reply's
// text often says more than the line that was matched to it.
func (s *Session) inherit(u Understanding) {
	if u.reply == nil {
		return
	}
	for i, r := range s.p.rules {
		v, ok := inherited(u, i)
		if !ok || s.ruleFired[i] {
			continue
		}
		if v.fires && s.ruleLive(r) && !(r.r.kind() == RuleRequire && s.ruleSaid[i]) {
			s.fire(i, v.ev.Evidence, v.ev.Matched)
		}
	}
}

// inherited returns the breach of rule i by the reply u was understood as,
// with the line's words as evidence; ok is false when there is none.
func inherited(u Understanding, i int) (ruleVerdict, bool) {
	if u.reply == nil || i >= len(u.reply.verdicts) {
		return ruleVerdict{}, false
	}
	v := u.reply.verdicts[i]
	v.satisfies = false
	if !v.fires {
		return v, false
	}
	v.ev.Evidence = u.rd.text
	v.ev.Matched = fmt.Sprintf("understood as reply %q (%.2f), whose text matches %s", u.Reply, u.Confidence, v.ev.Matched)
	return v, true
}

// ruleLive reports whether rule r can fire now: its when holds and its
// before_tag has not been entered.
func (s *Session) ruleLive(r *crule) bool {
	if r.r.BeforeTag != "" && s.tagsSeen[r.r.BeforeTag] {
		return false
	}
	return s.ruleApplies(r)
}

// enterTags checks require rules scoped to a tag when the first node with it is entered.
func (s *Session) enterTags(n *cnode) {
	for _, t := range n.n.Tags {
		if s.tagsSeen[t] {
			continue
		}
		s.tagsSeen[t] = true
		for i, r := range s.p.rules {
			if r.r.kind() == RuleRequire && r.r.BeforeTag == t && !s.ruleSaid[i] && !s.ruleFired[i] && s.ruleApplies(r) {
				s.fire(i, s.msg.Sprintf("(not said before a %q step)", t), "")
			}
		}
	}
}

// endRules checks unscoped require rules when the session ends.
func (s *Session) endRules() {
	for i, r := range s.p.rules {
		if r.r.kind() == RuleRequire && r.r.BeforeTag == "" && !s.ruleSaid[i] && !s.ruleFired[i] && s.ruleApplies(r) {
			s.fire(i, s.msg.Sprintf("(not said by the end)"), "")
		}
	}
}

func (s *Session) ruleApplies(r *crule) bool { return r.when == nil || r.when(s).Bool() }

func (s *Session) fire(i int, evidence, matched string) {
	r := s.p.rules[i].r
	s.ruleFired[i] = true
	s.hits = append(s.hits, RuleHit{ID: r.ID, Dim: r.Dim, Penalty: r.Penalty, Critical: r.Critical,
		Debrief: r.Debrief, Better: r.Better, Turn: s.turn, Node: s.Node(), Evidence: evidence, Matched: matched})
}

// refuses reports whether a negated mention can count against a require
// rule: the line negates something and either dismisses it or asks
// nothing.
func (rd *reading) refuses() bool {
	if !rd.negated {
		return false
	}
	dismisses := false
	for _, t := range rd.ts {
		dismisses = dismisses || t.dis
	}
	return dismisses || !strings.Contains(rd.text, "?")
}

// declines reports whether the line declines a repetition ("no need to
// give it again", "I've already got it", "die brauche ich nicht noch mal").
func (rd *reading) declines() bool {
	for _, t := range rd.ts {
		if t.rep {
			return true
		}
	}
	return false
}

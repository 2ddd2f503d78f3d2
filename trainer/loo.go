package trainer

import "fmt"

// ExampleMiss is a reply example that leave-one-out does not understand as
// its own reply.
type ExampleMiss struct {
	Path       string  // key path of the example, e.g. node.opening.reply.0.examples.1
	Node       string  //
	Reply      string  // the example's reply
	Example    string  //
	Got        string  // reply understood instead; "" for none
	Confidence float64 // confidence (0-1) in the best reply
	Ambiguous  bool    // the best two replies were within the margin
}

// String describes the miss for lint.
func (m ExampleMiss) String() string {
	switch {
	case m.Ambiguous:
		return fmt.Sprintf("example %q of reply %q is too close to another reply to tell apart without it (best %q, %.2f)", m.Example, m.Reply, m.Got, m.Confidence)
	case m.Got == "":
		return fmt.Sprintf("example %q of reply %q is not understood without it (confidence %.2f): add phrasings like it", m.Example, m.Reply, m.Confidence)
	}
	return fmt.Sprintf("example %q of reply %q is understood as %q without it (%.2f)", m.Example, m.Reply, m.Got, m.Confidence)
}

// LeaveOneOut checks that a script's examples generalise: each example of
// each reply, left out of the reply's phrasings (with any other phrasing of
// the same normalised text), is said at the reply's node against all the
// node's replies, whatever their when, and should still be understood as
// its own reply. It returns how many examples were checked and the misses.
// The idf keeps counting the example, a small leak that makes it a little
// optimistic. The script must validate.
func LeaveOneOut(sc *Script) (checked int, misses []ExampleMiss, err error) {
	if sc.prog == nil {
		if err := sc.Validate(); err != nil {
			return 0, nil, err
		}
	}
	p := sc.prog
	for _, c := range p.nodes {
		for j, r := range c.own {
			for i, ex := range r.r.Examples {
				checked++
				u := p.know.decide(p.know.read(ex), c.replies, Normalize(ex), true)
				if u.Reply == r.r.ID {
					continue
				}
				got := u.Reply
				if got == "" && (u.Ambiguous || u.Best != r.r.ID) {
					got = u.Best
				}
				misses = append(misses, ExampleMiss{Path: fmt.Sprintf("node.%s.reply.%d.examples.%d", c.n.ID, j, i),
					Node: c.n.ID, Reply: r.r.ID, Example: ex, Got: got, Confidence: u.Confidence, Ambiguous: u.Ambiguous})
			}
		}
	}
	return checked, misses, nil
}

// UnderstandAt returns what text would do at node id against all the
// node's free-text replies, whatever their when, without a session and
// without rules. The script must validate.
func (s *Script) UnderstandAt(node, text string) (Understanding, error) {
	if s.prog == nil {
		if err := s.Validate(); err != nil {
			return Understanding{}, err
		}
	}
	i, ok := s.prog.nodeIndex[node]
	if !ok {
		return Understanding{}, fmt.Errorf("trainer: unknown node %q", node)
	}
	return s.prog.know.decide(s.prog.know.read(text), s.prog.nodes[i].replies, "", true), nil
}

// LOOScore is one example's leave-one-out result by similarity alone (no
// patterns), for choosing the threshold and margin: whether its own reply
// ranked first, the best confidence, and the lead over the best reply with a
// different effect.
type LOOScore struct {
	Own        bool
	Confidence float64
	Lead       float64
}

// LeaveOneOutScores returns the LOOScore of every reply example of a
// validated script, in node and reply order.
func LeaveOneOutScores(sc *Script) ([]LOOScore, error) {
	if sc.prog == nil {
		if err := sc.Validate(); err != nil {
			return nil, err
		}
	}
	p := sc.prog
	var out []LOOScore
	for _, c := range p.nodes {
		for _, r := range c.own {
			for _, ex := range r.r.Examples {
				u := p.know.decide(p.know.read(ex), c.replies, Normalize(ex), false)
				out = append(out, LOOScore{Own: u.Best == r.r.ID && !u.Salad, Confidence: u.Confidence,
					Lead: u.Confidence - u.RunnerUpConfidence})
			}
		}
	}
	return out, nil
}

// SimilarityAt returns the best reply's confidence by similarity alone (no
// patterns) for text said at node id, against all the node's replies; 0 for
// word salad or a node without free-text replies.
func (s *Script) SimilarityAt(node, text string) (float64, error) {
	if s.prog == nil {
		if err := s.Validate(); err != nil {
			return 0, err
		}
	}
	i, ok := s.prog.nodeIndex[node]
	if !ok {
		return 0, fmt.Errorf("trainer: unknown node %q", node)
	}
	u := s.prog.know.decide(s.prog.know.read(text), s.prog.nodes[i].replies, "", false)
	if u.Salad {
		return 0, nil
	}
	return u.Confidence, nil
}

// RuleLOO counts how rules by examples judge their own phrasings left out
// one at a time: each example, left out of the examples, should still be
// recognised (a forbid rule fires, a require rule is satisfied), and each
// dismissal of a require rule should still fire it (both count as
// examples); each near miss, left out of the near misses, should not be
// recognised.
type RuleLOO struct {
	Examples, Recognised int // examples left out, and those the rule still recognised
	Dismissals, Fired    int // a require rule's dismissals left out, and those that still fire it
	NearMisses, Wrong    int // near misses left out, and those the rule recognised (or, for a require rule, fired on) anyway
	// Good counts the examples of replies whose text does not break a
	// require rule that has dismissals (good lines the author wrote), and
	// GoodFired those that fire it by a dismissal all the same.
	Good, GoodFired int
}

// RuleParams are the thresholds of rules by meaning: the rule threshold
// adjustment over the reply threshold, the near-miss margin, the
// adjustment a line's closeness to a require rule's dismissals needs, and
// the probability a forbid rule's model needs.
type RuleParams struct{ Adj, NearMargin, DisAdj, Learned float64 }

// DefaultRuleParams are RuleThresholdAdj, NearMissMargin,
// DismissalExampleAdj and LearnedThreshold.
var DefaultRuleParams = RuleParams{RuleThresholdAdj, NearMissMargin, DismissalExampleAdj, LearnedThreshold}

// RuleLeaveOneOut scores the rules of sc that have examples by leaving
// each example, dismissal and near miss out in turn (see RuleLOO), with the
// thresholds given (DefaultRuleParams are the defaults). Patterns stay. A
// forbid rule's model is cross-validated: each phrasing is judged by the
// model trained without its fold (see foldModels).
func RuleLeaveOneOut(sc *Script, rp RuleParams) (RuleLOO, error) {
	var out RuleLOO
	if sc.prog == nil {
		if err := sc.Validate(); err != nil {
			return out, err
		}
	}
	kk := *sc.prog.know
	kk.ruleAdj, kk.nearMargin, kk.disAdj, kk.learnedTau = rp.Adj, rp.NearMargin, rp.DisAdj, rp.Learned
	k := &kk
	for ri, r := range sc.prog.rules {
		if len(r.ex) < 2 {
			continue
		}
		var folds []*ruleModel
		if r.model != nil {
			folds = sc.prog.foldModels(ri)
		}
		model := func(i int) *ruleModel {
			if folds == nil {
				return nil
			}
			return folds[i%learnedFolds]
		}
		for i := range r.ex {
			c := *r
			c.ex, c.model = without(r.ex, i), model(i)
			out.Examples++
			out.Recognised += k.recognises(&c, r.ex[i].text)
		}
		for i := range r.near {
			c := *r
			c.near, c.model = without(r.near, i), model(i)
			out.NearMisses++
			v := k.judge(&c, k.read(r.near[i].text))
			if v.satisfies || v.fires {
				out.Wrong++
			}
		}
		for i := range r.dis {
			c := *r
			c.dis = without(r.dis, i)
			out.Dismissals++
			if k.judge(&c, k.read(r.dis[i].text)).fires {
				out.Fired++
			}
		}
		if len(r.dis) > 0 {
			good, fired := k.goodLines(sc.prog, r)
			out.Good, out.GoodFired = out.Good+good, out.GoodFired+fired
		}
	}
	return out, nil
}

// goodLines counts the examples of the replies whose text does not break
// rule r, and those of them that r's dismissals fire on.
func (k *knowledge) goodLines(p *program, r *crule) (good, fired int) {
	ri := p.ruleIndex[r.r.ID]
	for _, rep := range p.replies {
		if rep == nil || rep.verdicts[ri].fires {
			continue
		}
		for _, ex := range rep.r.Examples {
			good++
			if ok, _, _ := k.dismisses(r, k.read(ex)); ok {
				fired++
			}
		}
	}
	return good, fired
}

func without(ps []phrasing, i int) []phrasing {
	return append(append([]phrasing{}, ps[:i]...), ps[i+1:]...)
}

// recognises is 1 when rule r recognises its thing in the line (a forbid
// rule fires, a require rule is satisfied), 0 otherwise.
func (k *knowledge) recognises(r *crule, line string) int {
	v := k.judge(r, k.read(line))
	if r.r.kind() == RuleRequire && v.satisfies || r.r.kind() == RuleForbid && v.fires {
		return 1
	}
	return 0
}

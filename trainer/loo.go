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

// RuleProxyScores calibrates the rule threshold while rules have few
// examples of their own: each reply with at least three examples stands in
// for a rule by examples. own holds, for each such example left out, its
// similarity (whole line or best clause, as rules read lines) to the rest;
// other holds, for each foreign line, its similarity to each stand-in rule.
func RuleProxyScores(sc *Script, foreign []string) (own, other []float64, err error) {
	if sc.prog == nil {
		if err := sc.Validate(); err != nil {
			return nil, nil, err
		}
	}
	k := sc.prog.know
	var rules [][]phrasing
	for _, r := range sc.prog.replies {
		if r == nil || len(r.r.Examples) < 3 {
			continue
		}
		var ex []phrasing
		for _, p := range r.ex {
			if p.scale == 1 {
				ex = append(ex, p)
			}
		}
		rules = append(rules, ex)
		for _, p := range ex {
			rd := k.read(p.text)
			best := 0.0
			for _, v := range rd.views() {
				s, _ := k.nearest(v, ex, p.norm)
				best = max(best, s)
			}
			own = append(own, best)
		}
	}
	for _, line := range foreign {
		rd := k.read(line)
		for _, ex := range rules {
			s, _, _ := k.nearestAny(rd.views(), ex)
			other = append(other, s)
		}
	}
	return own, other, nil
}

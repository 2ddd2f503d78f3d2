package trainer

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
}

// checkSaid applies the rules to one utterance: forbidden patterns fire,
// required patterns are noted as said.
func (s *Session) checkSaid(norm string) {
	for i, r := range s.p.rules {
		if r.require != nil && r.require.MatchString(norm) {
			s.ruleSaid[i] = true
		}
		if r.forbid == nil || s.ruleFired[i] {
			continue
		}
		if r.r.BeforeTag != "" && s.tagsSeen[r.r.BeforeTag] {
			continue
		}
		if r.forbid.MatchString(norm) && s.ruleApplies(r) {
			s.fire(i)
		}
	}
}

// enterTags checks require rules scoped to a tag when the first node with it is entered.
func (s *Session) enterTags(n *cnode) {
	for _, t := range n.n.Tags {
		if s.tagsSeen[t] {
			continue
		}
		s.tagsSeen[t] = true
		for i, r := range s.p.rules {
			if r.require != nil && r.r.BeforeTag == t && !s.ruleSaid[i] && !s.ruleFired[i] && s.ruleApplies(r) {
				s.fire(i)
			}
		}
	}
}

// endRules checks unscoped require rules when the session ends.
func (s *Session) endRules() {
	for i, r := range s.p.rules {
		if r.require != nil && r.r.BeforeTag == "" && !s.ruleSaid[i] && !s.ruleFired[i] && s.ruleApplies(r) {
			s.fire(i)
		}
	}
}

func (s *Session) ruleApplies(r *crule) bool { return r.when == nil || r.when(s).Bool() }

func (s *Session) fire(i int) {
	r := s.p.rules[i].r
	s.ruleFired[i] = true
	s.hits = append(s.hits, RuleHit{ID: r.ID, Dim: r.Dim, Penalty: r.Penalty, Critical: r.Critical,
		Debrief: r.Debrief, Better: r.Better, Turn: s.turn, Node: s.Node()})
}

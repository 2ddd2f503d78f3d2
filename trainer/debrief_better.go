package trainer

// Advice is the "better would have been" for a rubric dimension that lost
// points: the best reply at the node where the points were lost.
type Advice struct {
	Dim     string `json:"dim"`
	Label   string `json:"label,omitempty"` // the dimension's label
	Lost    int    `json:"lost"`            // max - points
	Turn    int    `json:"turn"`            // the agent turn where the points were lost; 0 when at no turn
	Node    string `json:"node"`
	Said    string `json:"said,omitempty"` // what the trainee said there
	Reply   string `json:"reply"`          // id of the better reply
	Button  string `json:"button"`         // its label
	Example string `json:"example"`        // its first example, or its text
	Why     string `json:"why,omitempty"`  // the rule that fired there, if that is how points were lost
}

// Unheard is an agent line the engine did not understand.
type Unheard struct {
	Turn int    `json:"turn"`
	Node string `json:"node"`
	Text string `json:"text"`
}

// agentTurns are the agent entries of the transcript in turn order.
func (s *Session) agentTurns() []Entry {
	var out []Entry
	for _, e := range s.transcript {
		if e.Speaker == "agent" {
			out = append(out, e)
		}
	}
	return out
}

// unheard lists the agent lines not understood (free mode only: a guided
// pick is always understood).
func (s *Session) unheard() []Unheard {
	out := []Unheard{}
	for i, e := range s.agentTurns() {
		if e.Reply == "" {
			out = append(out, Unheard{Turn: i + 1, Node: e.Node, Text: e.Text})
		}
	}
	return out
}

// advice gives each dimension that lost points the best reply at the node
// where it lost them: the first turn whose reply scored less on the
// dimension than the node's best; else the node of a rule that took points
// off it; else the first turn that was not the node's best reply overall;
// else, when the call stopped before its end, the node where it stopped.
func (s *Session) advice(sc Score) []Advice {
	out := []Advice{}
	turns := s.agentTurns()
	for i, d := range sc.Dims {
		if d.Points >= d.Max {
			continue
		}
		a, ok := s.adviseDim(i, turns)
		if !ok {
			continue
		}
		a.Dim, a.Label, a.Lost = d.ID, d.Label, d.Max-d.Points
		out = append(out, a)
	}
	return out
}

func (s *Session) adviseDim(dim int, turns []Entry) (Advice, bool) {
	dimID := s.sc.Rubric.Dims[dim].ID
	onDim := func(r *creply) int { return r.r.Score[dimID] }
	for k, e := range turns {
		if best := s.bestAt(e.Node, onDim); best != nil && onDim(best) > s.gain(e.Reply, onDim) {
			return s.advise(k+1, e, best, ""), true
		}
	}
	for _, h := range s.hits {
		if h.Dim != dimID {
			continue
		}
		if best := s.bestAt(h.Node, totalScore); best != nil {
			var said Entry
			if h.Turn >= 1 && h.Turn <= len(turns) {
				said = turns[h.Turn-1]
			}
			said.Node = h.Node
			return s.advise(h.Turn, said, best, s.msg.Sprintf("rule %s fired", h.ID)), true
		}
	}
	for k, e := range turns {
		if best := s.bestAt(e.Node, totalScore); best != nil && totalScore(best) > s.gain(e.Reply, totalScore) {
			return s.advise(k+1, e, best, ""), true
		}
	}
	if s.node != nil && !s.node.isEnd() {
		if best := cmpOr(s.bestAt(s.node.n.ID, onDim), s.bestAt(s.node.n.ID, totalScore)); best != nil {
			return s.advise(0, Entry{Node: s.node.n.ID}, best, s.msg.Sprintf("the call stopped here")), true
		}
	}
	return Advice{}, false
}

func (c *cnode) isEnd() bool { return c.n.End != "" }

// cmpOr returns the first reply that is not nil.
func cmpOr(rs ...*creply) *creply {
	for _, r := range rs {
		if r != nil {
			return r
		}
	}
	return nil
}

func (s *Session) advise(turn int, e Entry, best *creply, why string) Advice {
	ex := best.r.Text
	if len(best.r.Examples) > 0 {
		ex = best.r.Examples[0]
	}
	if ex == "" {
		ex = best.utter
	}
	return Advice{Turn: turn, Node: e.Node, Said: e.Text, Reply: best.r.ID, Button: best.r.Label, Example: ex, Why: why}
}

func totalScore(r *creply) int {
	n := 0
	for _, v := range r.r.Score {
		n += v
	}
	return n
}

// gain is what reply id scores by f; 0 for "" (not understood) or an unknown id.
func (s *Session) gain(id string, f func(*creply) int) int {
	if i, ok := s.p.replyIndex[id]; ok && s.p.replies[i] != nil {
		return f(s.p.replies[i])
	}
	return 0
}

// bestAt returns the reply of node id that scores most by f (replies without
// a when first at equal points), or nil when none scores above 0. A reply
// whose when does not hold for this session (one written for the other
// hand-off variant, say) is never the advice.
func (s *Session) bestAt(id string, f func(*creply) int) *creply {
	i, ok := s.p.nodeIndex[id]
	if !ok {
		return nil
	}
	var best *creply
	for _, r := range s.p.nodes[i].replies {
		if f(r) <= 0 || r.when != nil && !r.when(s).Bool() {
			continue
		}
		if best == nil || f(r) > f(best) || f(r) == f(best) && best.when != nil && r.when == nil {
			best = r
		}
	}
	return best
}

// endNote is the debrief note of the end node the session finished at, if any.
func (s *Session) endNote() string {
	if s.ended && s.node != nil && s.node.n.End != "" && s.node.n.End == s.outcome {
		return s.node.n.Debrief
	}
	return ""
}

package trainer

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// Understanding is what a free-text line would do at the session's current
// node, worked out without changing the session.
type Understanding struct {
	Reply      string  `json:"reply"`      // id of the reply taken; "" when not understood or ambiguous
	Confidence float64 `json:"confidence"` // confidence (0-1) in the best offered reply
	Best       string  `json:"best"`       // best offered reply, even when not taken
	Nearest    string  `json:"nearest"`    // the phrasing of Best closest to the line
	Pattern    bool    `json:"pattern"`    // Best's match patterns matched a non-negated span
	Salad      bool    `json:"salad"`      // the line reads as word salad, so it is not understood
	// Ambiguous is set when the best reply leads the runner-up by less than
	// the margin: the customer asks which was meant.
	Ambiguous          bool    `json:"ambiguous"`
	RunnerUp           string  `json:"runner_up"`            // best offered reply with a different effect
	RunnerUpConfidence float64 `json:"runner_up_confidence"` // its confidence (0-1)
	// Fires lists the rules the line would fire now: forbidden things said,
	// required things negated or dismissed.
	Fires []RuleEvidence `json:"fires"`
	// Satisfies lists the require rules the line would satisfy.
	Satisfies []string `json:"satisfies"`

	reply, runner *creply
	rd            *reading
}

// Understand returns what text would do now in free mode: the reply it
// would take with its confidence, whether it is ambiguous, and the rules it
// would fire or satisfy. It does not change the session.
func (s *Session) Understand(text string) Understanding {
	u := s.understand(s.p.know.read(strings.TrimSpace(text)))
	u.Fires, u.Satisfies = []RuleEvidence{}, []string{}
	if s.ended {
		return u
	}
	for i, r := range s.p.rules {
		if s.ruleFired[i] {
			continue
		}
		v := s.p.know.judge(r, u.rd)
		if iv, ok := inherited(u, i); ok && !v.fires && !v.satisfies {
			v = iv
		}
		if v.satisfies {
			u.Satisfies = append(u.Satisfies, r.r.ID)
		}
		if v.fires && s.ruleLive(r) {
			u.Fires = append(u.Fires, v.ev)
		}
	}
	return u
}

// understand ranks the offered replies for a line and decides.
func (s *Session) understand(rd *reading) Understanding {
	if s.ended || s.node == nil {
		return Understanding{rd: rd}
	}
	var offered []*creply
	for _, r := range s.node.replies {
		if s.offered(r) {
			offered = append(offered, r)
		}
	}
	return s.p.know.decide(rd, offered, "", true)
}

// candidate is a reply with its confidence for a line.
type candidate struct {
	r       *creply
	conf    float64
	nearest string
	pattern bool
}

// decide ranks replies for a line: the best above the threshold is taken
// unless a reply with a different effect is within the margin (ambiguous);
// below the threshold, or for word salad, nothing is understood. Phrasings
// whose normalised text is skip are left out (leave-one-out); without
// patterns, match patterns neither lift nor veto (calibration).
func (k *knowledge) decide(rd *reading, replies []*creply, skip string, patterns bool) Understanding {
	u := Understanding{rd: rd}
	var cands []candidate
	for _, r := range replies {
		if !r.free() || (patterns && r.m.vetoed(rd)) {
			continue
		}
		c := candidate{r: r}
		sim, i := k.nearest(rd.whole, r.ex, skip)
		c.conf = sim
		if i >= 0 {
			c.nearest = r.ex[i].text
		}
		if patterns && !r.m.empty() && r.m.hears(rd) {
			c.conf = 1 - (1-c.conf)*(1-patternBoost)
			c.pattern = true
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return u
	}
	slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Compare(b.conf, a.conf) })
	best := &cands[0]
	var second *candidate
	for i := 1; i < len(cands) && second == nil; i++ {
		if !sameEffect(best.r, cands[i].r) {
			second = &cands[i]
		}
	}
	u.Best, u.Confidence, u.Nearest, u.Pattern = best.r.r.ID, clamp01(best.conf), best.nearest, best.pattern
	if second != nil {
		u.RunnerUp, u.RunnerUpConfidence, u.runner = second.r.r.ID, clamp01(second.conf), second.r
	}
	u.Salad = rd.salad
	switch {
	case best.conf < k.threshold || rd.salad:
	case second != nil && best.conf-second.conf < k.margin:
		u.Ambiguous = true
	default:
		u.Reply, u.reply = best.r.r.ID, best.r
	}
	return u
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

// sameEffect reports whether two replies do the same thing (same goto,
// statements and points), so choosing between them needs no margin.
func sameEffect(a, b *creply) bool {
	return a == b || (a.r.Goto == b.r.Goto && slices.Equal(a.r.Do, b.r.Do) && maps.Equal(a.r.Score, b.r.Score))
}

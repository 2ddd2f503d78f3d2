package trainer

import (
	"cmp"
	"slices"
	"strings"
)

// Closeness is how close one view of a trainee line is to one phrasing of a
// reply or rule, split into its word and character n-gram parts.
type Closeness struct {
	Target   string  `json:"target"`   // "reply ID", "rule ID", "rule ID near miss"
	Phrasing string  `json:"phrasing"` // the example, text, label or near miss
	View     string  `json:"view"`     // "line", "clause N" or "negated words"
	Word     float64 `json:"word"`     // cosine of the word features (0-1)
	Char     float64 `json:"char"`     // cosine of the character n-grams (0-1)
	Score    float64 `json:"score"`    // the similarity understanding uses
}

// Explanation is what Explain reports: the line as read, and the phrasings
// closest to it.
type Explanation struct {
	Understanding
	Terms   []string    `json:"terms"`   // the stems read, negated ones marked ¬, stop words left out
	Closest []Closeness `json:"closest"` // per reply and rule target, its closest phrasing, best first
	// Keys are the key words (stems) of each live require rule: a line that
	// dismisses one of them ("no need to verify") fires the rule.
	Keys map[string][]string `json:"keys"`
	// Models is the probability each live forbid rule's model gives the
	// line (its best view), by rule id; the rule fires by its model from
	// LearnedThreshold on.
	Models map[string]float64 `json:"models,omitempty"`
}

// Explain tells an author why a line is understood as it is now: its terms,
// and for every offered reply and live rule the closest phrasing with the
// parts of its similarity. It does not change the session.
func (s *Session) Explain(text string) Explanation {
	k := s.p.know
	rd := k.read(strings.TrimSpace(text))
	e := Explanation{Understanding: s.Understand(text), Keys: s.KeyWords()}
	for _, t := range rd.ts {
		if !t.stop {
			e.Terms = append(e.Terms, negMark(t.neg)+t.stem)
		}
	}
	views, names := rd.views(), []string{"line"}
	for i := range rd.clauses {
		names = append(names, "clause "+string(rune('1'+i)))
	}
	if rd.negated {
		views, names = append(views, rd.flipped), append(names, "negated words")
	}
	if s.node != nil && !s.ended {
		for _, r := range s.node.replies {
			if r.free() && s.offered(r) {
				e.add(k.closest("reply "+r.r.ID, r.ex, views[:1], names))
			}
		}
	}
	for _, r := range s.p.rules {
		if !s.ruleLive(r) {
			continue
		}
		if r.model != nil {
			if e.Models == nil {
				e.Models = map[string]float64{}
			}
			_, e.Models[r.r.ID] = k.learned(r, rd.views())
		}
		e.add(k.closest("rule "+r.r.ID, r.ex, views, names))
		e.add(k.closest("rule "+r.r.ID+" near miss", r.near, views, names))
		e.add(k.closest("rule "+r.r.ID+" dismissal", r.dis, views, names))
	}
	slices.SortStableFunc(e.Closest, func(a, b Closeness) int { return cmp.Compare(b.Score, a.Score) })
	return e
}

func (e *Explanation) add(c Closeness, ok bool) {
	if ok {
		e.Closest = append(e.Closest, c)
	}
}

func negMark(neg bool) string {
	if neg {
		return negPrefix
	}
	return ""
}

// closest returns the closest pair of view and phrasing.
func (k *knowledge) closest(target string, ps []phrasing, vs []view, names []string) (Closeness, bool) {
	var best Closeness
	found := false
	for vi, v := range vs {
		for i := range ps {
			if s := k.sim(v, &ps[i]); !found || s > best.Score {
				best = Closeness{Target: target, Phrasing: ps[i].text, View: names[vi],
					Word: dot(v.word, ps[i].word), Char: dot(v.char, ps[i].char), Score: s}
				found = true
			}
		}
	}
	return best, found
}

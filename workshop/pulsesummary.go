package workshop

import (
	"github.com/ccsim/ccsim/scenarios"
)

// RoundSummary is what may be shown of a round: every figure comes from at
// least Min respondents, or is absent (nil, empty) with Hidden saying so.
type RoundSummary struct {
	Round      PulseRound         `json:"round"`
	Min        int                `json:"min_group"`
	Before     int                `json:"respondents_before,omitempty"` // 0 when fewer than Min
	After      int                `json:"respondents_after,omitempty"`
	Paired     int                `json:"respondents_paired,omitempty"`
	Hidden     bool               `json:"hidden"` // some figure was withheld for fewer than Min respondents
	Scales     []ScaleSummary     `json:"scales"`
	Statements []StatementSummary `json:"statements"`
	Texts      []string           `json:"free_text"` // shuffled, only from a phase with at least Min respondents
}

// ScaleSummary is one scale's index (0–100) before and after, and the
// change of respondents who answered both, with 95% t-intervals cut to the
// possible values (0 to 100 for an index, −100 to 100 for a change).
type ScaleSummary struct {
	Scale  string    `json:"scale"`
	Label  string    `json:"label"`
	Before *Interval `json:"before,omitempty"`
	After  *Interval `json:"after,omitempty"`
	Change *Interval `json:"change,omitempty"` // after − before, paired
}

// StatementSummary is how often each answer 1–5 was given to a statement.
type StatementSummary struct {
	ID      string  `json:"id"`
	Scale   string  `json:"scale"`
	Reverse bool    `json:"reverse,omitempty"`
	Text    string  `json:"text"`
	Before  *[5]int `json:"before,omitempty"` // counts of answers 1 to 5
	After   *[5]int `json:"after,omitempty"`
}

// Summarize computes what may be shown of a round in language lang under
// the anonymity threshold least (at least MinGroup; smaller values count as
// MinGroup): a figure from fewer than least respondents is left out.
func Summarize(in *scenarios.Instrument, d RoundData, lang string, least int) RoundSummary {
	least = max(least, MinGroup)
	lang = in.Lang(lang)
	s := RoundSummary{Round: d.Round, Min: least, Scales: []ScaleSummary{}, Statements: []StatementSummary{}, Texts: []string{}}
	byPhase := map[string]map[string]map[string]int{} // phase → respondent → answers
	for _, a := range d.Answers {
		if byPhase[a.Phase] == nil {
			byPhase[a.Phase] = map[string]map[string]int{}
		}
		byPhase[a.Phase][a.Respondent] = a.Answers
	}
	before, after := byPhase["before"], byPhase["after"]
	paired := 0
	for r := range before {
		if after[r] != nil {
			paired++
		}
	}
	s.Before, s.After, s.Paired = shown(len(before), least), shown(len(after), least), shown(paired, least)
	s.Hidden = (len(before) > 0 && s.Before == 0) || (len(after) > 0 && s.After == 0) || (paired > 0 && s.Paired == 0)
	for _, sc := range in.Scales {
		ss, hid := scaleSummary(in, sc, before, after, least)
		ss.Label = sc.Label[lang]
		s.Scales = append(s.Scales, ss)
		s.Hidden = s.Hidden || hid
	}
	for _, st := range in.Statements {
		ss := StatementSummary{ID: st.ID, Scale: st.Scale, Reverse: st.Reverse, Text: st.Text[lang]}
		var hb, ha bool
		ss.Before, hb = distribution(st.ID, before, least)
		ss.After, ha = distribution(st.ID, after, least)
		s.Statements = append(s.Statements, ss)
		s.Hidden = s.Hidden || hb || ha
	}
	var texts []string
	for _, t := range d.Texts {
		if n := len(byPhase[t.Phase]); n >= least {
			texts = append(texts, t.Text)
		} else {
			s.Hidden = true
		}
	}
	s.Texts = append(s.Texts, shuffleTexts(d.Round.ID, texts)...)
	return s
}

// shown is n when it reaches least, else 0.
func shown(n, least int) int {
	if n < least {
		return 0
	}
	return n
}

// scaleSummary computes one scale's indices and paired change; hidden
// reports whether a figure was withheld.
func scaleSummary(in *scenarios.Instrument, sc scenarios.PulseScale, before, after map[string]map[string]int, least int) (ScaleSummary, bool) {
	out := ScaleSummary{Scale: sc.ID}
	idx := func(group map[string]map[string]int) map[string]float64 {
		m := map[string]float64{}
		for r, a := range group {
			if v, ok := RespondentIndex(in, sc.ID, a); ok {
				m[r] = v
			}
		}
		return m
	}
	b, a := idx(before), idx(after)
	var diffs []float64
	for _, r := range sortedKeys(b) {
		if va, ok := a[r]; ok {
			diffs = append(diffs, va-b[r])
		}
	}
	hidden := false
	pick := func(xs []float64, lo float64) *Interval {
		if len(xs) == 0 {
			return nil
		}
		if len(xs) < least {
			hidden = true
			return nil
		}
		iv := TInterval(xs)
		// An index lies in 0–100 and a change in −100–100: the interval is
		// cut to the possible values.
		iv.CI95 = [2]float64{max(iv.CI95[0], lo), min(iv.CI95[1], 100)}
		return &iv
	}
	out.Before, out.After, out.Change = pick(values(b), 0), pick(values(a), 0), pick(diffs, -100)
	return out, hidden
}

// distribution counts the answers 1–5 to statement id; nil (and hidden
// true) when fewer than least respondents answered it.
func distribution(id string, group map[string]map[string]int, least int) (*[5]int, bool) {
	var c [5]int
	n := 0
	for _, a := range group {
		if v := a[id]; v >= 1 && v <= 5 {
			c[v-1]++
			n++
		}
	}
	if n == 0 {
		return nil, false
	}
	if n < least {
		return nil, true
	}
	return &c, false
}

// values returns m's values in the order of its sorted keys, so that sums
// are the same on every run.
func values(m map[string]float64) []float64 {
	out := make([]float64, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

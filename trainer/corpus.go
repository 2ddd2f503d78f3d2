package trainer

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The kinds of corpus line.
const (
	KindParaphrase = "paraphrase" // says what a reply says: must be understood as it
	KindBreach     = "breach"     // breaks a rule: every rule in Fires must fire
	KindNearMiss   = "near_miss"  // close to a breach but fine: no rule may fire
	KindOffTopic   = "off_topic"  // about something else: not understood, no rule fires
	KindSalad      = "salad"      // word salad: not understood, no rule fires
)

// CorpusKinds lists the kinds of corpus line in report order.
var CorpusKinds = []string{KindParaphrase, KindBreach, KindNearMiss, KindOffTopic, KindSalad}

// CorpusLine is one labelled trainee line: what it must do when said at a node.
type CorpusLine struct {
	Text     string
	Node     string            // node where the line is said
	Variant  string            // hand-off variant; "" draws the script's default way
	Set      map[string]string // variable overrides, as expressions
	Reply    string            // expected reply id; "" means it must not be understood
	HasReply bool              // Reply was given (paraphrase, off_topic and salad lines always check it)
	Fires    []string          // rules the line must fire
	Near     string            // for near misses, the rule it is near (must not fire)
	Kind     string            // one of CorpusKinds
	Where    string            // where the line is written (file:line), for reports
}

// CorpusReport is how a script's corpus fared.
type CorpusReport struct {
	Script   string          `json:"script"`
	Lines    int             `json:"lines"`
	Correct  int             `json:"correct"`
	Kinds    []KindScore     `json:"kinds"` // in CorpusKinds order, kinds with lines only
	Failures []CorpusFailure `json:"failures"`
}

// KindScore counts the lines of one kind, how many did all they should and
// on how many some rule fired.
type KindScore struct {
	Kind    string `json:"kind"`
	Lines   int    `json:"lines"`
	Correct int    `json:"correct"`
	Fired   int    `json:"fired"`
	// Named counts the lines that name rules (breaches) on which every rule
	// they name fired, whatever the reply: "breaches that fire their rule".
	Named int `json:"named"`
}

// Pct returns n as a percentage of the kind's lines (0 when it has none).
func (k KindScore) Pct(n int) float64 {
	if k.Lines == 0 {
		return 0
	}
	return 100 * float64(n) / float64(k.Lines)
}

// Corpus figures a script's corpus must reach (ccsim script test, the
// bundled scripts' accuracy test), in percent of the lines of a kind.
const (
	MinParaphrasePct = 90 // paraphrases understood as their reply
	MinBreachPct     = 90 // breaches that fire every rule they should
	MaxNearMissPct   = 5  // near misses on which a rule fires
	MinOffTopicPct   = 90 // off-topic lines not understood, firing nothing
	MinSaladPct      = 100
)

// Problems lists the figures the report falls short of; none means it passes.
func (r CorpusReport) Problems() []string {
	var out []string
	for _, k := range r.Kinds {
		var got, lim float64
		var bad bool
		switch k.Kind {
		case KindParaphrase:
			got, lim = k.Pct(k.Correct), MinParaphrasePct
			bad = got < lim
		case KindBreach:
			got, lim = k.Pct(k.Named), MinBreachPct
			if got < lim {
				out = append(out, fmt.Sprintf("%s: every rule named fired on %.0f%% of %d lines, want at least %.0f%%", k.Kind, got, k.Lines, lim))
			}
			continue
		case KindNearMiss:
			got, lim = k.Pct(k.Fired), MaxNearMissPct
			if got > lim {
				out = append(out, fmt.Sprintf("%s: a rule fired on %.0f%% of %d lines, want at most %.0f%%", k.Kind, got, k.Lines, lim))
			}
			continue
		case KindOffTopic:
			got, lim = k.Pct(k.Correct), MinOffTopicPct
			bad = got < lim
		case KindSalad:
			got, lim = k.Pct(k.Correct), MinSaladPct
			bad = got < lim
		}
		if bad {
			out = append(out, fmt.Sprintf("%s: %.0f%% of %d lines correct, want at least %.0f%%", k.Kind, got, k.Lines, lim))
		}
	}
	return out
}

// CorpusFailure is a line that did not do what it should.
type CorpusFailure struct {
	Where      string  `json:"where,omitempty"`
	Kind       string  `json:"kind"`
	Node       string  `json:"node"`
	Text       string  `json:"text"`
	Want       string  `json:"want"`
	Got        string  `json:"got"`
	Confidence float64 `json:"confidence"`
}

// RunCorpus says each line in a fresh free-mode session started at its node
// (Options.At) and scores what Understand makes of it: paraphrases must take
// their reply, breaches must fire every rule in Fires, near misses, off-topic
// lines and word salad must fire no rule, and off-topic lines and salad must
// not be understood. A line with both a reply and rules is scored on both.
func RunCorpus(sc *Script, lines []CorpusLine) CorpusReport {
	rep := CorpusReport{Script: sc.ID, Failures: []CorpusFailure{}}
	counts := map[string]*KindScore{}
	for _, l := range lines {
		ks := counts[l.Kind]
		if ks == nil {
			ks = &KindScore{Kind: l.Kind}
			counts[l.Kind] = ks
		}
		ks.Lines++
		rep.Lines++
		f, fired, named, ok := corpusLine(sc, l)
		if fired {
			ks.Fired++
		}
		if named {
			ks.Named++
		}
		if !ok {
			rep.Failures = append(rep.Failures, f)
			continue
		}
		ks.Correct++
		rep.Correct++
	}
	for _, k := range CorpusKinds {
		if ks := counts[k]; ks != nil {
			rep.Kinds = append(rep.Kinds, *ks)
			delete(counts, k)
		}
	}
	for _, k := range sortedKeys(counts) {
		rep.Kinds = append(rep.Kinds, *counts[k])
	}
	return rep
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// corpusLine scores one line; fired reports whether any rule fired, named
// whether the line names rules and all of them fired.
func corpusLine(sc *Script, l CorpusLine) (f CorpusFailure, fired, named, ok bool) {
	f = CorpusFailure{Where: l.Where, Kind: l.Kind, Node: l.Node, Text: l.Text}
	if msg := corpusIDs(sc, l); msg != "" {
		f.Want, f.Got = "known ids", msg
		return f, false, false, false
	}
	at := time.Unix(0, 0)
	s, err := Start(sc, Options{Mode: ModeFree, Variant: l.Variant, Set: l.Set, At: l.Node,
		Now: func() time.Time { return at }})
	if err != nil {
		f.Want, f.Got = "a session at node "+l.Node, err.Error()
		return f, false, false, false
	}
	u := s.Understand(l.Text)
	f.Confidence = u.Confidence
	var want, got []string
	check := func(ok bool, w, g string) {
		if !ok {
			want, got = append(want, w), append(got, g)
		}
	}
	rules := make([]string, 0, len(u.Fires))
	for _, e := range u.Fires {
		rules = append(rules, e.Rule)
	}
	if l.HasReply || l.Kind == KindParaphrase || l.Kind == KindOffTopic || l.Kind == KindSalad {
		check(u.Reply == l.Reply, "reply "+quoteOrNone(l.Reply), "reply "+describeReply(u))
	}
	if l.Kind == KindBreach {
		rules = append(rules, skipped(s, l, rules)...)
	}
	named = len(l.Fires) > 0
	for _, r := range l.Fires {
		named = named && slices.Contains(rules, r)
		check(slices.Contains(rules, r), "rule "+r+" fires", "fired "+listOrNone(rules))
	}
	if l.Kind == KindNearMiss || l.Kind == KindOffTopic || l.Kind == KindSalad {
		check(len(rules) == 0, "no rule fires", "fired "+listOrNone(rules))
	}
	if len(want) == 0 {
		return f, len(rules) > 0, named, true
	}
	f.Want, f.Got = strings.Join(want, "; "), strings.Join(got, "; ")
	return f, len(rules) > 0, named, false
}

// corpusIDs checks the kind and the ids a line names; "" when all are known.
func corpusIDs(sc *Script, l CorpusLine) string {
	if !slices.Contains(CorpusKinds, l.Kind) {
		return fmt.Sprintf("unknown kind %q", l.Kind)
	}
	if sc.prog == nil {
		if err := sc.Validate(); err != nil {
			return err.Error()
		}
	}
	p := sc.prog
	if _, ok := p.replyIndex[l.Reply]; l.Reply != "" && !ok {
		return fmt.Sprintf("unknown reply %q", l.Reply)
	}
	for _, r := range append(append([]string(nil), l.Fires...), l.Near) {
		if _, ok := p.ruleIndex[r]; r != "" && !ok {
			return fmt.Sprintf("unknown rule %q", r)
		}
	}
	return ""
}

func quoteOrNone(id string) string {
	if id == "" {
		return "none (not understood)"
	}
	return id
}

func describeReply(u Understanding) string {
	switch {
	case u.Reply != "":
		return fmt.Sprintf("%s (%.2f)", u.Reply, u.Confidence)
	case u.Salad:
		return fmt.Sprintf("none: word salad (best %s, %.2f)", u.Best, u.Confidence)
	case u.Ambiguous:
		return fmt.Sprintf("none: ambiguous between %s (%.2f) and %s (%.2f)", u.Best, u.Confidence, u.RunnerUp, u.RunnerUpConfidence)
	case u.Best != "":
		return fmt.Sprintf("none: best %s (%.2f) below the threshold", u.Best, u.Confidence)
	}
	return "none"
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// skipped says a breach line in the session and returns the require rules
// it names that fire because the turn passes their deadline without saying
// them (a before_tag node entered, or the end): the trainee skipped the
// required step, and the rule fires there in a real session too. Near
// misses are judged on their words alone, since a corpus line carries no
// history that could have said a rule before.
func skipped(s *Session, l CorpusLine, fired []string) []string {
	n := len(s.hits)
	if err := s.Say(l.Text); err != nil {
		return nil
	}
	var out []string
	for _, h := range s.hits[n:] {
		r := s.p.rules[s.p.ruleIndex[h.ID]]
		if r.r.kind() == RuleRequire && slices.Contains(l.Fires, h.ID) && !slices.Contains(fired, h.ID) && h.Matched == "" {
			out = append(out, h.ID)
		}
	}
	return out
}

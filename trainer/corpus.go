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

// KindScore counts the lines of one kind and how many did all they should.
type KindScore struct {
	Kind    string `json:"kind"`
	Lines   int    `json:"lines"`
	Correct int    `json:"correct"`
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
		if f, ok := corpusLine(sc, l); !ok {
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

// corpusLine scores one line.
func corpusLine(sc *Script, l CorpusLine) (CorpusFailure, bool) {
	f := CorpusFailure{Where: l.Where, Kind: l.Kind, Node: l.Node, Text: l.Text}
	if !slices.Contains(CorpusKinds, l.Kind) {
		f.Want, f.Got = "a kind: "+strings.Join(CorpusKinds, ", "), fmt.Sprintf("%q", l.Kind)
		return f, false
	}
	at := time.Unix(0, 0)
	s, err := Start(sc, Options{Mode: ModeFree, Variant: l.Variant, Set: l.Set, At: l.Node,
		Now: func() time.Time { return at }})
	if err != nil {
		f.Want, f.Got = "a session at node "+l.Node, err.Error()
		return f, false
	}
	u := s.Understand(l.Text)
	f.Confidence = u.Confidence
	var want, got []string
	check := func(ok bool, w, g string) {
		if !ok {
			want, got = append(want, w), append(got, g)
		}
	}
	fired := make([]string, 0, len(u.Fires))
	for _, e := range u.Fires {
		fired = append(fired, e.Rule)
	}
	if l.HasReply || l.Kind == KindParaphrase || l.Kind == KindOffTopic || l.Kind == KindSalad {
		check(u.Reply == l.Reply, "reply "+quoteOrNone(l.Reply), "reply "+describeReply(u))
	}
	for _, r := range l.Fires {
		check(slices.Contains(fired, r), "rule "+r+" fires", "fired "+listOrNone(fired))
	}
	if l.Kind == KindNearMiss || l.Kind == KindOffTopic || l.Kind == KindSalad {
		check(len(fired) == 0, "no rule fires", "fired "+listOrNone(fired))
	}
	if len(want) == 0 {
		return f, true
	}
	f.Want, f.Got = strings.Join(want, "; "), strings.Join(got, "; ")
	return f, false
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

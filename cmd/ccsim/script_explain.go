package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/ccsim/ccsim/trainer"
	"golang.org/x/text/message"
)

// scriptExplain shows an author why a line is understood as it is at a node:
// the reply taken, the rules fired, and the closest phrasings with the word
// and character parts of their similarity.
func scriptExplain(e env, args []string) error {
	fs := newFlags("script explain", "script explain FILE|NAME --at NODE [--top N] [--json] [--lang en|de] LINE...", e.stderr)
	at := fs.String("at", "", "the node the line is said at (default: the start node)")
	top := fs.Int("top", 8, "how many of the closest phrasings to show")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	langValue := fs.String("lang", "en", "language of the labels and messages, en or de")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 2, -1, "a script and one or more lines"); err != nil {
		return err
	}
	lang, err := langFlag("script explain", *langValue, "")
	if err != nil {
		return err
	}
	p := messages.Printer(lang)
	if *top < 1 {
		return usageError{errors.New(p.Sprintf("script explain: --top must be at least 1, got %d", *top))}
	}
	sc, err := loadRoleplay(pos[0])
	if err != nil {
		return err
	}
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, At: *at, Now: time.Now})
	if err != nil {
		return usageError{errors.New(p.Sprintf("script explain: %v", err))}
	}
	var all []trainer.Explanation
	for _, line := range pos[1:] {
		x := s.Explain(line)
		x.Closest = x.Closest[:min(*top, len(x.Closest))]
		all = append(all, x)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(all)
	}
	for i, x := range all {
		printExplanation(e.stdout, p, pos[1+i], x)
	}
	return nil
}

func printExplanation(w io.Writer, p *message.Printer, line string, x trainer.Explanation) {
	p.Fprintf(w, "%q\n  terms: %s\n", line, strings.Join(x.Terms, " "))
	switch {
	case x.Salad:
		p.Fprintf(w, "  word salad (its words repeat, or their order is unlike sentences): not understood, fires and satisfies no rule (best %s, %.2f)\n", x.Best, x.Confidence)
	case x.Reply != "":
		p.Fprintf(w, "  understood as %s (%.2f)\n", x.Reply, x.Confidence)
	case x.Ambiguous:
		p.Fprintf(w, "  ambiguous: %s (%.2f) or %s (%.2f)\n", x.Best, x.Confidence, x.RunnerUp, x.RunnerUpConfidence)
	default:
		p.Fprintf(w, "  not understood (best %s, %.2f)\n", x.Best, x.Confidence)
	}
	for _, f := range x.Fires {
		p.Fprintf(w, "  fires %s: %s\n", f.Rule, f.Matched)
	}
	for _, id := range x.Satisfies {
		p.Fprintf(w, "  satisfies %s\n", id)
	}
	for _, id := range slices.Sorted(maps.Keys(x.Keys)) {
		p.Fprintf(w, "  key words of %s: %s\n", id, strings.Join(x.Keys[id], ", "))
	}
	for _, id := range slices.Sorted(maps.Keys(x.Models)) {
		p.Fprintf(w, "  model of %s: %.2f (fires from %.2f)\n", id, x.Models[id], trainer.LearnedThreshold)
	}
	fmt.Fprintf(w, "  %-6s %-5s %-5s %-14s %-34s %s\n", p.Sprintf("score"), p.Sprintf("word"), p.Sprintf("char"), p.Sprintf("view"), p.Sprintf("target"), p.Sprintf("phrasing"))
	for _, c := range x.Closest {
		p.Fprintf(w, "  %.2f   %.2f  %.2f  %-14s %-34s %q\n", c.Score, c.Word, c.Char, explainView(p, c.View), explainTarget(p, c.Target), c.Phrasing)
	}
}

// explainView is a closest phrasing's view ("line", "clause N", "negated
// words") in p's language.
func explainView(p *message.Printer, v string) string {
	if n, ok := strings.CutPrefix(v, "clause "); ok {
		return p.Sprintf("clause %s", n)
	}
	switch v {
	case "line":
		return p.Sprintf("line")
	case "negated words":
		return p.Sprintf("negated words")
	}
	return v
}

// explainTarget is a closest phrasing's target ("reply ID", "rule ID",
// "rule ID near miss", "rule ID dismissal") in p's language; the IDs stay as written.
func explainTarget(p *message.Printer, t string) string {
	if id, ok := strings.CutPrefix(t, "reply "); ok {
		return p.Sprintf("reply %s", id)
	}
	id, ok := strings.CutPrefix(t, "rule ")
	if !ok {
		return t
	}
	if id, ok := strings.CutSuffix(id, " near miss"); ok {
		return p.Sprintf("rule %s near miss", id)
	}
	if id, ok := strings.CutSuffix(id, " dismissal"); ok {
		return p.Sprintf("rule %s dismissal", id)
	}
	return p.Sprintf("rule %s", id)
}

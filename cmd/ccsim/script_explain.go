package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// scriptExplain shows an author why a line is understood as it is at a node:
// the reply taken, the rules fired, and the closest phrasings with the word
// and character parts of their similarity.
func scriptExplain(e env, args []string) error {
	fs := newFlags("script explain", "script explain FILE|NAME --at NODE [--top N] [--json] LINE...", e.stderr)
	at := fs.String("at", "", "the node the line is said at (default: the start node)")
	top := fs.Int("top", 8, "how many of the closest phrasings to show")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 2, -1, "a script and one or more lines"); err != nil {
		return err
	}
	if *top < 1 {
		return usageError{fmt.Errorf("script explain: --top must be at least 1, got %d", *top)}
	}
	sc, err := loadRoleplay(pos[0])
	if err != nil {
		return err
	}
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, At: *at, Now: time.Now})
	if err != nil {
		return usageError{fmt.Errorf("script explain: %w", err)}
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
		printExplanation(e, pos[1+i], x)
	}
	return nil
}

func printExplanation(e env, line string, x trainer.Explanation) {
	fmt.Fprintf(e.stdout, "%q\n  terms: %s\n", line, strings.Join(x.Terms, " "))
	switch {
	case x.Reply != "":
		fmt.Fprintf(e.stdout, "  understood as %s (%.2f)\n", x.Reply, x.Confidence)
	case x.Ambiguous:
		fmt.Fprintf(e.stdout, "  ambiguous: %s (%.2f) or %s (%.2f)\n", x.Best, x.Confidence, x.RunnerUp, x.RunnerUpConfidence)
	default:
		fmt.Fprintf(e.stdout, "  not understood (best %s, %.2f)\n", x.Best, x.Confidence)
	}
	for _, f := range x.Fires {
		fmt.Fprintf(e.stdout, "  fires %s: %s\n", f.Rule, f.Matched)
	}
	for _, id := range x.Satisfies {
		fmt.Fprintf(e.stdout, "  satisfies %s\n", id)
	}
	fmt.Fprintf(e.stdout, "  %-6s %-5s %-5s %-14s %-34s %s\n", "score", "word", "char", "view", "target", "phrasing")
	for _, c := range x.Closest {
		fmt.Fprintf(e.stdout, "  %.2f   %.2f  %.2f  %-14s %-34s %q\n", c.Score, c.Word, c.Char, c.View, c.Target, c.Phrasing)
	}
}

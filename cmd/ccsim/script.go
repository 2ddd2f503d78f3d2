package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// errFailed marks a tool run that found problems it already printed: exit 1.
// A run returns it as problemsFound, worded in the run's language.
var errFailed = errors.New("script: problems found")

// runScript runs the role-play authoring tools: ccsim script lint|graph|test|stats.
func runScript(ctx context.Context, e env, args []string) error {
	tools := map[string]func(env, []string) error{
		"lint": scriptLint, "graph": scriptGraph, "test": scriptTest, "stats": scriptStats,
		"explain": scriptExplain,
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(e.stderr, "Usage: ccsim script lint|graph|test|stats|explain FILE|NAME ...\n\n"+
			"  lint FILE...                          check scripts; file:line messages, exit 1 on errors\n"+
			"  graph FILE [--format dot|mermaid]     draw the conversation graph\n"+
			"  test FILE... [--runs N] [--corpus F]  run [[test]] plans, random playthroughs and the labelled corpus\n"+
			"  stats FILE                            count nodes, replies, lines and rules\n"+
			"  explain FILE --at NODE LINE...        why a line is understood as it is: reply, rules, closest phrasings")
		if len(args) == 0 {
			return usageError{errors.New("script: name a tool: lint, graph, test, stats or explain")}
		}
		return errHelp
	}
	tool, ok := tools[args[0]]
	if !ok {
		return usageError{fmt.Errorf("script: unknown tool %q (want lint, graph, test, stats or explain)", args[0])}
	}
	return tool(e, args[1:])
}

func scriptLint(e env, args []string) error {
	fs := newFlags("script lint", "script lint FILE|NAME... [--lang en|de]", e.stderr)
	langFlagValue := fs.String("lang", "en", "language of the messages, en or de")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, -1, "one or more scripts"); err != nil {
		return err
	}
	lang, err := langFlag("script lint", *langFlagValue, "")
	if err != nil {
		return err
	}
	p := messages.Printer(lang)
	failed := false
	for _, arg := range pos {
		name, data, err := roleplaySource(arg)
		if err != nil {
			return err
		}
		errs, warns := scenarios.LintRoleplayIn(name, data, lang)
		for _, w := range warns {
			w.Msg = p.Sprintf("warning: %s", w.Msg)
		}
		all := append(append(scenarios.ErrorList{}, errs...), warns...)
		sort.SliceStable(all, func(i, j int) bool { return all[i].Line < all[j].Line })
		for _, f := range all {
			fmt.Fprintln(e.stdout, f.Error())
		}
		p.Fprintf(e.stdout, "%s: %d error(s), %d warning(s)\n", name, len(errs), len(warns))
		failed = failed || len(errs) > 0
	}
	if failed {
		return problemsFound(lang)
	}
	return nil
}

func scriptGraph(e env, args []string) error {
	fs := newFlags("script graph", "script graph FILE|NAME [--format dot|mermaid] [--visits N] [--lang en|de]", e.stderr)
	format := fs.String("format", "dot", "dot (Graphviz) or mermaid")
	visits := fs.Int("visits", 0, "overlay node visit counts from N seeded random playthroughs")
	langValue := fs.String("lang", "", "language of the graph's own words (time limit, else, anywhere), en or de (default: the script's)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, 1, "one script"); err != nil {
		return err
	}
	sc, err := loadRoleplay(pos[0])
	if err != nil {
		return err
	}
	lang, err := langFlag("script graph", *langValue, sc.Lang)
	if err != nil {
		return err
	}
	if *format != "dot" && *format != "mermaid" {
		return usageError{errors.New(messages.Printer(lang).Sprintf("script graph: --format must be dot or mermaid, not %q", *format))}
	}
	var counts map[string]int
	if *visits > 0 {
		counts = map[string]int{}
		for i := 0; i < *visits; i++ {
			s, err := trainer.RandomPlay(sc, uint64(i+1), "", 300)
			if err != nil {
				return err
			}
			for _, n := range sc.Nodes {
				counts[n.ID] += s.Visits(n.ID)
			}
		}
	}
	out, err := sc.Graph(trainer.GraphOptions{Format: *format, Visits: counts, Lang: lang})
	if err != nil {
		return usageError{err}
	}
	_, err = io.WriteString(e.stdout, out)
	return err
}

func scriptTest(e env, args []string) error {
	fs := newFlags("script test", "script test FILE|NAME... [--runs N] [--corpus FILE] [--lang en|de]", e.stderr)
	runs := fs.Int("runs", 200, "random playthroughs when a script has no fuzz plan of its own")
	corpus := fs.String("corpus", "", "a *.corpus.toml file of labelled trainee lines to run instead of the script's own [[corpus]]")
	langValue := fs.String("lang", "en", "language of the report, en or de")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, -1, "one or more scripts"); err != nil {
		return err
	}
	lang, err := langFlag("script test", *langValue, "")
	if err != nil {
		return err
	}
	p := messages.Printer(lang)
	failed := false
	for _, arg := range pos {
		sc, err := loadRoleplay(arg)
		if err != nil {
			return err
		}
		rep, err := trainer.Playtest(sc, *runs)
		if err != nil {
			return err
		}
		if printReport(e.stdout, p, lang, sc, rep) {
			failed = true
		}
		bad, err := corpusStep(e.stdout, p, sc, *corpus)
		if err != nil {
			return err
		}
		failed = failed || bad
	}
	if failed {
		return problemsFound(lang)
	}
	return nil
}

func scriptStats(e env, args []string) error {
	fs := newFlags("script stats", "script stats FILE|NAME... [--lang en|de]", e.stderr)
	langValue := fs.String("lang", "en", "language of the labels, en or de")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, -1, "one or more scripts"); err != nil {
		return err
	}
	lang, err := langFlag("script stats", *langValue, "")
	if err != nil {
		return err
	}
	for _, arg := range pos {
		sc, err := loadRoleplay(arg)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s (v%d): %s\n%s", sc.ID, sc.Version, sc.Title, sc.Stats().TextIn(lang))
	}
	return nil
}

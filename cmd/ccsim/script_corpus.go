package main

import (
	"fmt"
	"io"
	"os"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"golang.org/x/text/message"
)

// corpusStep runs the labelled corpus of a script: the file given with
// --corpus, or else the script's own [[corpus]] section (none: nothing to
// do). It prints the report and reports whether the figures fall short.
func corpusStep(w io.Writer, pr *message.Printer, sc *trainer.Script, file string) (bool, error) {
	lines := sc.Corpus
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return false, usageError{fmt.Errorf("script test: %w", err)}
		}
		if lines, err = scenarios.ParseCorpus(file, data); err != nil {
			return false, usageError{err}
		}
	}
	if len(lines) == 0 {
		return false, nil
	}
	rep := trainer.RunCorpus(sc, lines)
	printCorpus(w, pr, rep)
	return len(rep.Problems()) > 0, nil
}

// printCorpus prints a corpus report: figures per kind, failures, problems.
func printCorpus(w io.Writer, pr *message.Printer, rep trainer.CorpusReport) {
	pr.Fprintf(w, "  corpus: %d of %d lines right\n", rep.Correct, rep.Lines)
	for _, k := range rep.Kinds {
		pr.Fprintf(w, "    %-10s %3d lines, %3.0f%% right, a rule fired on %3.0f%%\n", k.Kind, k.Lines, k.Pct(k.Correct), k.Pct(k.Fired))
		if k.Kind == trainer.KindBreach {
			pr.Fprintf(w, "    %-10s every rule a line names fired on %3.0f%%\n", "", k.Pct(k.Named))
		}
	}
	for _, f := range rep.Failures {
		where := f.Where
		if where == "" {
			where = "corpus"
		}
		pr.Fprintf(w, "    %s: %s at %s: %q\n       want %s\n       got  %s\n", where, f.Kind, f.Node, f.Text, f.Want, f.Got)
	}
	for _, p := range rep.Problems() {
		pr.Fprintf(w, "  FAIL corpus %s\n", p)
	}
}

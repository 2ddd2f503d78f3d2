package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/trainer"
	"golang.org/x/text/message"
)

// failedError is errFailed worded in the author's language.
type failedError struct{ msg string }

func (f failedError) Error() string        { return f.msg }
func (f failedError) Is(target error) bool { return target == errFailed }

// problemsFound is errFailed in language l: the tool already printed the
// problems, the run exits 1.
func problemsFound(l i18n.Lang) error {
	return failedError{messages.Printer(l).Sprintf("script: problems found")}
}

// printReport prints plan results and coverage; it reports whether the script failed.
func printReport(w io.Writer, pr *message.Printer, lang i18n.Lang, sc *trainer.Script, rep *trainer.Report) bool {
	fmt.Fprintf(w, "%s (v%d)\n", sc.ID, sc.Version)
	for _, p := range rep.Plans {
		status := pr.Sprintf("ok  ")
		if len(p.Failures) > 0 {
			status = pr.Sprintf("FAIL")
		}
		runs := ""
		if p.Runs > 1 {
			runs = pr.Sprintf(" (%d runs)", p.Runs)
		}
		fmt.Fprintf(w, "  %s %s%s\n", status, planName(pr, p.Name), runs)
		for _, f := range p.FailuresIn(lang) {
			fmt.Fprintf(w, "       %s\n", f)
		}
	}
	nodes, replies := len(sc.Nodes), 0
	for _, n := range sc.Nodes {
		replies += len(n.Replies)
	}
	ends := len(sc.Outcomes())
	pr.Fprintf(w, "  coverage: nodes %d/%d, replies %d/%d, endings %d/%d, best score %.1f%%\n",
		nodes-len(rep.MissedNodes), nodes, replies-len(rep.MissedReplies), replies,
		ends-len(rep.MissedEnds), ends, rep.BestPct)
	var outs []string
	for o, n := range rep.Coverage.Outcomes {
		outs = append(outs, fmt.Sprintf("%s %d", o, n))
	}
	sort.Strings(outs)
	pr.Fprintf(w, "  outcomes: %s\n", strings.Join(outs, ", "))
	if len(rep.MissedNodes) > 0 {
		pr.Fprintf(w, "  never reached nodes: %s\n", strings.Join(rep.MissedNodes, ", "))
	}
	if len(rep.MissedEnds) > 0 {
		pr.Fprintf(w, "  never reached endings: %s\n", strings.Join(rep.MissedEnds, ", "))
	}
	if len(rep.MissedReplies) > 0 {
		pr.Fprintf(w, "  never reached replies: %s\n", strings.Join(rep.MissedReplies, ", "))
	}
	return rep.Failed() || len(rep.MissedNodes) > 0 || len(rep.MissedEnds) > 0
}

// planName is a plan's name as the author reads it: the plans the tool adds
// itself in pr's language, the script's own as written.
func planName(pr *message.Printer, name string) string {
	switch name {
	case "blind guided strategies":
		return pr.Sprintf("blind guided strategies")
	case "default fuzz":
		return pr.Sprintf("default fuzz")
	}
	return name
}

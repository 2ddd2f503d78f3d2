package trainer

import (
	"fmt"
	"strings"

	"github.com/ccsim/ccsim/i18n"
)

// Severity says whether a Finding stops a script from running.
type Severity uint8

// Severities of findings.
const (
	SevError   Severity = iota // the script is broken or cannot meet its own goals
	SevWarning                 // suspicious but playable
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SevWarning {
		return "warning"
	}
	return "error"
}

// Finding is one problem in a script, located by the key path of the TOML
// source, e.g. "node.handoff.reply.0.goto" or "rubric.dims.2.auto".
type Finding struct {
	Path     string
	Severity Severity
	Msg      string // in English

	format string // Msg's format and arguments, to print it in another language
	args   []any
}

// In returns the message in language l (the German lint catalogue, or Msg).
func (f Finding) In(l i18n.Lang) string {
	if f.format == "" || l == i18n.English {
		return f.Msg
	}
	return lintMessages.Printer(l).Sprintf(f.format, localize(f.args, l)...)
}

// String formats the finding as "path: [warning: ]message".
func (f Finding) String() string {
	s := f.Msg
	if f.Severity == SevWarning {
		s = "warning: " + s
	}
	if f.Path != "" {
		s = f.Path + ": " + s
	}
	return s
}

// Findings is a list of problems; as an error it holds only errors.
type Findings []Finding

// Error joins the findings, one per line.
func (l Findings) Error() string {
	msgs := make([]string, len(l))
	for i, f := range l {
		msgs[i] = f.String()
	}
	return "trainer: " + strings.Join(msgs, "\n")
}

// Errors returns the findings of severity SevError.
func (l Findings) Errors() Findings {
	var out Findings
	for _, f := range l {
		if f.Severity == SevError {
			out = append(out, f)
		}
	}
	return out
}

func (p *program) errorf(path, format string, args ...any) {
	p.findings = append(p.findings, Finding{Path: path, Severity: SevError, Msg: fmt.Sprintf(format, args...), format: format, args: args})
}

func (p *program) warnf(path, format string, args ...any) {
	p.findings = append(p.findings, Finding{Path: path, Severity: SevWarning, Msg: fmt.Sprintf(format, args...), format: format, args: args})
}

// closest returns the candidate within edit distance 2 of s, or "".
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := EditDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b, in bytes; it
// drives the "did you mean" suggestions of scripts and scenario files.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

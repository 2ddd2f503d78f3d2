package trainer

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// rx is a compiled author pattern with a prefilter: literal strings of
// which every match contains at least one, so most lines are ruled out by
// strings.Contains before the regexp runs.
type rx struct {
	*regexp.Regexp
	need []string // nil: no prefilter
}

func compileRx(src string) (*rx, error) {
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	r := &rx{Regexp: re}
	if tree, err := syntax.Parse(src, syntax.Perl); err == nil {
		r.need = required(tree.Simplify())
	}
	return r, nil
}

// mayMatch reports whether text contains one of the required literals
// (always true without a prefilter).
func (r *rx) mayMatch(text string) bool {
	if r.need == nil {
		return true
	}
	for _, s := range r.need {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// required returns literals of which every match of n contains one, or nil
// when it cannot tell (then the regexp always runs).
func required(n *syntax.Regexp) []string {
	switch n.Op {
	case syntax.OpLiteral:
		if n.Flags&syntax.FoldCase != 0 {
			for _, r := range n.Rune {
				if r >= utf8.RuneSelf {
					return nil
				}
			}
			return []string{strings.ToLower(string(n.Rune))}
		}
		return []string{string(n.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return required(n.Sub[0])
	case syntax.OpRepeat:
		if n.Min >= 1 {
			return required(n.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, s := range n.Sub {
			if r := required(s); r != nil && (best == nil || shortest(r) > shortest(best)) {
				best = r
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, s := range n.Sub {
			r := required(s)
			if r == nil {
				return nil
			}
			all = append(all, r...)
		}
		return all
	}
	return nil
}

func shortest(ss []string) int {
	n := -1
	for _, s := range ss {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

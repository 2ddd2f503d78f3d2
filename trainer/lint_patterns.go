package trainer

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lintPatterns reports patterns that can never match normalised text:
// characters that normalisation removes, and RE2's ASCII-only \b next to a
// non-ASCII letter. A reply or require pattern that can never match is an
// error; a forbid pattern that can never match is a warning (an error for a
// critical rule, see criticalRules). It returns the paths of patterns that
// can never match.
func (l *linter) lintPatterns() map[string]bool {
	never := map[string]bool{}
	check := func(path, src string, sev Severity) {
		if src == "" {
			return
		}
		re, err := l.p.pattern(src)
		if err != nil {
			return // reported by compile
		}
		tree, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			return
		}
		ok, why := canMatch(tree.Simplify())
		switch {
		case !ok:
			never[path] = true
			l.p.add(path, sev, textf("pattern %q can never match normalised text: %s", src, why))
		case len(why) > 0 && !lexRef.MatchString(src):
			l.p.warnf(path, "part of pattern %q can never match normalised text: %s", src, why)
		}
	}
	for _, e := range l.s.Lexicon {
		for j, pat := range e.Patterns {
			check(fmt.Sprintf("lexicon.%s.%d", e.Name, j), pat, SevWarning)
		}
	}
	for _, n := range l.s.Nodes {
		for j, r := range n.Replies {
			path := fmt.Sprintf("node.%s.reply.%d.match", n.ID, j)
			for _, g := range []struct {
				key  string
				pats []string
				sev  Severity
			}{{"any", r.Match.Any, SevError}, {"all", r.Match.All, SevError}, {"none", r.Match.None, SevWarning}} {
				for k, pat := range g.pats {
					check(fmt.Sprintf("%s.%s.%d", path, g.key, k), pat, g.sev)
				}
			}
		}
	}
	for i, r := range l.s.Rules {
		check(fmt.Sprintf("rule.%d.require", i), r.Require, SevError)
		if !r.Critical {
			check(fmt.Sprintf("rule.%d.forbid", i), r.Forbid, SevWarning)
		} else if r.Forbid != "" {
			n := len(l.p.findings)
			check(fmt.Sprintf("rule.%d.forbid", i), r.Forbid, SevWarning)
			if never[fmt.Sprintf("rule.%d.forbid", i)] {
				l.p.findings = l.p.findings[:n] // criticalRules reports it as an error
			}
		}
	}
	return never
}

func (p *program) add(path string, sev Severity, t text) {
	p.findings = append(p.findings, Finding{Path: path, Severity: sev, Msg: t.Error(), format: t.format, args: t.args})
}

// kept reports whether normalisation keeps rune r inside a word or a number.
func kept(r rune) bool {
	lo := unicode.ToLower(r)
	return strings.ContainsRune(Normalize("a"+string(r)+"a"), lo) || strings.ContainsRune(Normalize("1"+string(r)+"1"), lo)
}

// canMatch reports whether re can match some normalised text; why says
// which parts never can (also in optional parts).
func canMatch(re *syntax.Regexp) (bool, texts) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false, texts{textf("it matches nothing")}
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !kept(r) {
				return false, texts{textf("normalisation removes %q", r)}
			}
		}
		return true, nil
	case syntax.OpCharClass:
		return classCanMatch(re.Rune)
	case syntax.OpCapture:
		return canMatch(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		_, why := canMatch(re.Sub[0])
		return true, why
	case syntax.OpPlus:
		return canMatch(re.Sub[0])
	case syntax.OpRepeat:
		ok, why := canMatch(re.Sub[0])
		return ok || re.Min == 0, why
	case syntax.OpConcat:
		return concatCanMatch(re.Sub)
	case syntax.OpAlternate:
		any := false
		var why texts
		for _, sub := range re.Sub {
			ok, w := canMatch(sub)
			any = any || ok
			why = append(why, w...)
		}
		return any, why
	}
	return true, nil
}

func classCanMatch(ranges []rune) (bool, texts) {
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if hi-lo > 512 {
			return true, nil
		}
		for r := lo; r <= hi; r++ {
			if kept(r) {
				return true, nil
			}
		}
	}
	return false, texts{textf("normalisation removes every character of a class")}
}

// concatCanMatch checks a sequence: every part must be able to match, and
// \b must not stand next to a non-ASCII letter (RE2's \b is ASCII-only).
func concatCanMatch(subs []*syntax.Regexp) (bool, texts) {
	ok := true
	var why texts
	for k, sub := range subs {
		o, w := canMatch(sub)
		ok = ok && o
		why = append(why, w...)
		if sub.Op != syntax.OpWordBoundary {
			continue
		}
		if k+1 < len(subs) && nonASCIILetter(edgeRune(subs[k+1], true)) ||
			k > 0 && nonASCIILetter(edgeRune(subs[k-1], false)) {
			ok = false
			why = append(why, textf(`\b next to a non-ASCII letter never matches (RE2's \b is ASCII-only; use (?:^|\s) or drop it)`))
		}
	}
	return ok, why
}

// edgeRune returns the first (or last) rune a literal part starts (or ends) with, or -1.
func edgeRune(re *syntax.Regexp, first bool) rune {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpLiteral || len(re.Rune) == 0 {
		return -1
	}
	if first {
		return re.Rune[0]
	}
	return re.Rune[len(re.Rune)-1]
}

func nonASCIILetter(r rune) bool { return r >= utf8.RuneSelf && unicode.IsLetter(r) }

// unusedLexicon warns about lexicon entries no pattern or expression uses.
func (l *linter) unusedLexicon() {
	used := map[string]bool{}
	scan := func(srcs ...string) {
		for _, src := range srcs {
			for _, m := range lexRef.FindAllStringSubmatch(src, -1) {
				used[m[1]] = true
			}
		}
	}
	for _, n := range l.s.Nodes {
		for _, r := range n.Replies {
			scan(r.Match.Any...)
			scan(r.Match.All...)
			scan(r.Match.None...)
		}
	}
	for _, r := range l.s.Rules {
		scan(r.Require, r.Forbid)
	}
	for _, c := range l.s.conditions() {
		scan(c.src)
	}
	for _, ea := range l.s.effects() {
		scan(ea.e.Do...)
	}
	for _, d := range l.s.Rubric.Dims {
		scan(d.Auto)
	}
	for _, v := range l.s.Vars {
		scan(v.InitExpr)
	}
	for _, e := range l.s.Lexicon {
		if !used[e.Name] {
			l.p.warnf("lexicon."+e.Name, "lexicon entry %q is never used (no pattern refers to @%s)", e.Name, e.Name)
		}
	}
}

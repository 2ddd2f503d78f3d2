package trainer

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldPattern folds the literal text of an author pattern the way Normalize
// folds trainee text, so patterns and text compare equal: letters are
// lower-cased (so matching needs no (?i), which keeps RE2 fast), non-ASCII letters
// are case-folded with umlauts and ß written as ae, oe, ue and ss and other
// accents stripped (so RE2's ASCII-only \b works next to them), curly quotes
// straightened, a comma between digits becomes a point, and ! and \? are
// dropped (normalisation removes them). Escapes, classes such as \pL,
// flags, quantifiers such as {1,3} and @lexicon references are kept.
func FoldPattern(src string) string {
	if isPlainASCII(src) {
		return src
	}
	rs := []rune(src)
	var b strings.Builder
	b.Grow(len(src))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs):
			i = foldEscape(&b, rs, i)
		case r == '@' && i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || rs[i+1] == '_'):
			j := i + 1
			for j < len(rs) && rs[j] < utf8.RuneSelf && (isWordRune(rs[j]) || rs[j] == '_') {
				j++
			}
			b.WriteString(string(rs[i:j]))
			i = j - 1
		case r == '(' && i+1 < len(rs) && rs[i+1] == '?':
			j := i + 1
			for j < len(rs) && rs[j] != ':' && rs[j] != ')' && rs[j] != '>' {
				j++
			}
			j = min(j, len(rs)-1)
			b.WriteString(string(rs[i : j+1]))
			i = j
		case r == '{':
			j := quantifierEnd(rs, i)
			b.WriteString(string(rs[i:j]))
			i = j - 1
		case r == '!':
		case r == ',' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			b.WriteString(`\.`)
		case 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r >= utf8.RuneSelf:
			f := foldRunes(string(r))
			if f == "" || !strings.ContainsFunc(f, isWordRune) {
				f = regexp.QuoteMeta(f)
			}
			b.WriteString(f)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlainASCII reports whether src needs no folding.
func isPlainASCII(src string) bool {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c >= utf8.RuneSelf || c == '!' || c == ',' || c == '\\' || ('A' <= c && c <= 'Z') || c == '{' || c == '(' || c == '@' {
			return false
		}
	}
	return true
}

// foldEscape copies the escape at rs[i] and returns the index of its last rune.
func foldEscape(b *strings.Builder, rs []rune, i int) int {
	n := rs[i+1]
	switch {
	case n == '!' || n == '?':
		return i + 1
	case (n == 'p' || n == 'P') && i+2 < len(rs) && rs[i+2] == '{':
		j := i + 2
		for j < len(rs) && rs[j] != '}' {
			j++
		}
		j = min(j, len(rs)-1)
		b.WriteString(string(rs[i : j+1]))
		return j
	case n == 'p' || n == 'P':
		j := min(i+2, len(rs)-1)
		b.WriteString(string(rs[i : j+1]))
		return j
	}
	b.WriteString(string(rs[i : i+2]))
	return i + 1
}

// quantifierEnd returns the end of a {n}, {n,} or {n,m} quantifier at rs[i],
// or i+1 when the brace is a literal.
func quantifierEnd(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == ',') {
		j++
	}
	if j < len(rs) && rs[j] == '}' && j > i+1 {
		return j + 1
	}
	return i + 1
}

// PatternProblems lists why parts of an author pattern can never match
// normalised trainee text: literal characters that Normalize removes (such
// as ; : " or a comma outside a number), and \b or \B next to letters RE2
// does not see as word characters. @lexicon references are read as plain
// words (check lexicon entries on their own). A pattern that does not parse
// has no problems here; compiling it reports the error.
func PatternProblems(pattern string) []string {
	src := lexRef.ReplaceAllString(pattern, "x")
	re, err := syntax.Parse(FoldPattern(src), syntax.Perl)
	if err != nil {
		return nil
	}
	var out []string
	seen := map[rune]bool{}
	boundary, nonASCII := false, rune(0)
	var walk func(*syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpLiteral:
			for _, r := range n.Rune {
				if r >= utf8.RuneSelf && isWordRune(r) && nonASCII == 0 {
					nonASCII = r
				}
				if !canAppear(r) && !seen[r] {
					seen[r] = true
					out = append(out, fmt.Sprintf("%q never appears in normalised text (normalisation removes it), so the pattern cannot match it", r))
				}
			}
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			boundary = true
		}
		for _, s := range n.Sub {
			walk(s)
		}
	}
	walk(re)
	if boundary && nonASCII != 0 {
		out = append(out, fmt.Sprintf(`\b is ASCII-only in RE2 and does not see %q as a letter; use (?:^|\s) and (?:\s|$) instead`, nonASCII))
	}
	return out
}

// canAppear reports whether normalised text can contain r.
func canAppear(r rune) bool {
	return isWordRune(r) || isSymbolRune(r) || r == ' ' || r == '\'' || r == '-' || r == '.'
}

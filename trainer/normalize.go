package trainer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Normalize prepares text for matching: Unicode NFKC, full case folding,
// curly quotes straightened, German umlauts and ß written as ae, oe, ue and
// ss, other accents stripped, decimal commas between digits written as
// points ("14,99" is "14.99"), currency symbols and % kept as words of their
// own, and every other punctuation replaced by one space. Apostrophes and
// hyphens inside words are kept. Normalize(Normalize(x)) == Normalize(x).
func Normalize(text string) string { return analyse(text).norm }

// tok is one word, number or symbol of normalised text.
type tok struct {
	text       string
	start, end int // byte offsets of text in analysis.norm
	clause     int // clauses are separated by , ; . ! ? : and similar marks
}

// analysis is a line cut into tokens, with negation scopes marked later by negate.
type analysis struct {
	norm string
	toks []tok
	neg  []bool // neg[i]: word i lies inside a negation scope
	cue  []bool // cue[i]: word i is (part of) a negation cue
	dis  []bool // dis[i]: word i lies inside a dismissal ("no need to …", "skip …")

	found map[*rx][][]int // matches of patterns run so far
}

// foldRunes applies NFKC and case folding, then writes umlauts and ß as two
// letters, straightens quotes and strips combining accents.
func foldRunes(text string) string {
	text = cases.Fold().String(norm.NFKC.String(text))
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// foldRune folds one non-ASCII rune of case-folded text.
func foldRune(r rune) string {
	switch r {
	case 'ä':
		return "ae"
	case 'ö':
		return "oe"
	case 'ü':
		return "ue"
	case 'ß', 'ẞ':
		return "ss"
	case '’', '‘', 'ʼ', '′', '´', '`':
		return "'"
	case '“', '”', '„', '«', '»', '″':
		return "\""
	case '–', '—', '―', '…':
		return "."
	}
	// x/text's Fold maps Cherokee small letters to capitals and back
	// again; lowering after folding makes the result a fixed point.
	r = unicode.ToLower(r)
	d := norm.NFD.String(string(r))
	if !strings.ContainsFunc(d, isAccent) {
		return string(r)
	}
	return strings.Map(func(x rune) rune {
		if isAccent(x) {
			return -1
		}
		return x
	}, d)
}

func isAccent(r rune) bool { return unicode.Is(unicode.Mn, r) }

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isSymbolRune reports whether r is kept as a word of its own (currency, %).
func isSymbolRune(r rune) bool { return r == '%' || unicode.Is(unicode.Sc, r) }

// isClauseMark reports whether r ends a clause (and so a negation scope).
func isClauseMark(r rune) bool {
	switch r {
	case ',', ';', '.', '!', '?', ':', '(', ')', '[', ']', '\n', '"':
		return true
	}
	return false
}

// analyse folds text and cuts it into tokens; negation is marked by negate.
func analyse(text string) *analysis {
	rs := []rune(foldRunes(text))
	a := &analysis{}
	var b strings.Builder
	b.Grow(len(rs))
	clause := 0
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isWordRune(r):
			j := wordEnd(rs, i)
			a.add(&b, string(rs[i:j]), clause)
			i = j
		case isSymbolRune(r):
			a.add(&b, string(r), clause)
			i++
		default:
			dash := r == '-' && (i == 0 || i+1 == len(rs) || unicode.IsSpace(rs[i-1]) || unicode.IsSpace(rs[i+1]))
			if (dash || isClauseMark(r)) && len(a.toks) > 0 && a.toks[len(a.toks)-1].clause == clause {
				clause++
			}
			i++
		}
	}
	a.norm = b.String()
	return a
}

// wordEnd returns the end of the word starting at rs[i]: word runes, with
// apostrophes and hyphens between letters and points or commas between digits.
func wordEnd(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) {
		r := rs[j]
		if isWordRune(r) {
			j++
			continue
		}
		if j+1 < len(rs) && isWordRune(rs[j+1]) && isWordRune(rs[j-1]) {
			if r == '\'' || r == '-' {
				j++
				continue
			}
			if (r == '.' || r == ',') && unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1]) {
				rs[j] = '.'
				j++
				continue
			}
		}
		break
	}
	return j
}

func (a *analysis) add(b *strings.Builder, text string, clause int) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	start := b.Len()
	b.WriteString(text)
	a.toks = append(a.toks, tok{text: text, start: start, end: b.Len(), clause: clause})
}

// tokenAt returns the index of the word containing byte offset off of the
// normalised text, or of the next word when off falls on a space.
func (a *analysis) tokenAt(off int) int {
	lo, hi := 0, len(a.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if a.toks[m].end <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// spanNegated reports whether the byte span [start,end) of the normalised
// text lies wholly inside negation scopes: every word it touches is negated.
// A span that includes a cue itself ("skip the questions") is the author
// matching the negation on purpose, so it is not negated.
func (a *analysis) spanNegated(start, end int) bool {
	if a.neg == nil {
		return false
	}
	i := a.tokenAt(start)
	touched := false
	for ; i < len(a.toks) && a.toks[i].start < end; i++ {
		if !a.neg[i] || a.cue[i] {
			return false
		}
		touched = true
	}
	return touched
}

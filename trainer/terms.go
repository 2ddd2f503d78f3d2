package trainer

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// negPrefix marks a feature that lies inside a negation scope, so "no need
// to verify" and "verify your identity" share no word features.
const negPrefix = "¬"

// lexer turns lines into terms and features for one script: its language
// and its synonym table (the script's [synonyms] before the built-in ones).
type lexer struct {
	lang  *language
	syn   map[string][]synPhrase // by the stem of the phrase's first word
	stems map[string]string      // stems of the words of the script's phrasings; read-only once compiled
}

// synPhrase is a phrase that is read as its canonical word.
type synPhrase struct {
	stems  []string
	canon  string // folded canonical word
	cstem  string
	script bool // from the script, so it wins over a built-in phrase of the same length
}

func newLexer(lang *language, script map[string][]string) *lexer {
	x := &lexer{lang: lang, syn: map[string][]synPhrase{}, stems: map[string]string{}}
	x.addSynonyms(script, true)
	x.addSynonyms(lang.synonyms, false)
	for k, list := range x.syn {
		sort.SliceStable(list, func(i, j int) bool {
			if len(list[i].stems) != len(list[j].stems) {
				return len(list[i].stems) > len(list[j].stems)
			}
			return list[i].script && !list[j].script
		})
		x.syn[k] = list
	}
	return x
}

func (x *lexer) addSynonyms(table map[string][]string, script bool) {
	canons := make([]string, 0, len(table))
	for c := range table {
		canons = append(canons, c)
	}
	sort.Strings(canons)
	for _, c := range canons {
		canon := strings.ReplaceAll(Normalize(c), " ", "_")
		if canon == "" {
			continue
		}
		cstem := canon
		if !strings.Contains(canon, "_") {
			cstem = x.lang.stem(canon)
		}
		for _, ph := range table[c] {
			a := analyse(ph)
			if len(a.toks) == 0 {
				continue
			}
			stems := make([]string, len(a.toks))
			for i, t := range a.toks {
				stems[i] = x.lang.stem(t.text)
			}
			x.syn[stems[0]] = append(x.syn[stems[0]], synPhrase{stems: stems, canon: canon, cstem: cstem, script: script})
		}
	}
}

// terms stems the tokens of a, merges synonym phrases, marks negation and
// copies the negation marks back onto a's tokens.
func (x *lexer) terms(a *analysis) []term {
	stems := make([]string, len(a.toks))
	for i, t := range a.toks {
		stems[i] = x.stem(t.text)
	}
	ts := make([]term, 0, len(a.toks))
	for i := 0; i < len(a.toks); {
		if sp, ok := x.synonymAt(a, stems, i); ok {
			ts = append(ts, term{surface: sp.canon, stem: sp.cstem, tok0: i, tok1: i + len(sp.stems), clause: a.toks[i].clause})
			i += len(sp.stems)
			continue
		}
		w := a.toks[i].text
		ts = append(ts, term{surface: w, stem: stems[i], tok0: i, tok1: i + 1, clause: a.toks[i].clause, stop: x.lang.stop[w]})
		i++
	}
	x.lang.negate(ts)
	x.lang.markDismissals(ts)
	a.neg, a.cue, a.dis = make([]bool, len(a.toks)), make([]bool, len(a.toks)), make([]bool, len(a.toks))
	for _, t := range ts {
		for k := t.tok0; k < t.tok1; k++ {
			a.neg[k], a.cue[k], a.dis[k] = t.neg, t.cue, t.dis
		}
	}
	return ts
}

// stem returns the stem of a folded word, from the cache when known.
func (x *lexer) stem(w string) string {
	if st, ok := x.stems[w]; ok {
		return st
	}
	return x.lang.stem(w)
}

// learn caches the stems of a's words; only while compiling.
func (x *lexer) learn(a *analysis) {
	for _, t := range a.toks {
		if _, ok := x.stems[t.text]; !ok {
			x.stems[t.text] = x.lang.stem(t.text)
		}
	}
}

func (x *lexer) synonymAt(a *analysis, stems []string, i int) (synPhrase, bool) {
	for _, sp := range x.syn[stems[i]] {
		n := len(sp.stems)
		if i+n > len(stems) || a.toks[i+n-1].clause != a.toks[i].clause {
			continue
		}
		ok := true
		for k := 1; k < n && ok; k++ {
			ok = stems[i+k] == sp.stems[k]
		}
		if ok {
			return sp, true
		}
	}
	return synPhrase{}, false
}

// bag counts features.
type bag map[string]float64

// bags returns the word and character features of ts as bags (compile time).
func bags(ts []term, flip bool) (word, char bag) {
	word, char = bag{}, bag{}
	features(ts, flip, func(f []byte) { word[string(f)]++ }, func(f []byte) { char[string(f)]++ })
	return word, char
}

// features emits the word features (stems and bigrams of stems, stop words
// left out) and the character features (3- to 5-grams of each word, padded
// with spaces) of ts. Features inside a negation scope carry negPrefix.
// With flip, only negated terms count, without the prefix: what the line
// says is not so, read as if it were said. The slices passed to the
// callbacks are reused.
func features(ts []term, flip bool, word, char func([]byte)) {
	var buf []byte
	var rs []rune
	prev := -1
	for i, t := range ts {
		if t.stop || (flip && !t.neg) {
			continue
		}
		pre := ""
		if t.neg && !flip {
			pre = negPrefix
		}
		buf = append(append(buf[:0], pre...), t.stem...)
		word(buf)
		if prev >= 0 && ts[prev].clause == t.clause {
			bp := pre
			if ts[prev].neg && !flip {
				bp = negPrefix
			}
			buf = append(append(append(append(buf[:0], bp...), ts[prev].stem...), '_'), t.stem...)
			word(buf)
		}
		prev = i
		rs = append(append(append(rs[:0], ' '), []rune(t.surface)...), ' ')
		for n := 3; n <= 5; n++ {
			for k := 0; k+n <= len(rs); k++ {
				buf = append(buf[:0], pre...)
				for _, r := range rs[k : k+n] {
					buf = utf8.AppendRune(buf, r)
				}
				char(buf)
			}
		}
	}
}

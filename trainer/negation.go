package trainer

import "strings"

// term is one word of a line as understanding sees it: stemmed, with
// synonym phrases merged into their canonical word, and marked for negation.
type term struct {
	surface    string // folded word; for a synonym phrase, its canonical word
	stem       string
	tok0, tok1 int // tokens [tok0,tok1) of the analysis it covers
	clause     int
	stop       bool // a stop word: left out of the features
	cue        bool // opens a negation scope
	neg        bool // lies inside a negation scope
	dis        bool // lies inside a dismissal: a negated obligation or a verb of skipping
	rep        bool // a cue that declines a repetition ("not again", "I already have it")
}

// isCue reports whether a folded word opens a negation scope.
func (l *language) isCue(w string) bool {
	if l.code == LangEnglish && strings.HasSuffix(w, "n't") {
		return true
	}
	return l.cues[strings.ReplaceAll(w, "'", "")]
}

func (l *language) idiom(a, b string) bool {
	return l.idioms[strings.ReplaceAll(a, "'", "")+"_"+strings.ReplaceAll(b, "'", "")]
}

// negate marks negation cues and their scopes in ts. A scope runs from the
// cue to the end of its clause; it ends early at a conjunction such as
// "but" or "aber", at "and"/"und" followed by a new subject (or after a verb
// cue such as "skip", whose scope is its object), and at a new subject such
// as "I'll". It covers the whole clause when the cue is
// followed by a predicate such as "needed" ("verification is not needed"),
// and always in German, where nicht follows the verb it negates. A clause
// that is only "not needed" reaches back into the clause before it.
func (l *language) negate(ts []term) {
	for i := range ts {
		if !l.isCue(ts[i].surface) || ts[i].neg {
			continue
		}
		if i+1 < len(ts) && ts[i+1].clause == ts[i].clause && l.idiom(ts[i].surface, ts[i+1].surface) {
			// "don't worry" negates nothing, but "don't worry about X" dismisses X.
			if i+2 < len(ts) && ts[i+2].clause == ts[i].clause && l.about[ts[i+2].surface] {
				ts[i].cue = true
				for j := i + 3; j < l.scopeEnd(ts, i+2); j++ {
					ts[j].neg, ts[j].dis = true, true
				}
			}
			continue
		}
		ts[i].cue = true
		end := l.scopeEnd(ts, i)
		start := i + 1
		if l.wholeClause || l.predicate(ts, i, end) {
			start = l.scopeStart(ts, i)
			if start == i && l.predicate(ts, i, end) && !l.hasContent(ts, i, end) && i > 0 {
				start = l.scopeStart(ts, i-1)
			}
		}
		for j := start; j < end; j++ {
			if j != i {
				ts[j].neg = true
			}
		}
	}
}

// scopeEnd returns the index after the last term negated by the cue at i.
func (l *language) scopeEnd(ts []term, i int) int {
	j := i + 1
	for ; j < len(ts) && ts[j].clause == ts[i].clause; j++ {
		w := ts[j].surface
		if l.enders[w] {
			break
		}
		if l.and[w] && (l.verbCues[ts[i].surface] || j+1 < len(ts) && l.subject[ts[j+1].surface]) {
			break
		}
	}
	return j
}

// scopeStart returns the first term of the clause of term i, stopping after a scope ender.
func (l *language) scopeStart(ts []term, i int) int {
	j := i
	for j > 0 && ts[j-1].clause == ts[i].clause && !l.enders[ts[j-1].surface] {
		j--
	}
	return j
}

// predicate reports whether a word like "needed" follows the cue at i within its scope.
func (l *language) predicate(ts []term, i, end int) bool {
	if strings.HasPrefix(ts[i].surface, "unnecessar") || ts[i].surface == "needless" || ts[i].surface == "unnoetig" {
		return true
	}
	for j := i + 1; j < end && j <= i+3; j++ {
		if l.pred[ts[j].surface] {
			return true
		}
	}
	return false
}

// hasContent reports whether the cue's clause holds words other than stop
// words, cues and predicates.
func (l *language) hasContent(ts []term, i, end int) bool {
	for j := l.scopeStart(ts, i); j < end; j++ {
		if j != i && !ts[j].stop && !l.pred[ts[j].surface] && !l.isCue(ts[j].surface) {
			return true
		}
	}
	return false
}

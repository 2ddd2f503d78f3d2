package trainer

import (
	"fmt"
	"slices"
	"strings"
)

// Dismissals. A require rule is dismissed when the trainee says the required
// step is not needed, or is skipped ("no need to verify", "we can skip the
// security questions", "I won't bother confirming who you are", "die
// Sicherheitsabfrage lassen wir weg"): a negated obligation, a verb of
// skipping, or a refusal, whose scope holds one of the rule's key words.
// A plain negation ("I can't see your email") does not dismiss: it says
// something is not so, not that the step is not needed.

// markDismissals sets dis on the negated terms of every clause whose
// negation is a dismissal: its cue is a verb of skipping, or an obligation
// word ("need", "point", "bother", "going", "brauchen", "noetig") stands within
// three terms of the cue. German "lassen wir (weg|sein|das)" and English
// "never mind" / "forget about" dismiss the rest of their clause.
func (l *language) markDismissals(ts []term) {
	had := l.alreadyHas(ts)
	for i := range ts {
		if l.dismissIdiom(ts, i) {
			ts[i].cue = true
			for j := i + 1; j < len(ts) && ts[j].clause == ts[i].clause && !l.enders[ts[j].surface]; j++ {
				ts[j].neg, ts[j].dis = true, true
			}
			if l.wholeClause {
				for j := l.scopeStart(ts, i); j < i; j++ {
					ts[j].neg, ts[j].dis = true, true
				}
			}
			continue
		}
		if !ts[i].cue {
			continue
		}
		if had || l.again(ts, i) {
			ts[i].rep = true
			continue
		}
		if !l.dismissCue(ts, i) {
			continue
		}
		for j := l.scopeStart(ts, i); j < len(ts) && ts[j].clause == ts[i].clause; j++ {
			if ts[j].neg {
				ts[j].dis = true
			}
		}
	}
}

// again reports whether the clause of term i says "again" ("no need to
// verify you again", "die brauche ich nicht noch mal"): declining to repeat a
// step is not skipping it.
func (l *language) again(ts []term, i int) bool {
	for j := l.scopeStart(ts, i); j < len(ts) && ts[j].clause == ts[i].clause; j++ {
		w := ts[j].surface
		if l.repeat[w] || w == "mal" && j > 0 && ts[j-1].surface == "noch" {
			return true
		}
	}
	return false
}

// alreadyHas reports whether the line says the agent already has what a
// step asks for ("I've already got your order number", "liegt mir schon
// vor"): then a "no need" in it declines to ask again.
func (l *language) alreadyHas(ts []term) bool {
	for i, t := range ts {
		if !l.already[t.surface] {
			continue
		}
		for j := max(0, i-2); j < len(ts) && j <= i+2; j++ {
			if ts[j].clause == t.clause && l.possess[ts[j].surface] {
				return true
			}
		}
	}
	return false
}

// dismissCue reports whether the negation cue at i is a dismissal: a verb
// of skipping, or a word of obligation within three terms of it (anywhere
// in its clause in German, where the verb comes second and nicht last).
func (l *language) dismissCue(ts []term, i int) bool {
	if l.verbCues[ts[i].surface] || l.obligAt(ts, i) || strings.HasPrefix(ts[i].surface, "unnecessar") {
		return true
	}
	lo, hi := i-2, i+3
	if l.wholeClause {
		lo, hi = 0, len(ts)
	}
	for j := max(0, lo); j < len(ts) && j <= hi; j++ {
		if j != i && ts[j].clause == ts[i].clause && l.obligAt(ts, j) {
			return true
		}
	}
	return false
}

// obligAt reports whether term j is a word of obligation; "have", "got" and
// "going" only before "to" ("don't have to", not "don't have your email").
func (l *language) obligAt(ts []term, j int) bool {
	w := ts[j].surface
	if !l.oblig[w] {
		return false
	}
	if l.code == LangEnglish && (w == "have" || w == "has" || w == "got" || w == "going") {
		return j+1 < len(ts) && ts[j+1].surface == "to"
	}
	return true
}

// dismissIdiom reports whether a dismissing idiom starts at i: "never mind",
// "forget about", German "lassen wir … weg/sein" or "lassen wir das".
func (l *language) dismissIdiom(ts []term, i int) bool {
	next := func(k int) string {
		if i+k < len(ts) && ts[i+k].clause == ts[i].clause {
			return ts[i+k].surface
		}
		return ""
	}
	switch l.code {
	case LangEnglish:
		return ts[i].surface == "never" && next(1) == "mind" || ts[i].surface == "forget" && next(1) == "about"
	case LangGerman:
		if ts[i].surface != "lassen" || next(1) != "wir" {
			return false
		}
		end := i + 2
		for end < len(ts) && ts[end].clause == ts[i].clause {
			if w := ts[end].surface; w == "weg" || w == "sein" || w == "beiseite" || w == "bleiben" {
				return true
			}
			end++
		}
		// "das lassen wir" / "lassen wir das (mal)": the clause ends within two words.
		return end-i <= 4
	}
	return false
}

// ruleKeys returns the key words (stems) of a require rule: words that at
// least one in eight of its own examples use (and two phrasings saying it),
// and that the phrasings saying the rule
// (its examples, and the examples of replies that satisfy it) use at least
// keyShare of the times the script uses them at all. Words of obligation and
// function words are never key words ("no need to apologise" does not
// dismiss a rule whose examples say "I need to verify you").
func (l *language) ruleKeys(own, says, others [][]string) map[string]bool {
	mine, in, out := map[string]int{}, map[string]int{}, map[string]int{}
	count := func(m map[string]int, phs [][]string) {
		for _, ph := range phs {
			for _, st := range uniq(ph) {
				m[st]++
			}
		}
	}
	count(mine, own)
	count(in, says)
	count(out, others)
	keys := map[string]bool{}
	for st := range mine {
		if n := in[st]; n >= 2 && mine[st] >= len(own)/8 && !l.nokey[st] && len(st) > 2 && (st[0] < '0' || st[0] > '9') &&
			float64(n) >= keyShare*float64(n+out[st]) {
			keys[st] = true
		}
	}
	return keys
}

// keyShare is the least share of a word's phrasings that must say the rule
// for the word to be one of its key words.
const keyShare = 0.6

func uniq(ss []string) []string {
	c := slices.Clone(ss)
	slices.Sort(c)
	return slices.Compact(c)
}

// dismissed returns the words of the line that dismiss one of a rule's key
// words, from the dismissal's cue to the key word, and that key word.
func (rd *reading) dismissed(keys map[string]bool) (span, key string, ok bool) {
	for i, t := range rd.ts {
		if !t.dis || t.stop || !keys[t.stem] {
			continue
		}
		from := i
		for from > 0 && rd.ts[from-1].clause == t.clause && (rd.ts[from-1].dis || rd.ts[from-1].cue) {
			from--
		}
		a := rd.a
		return a.norm[a.toks[rd.ts[from].tok0].start:a.toks[t.tok1-1].end], a.norm[a.toks[t.tok0].start:a.toks[t.tok1-1].end], true
	}
	return "", "", false
}

// ruleKeyWords warns about a require rule with examples but no key words:
// a trainee who dismisses it ("no need to …") is then caught only by
// similarity to its examples.
func (l *linter) ruleKeyWords() {
	for i, r := range l.p.rules {
		if r.r.kind() == RuleRequire && len(r.ex) >= 2 && len(r.keys) == 0 {
			l.p.warnf(fmt.Sprintf("rule.%d.examples", i), "require rule %q has no key words, so a line that dismisses it is caught only by similarity: give examples that name what is required, in words the rest of the script seldom uses", r.r.ID)
		}
	}
}

// KeyWords returns the key words of each require rule live at the session's
// node, by rule id: the words a dismissal must name (sorted stems).
func (s *Session) KeyWords() map[string][]string {
	out := map[string][]string{}
	for _, r := range s.p.rules {
		if r.r.kind() != RuleRequire || !s.ruleLive(r) {
			continue
		}
		out[r.r.ID] = sortedKeys(r.keys)
	}
	return out
}

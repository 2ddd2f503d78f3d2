package trainer

import (
	"fmt"
	"regexp"
	"strings"
)

var lexRef = regexp.MustCompile(`@([A-Za-z_][A-Za-z0-9_]*)`)

// pattern compiles an author pattern: @name expands to the lexicon entry and
// the pattern is folded like trainee text (FoldPattern), so it matches
// regardless of case. RE2 guarantees matching in linear time.
func (p *program) pattern(src string) (*rx, error) {
	if re, ok := p.patterns[src]; ok {
		return re, nil
	}
	var bad string
	expanded := lexRef.ReplaceAllStringFunc(FoldPattern(src), func(m string) string {
		alt, ok := p.lex[m[1:]]
		if !ok && bad == "" {
			bad = m[1:]
		}
		return alt
	})
	if bad != "" {
		msg := fmt.Sprintf("unknown lexicon entry @%s", bad)
		if s := closest(bad, p.lexNames()); s != "" {
			msg += fmt.Sprintf(" (did you mean @%s?)", s)
		}
		return nil, fmt.Errorf("%s", msg)
	}
	re, err := compileRx(expanded)
	if err != nil {
		return nil, fmt.Errorf("bad pattern %q: %v", src, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	p.patterns[src] = re
	return re, nil
}

func (p *program) lexNames() []string {
	names := make([]string, 0, len(p.s.Lexicon))
	for _, e := range p.s.Lexicon {
		names = append(names, e.Name)
	}
	return names
}

// compileLexicon turns each entry into one alternation usable inside patterns.
func (p *program) compileLexicon() {
	for _, e := range p.s.Lexicon {
		path := fmt.Sprintf("lexicon.%s", e.Name)
		parts := make([]string, 0, len(e.Patterns))
		for j, pat := range e.Patterns {
			if lexRef.MatchString(pat) {
				p.errorf(fmt.Sprintf("%s.%d", path, j), "lexicon patterns cannot use @references")
				continue
			}
			folded := FoldPattern(pat)
			if _, err := regexp.Compile(folded); err != nil {
				p.errorf(fmt.Sprintf("%s.%d", path, j), "bad pattern %q: %v", pat, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
				continue
			}
			parts = append(parts, "(?:"+folded+")")
		}
		if len(e.Patterns) == 0 {
			p.errorf(path, "lexicon entry %q is empty", e.Name)
		}
		if _, dup := p.lex[e.Name]; dup {
			p.errorf(path, "duplicate lexicon entry %q", e.Name)
		}
		p.lex[e.Name] = "(?:" + strings.Join(parts, "|") + ")"
	}
}

// matcher is a compiled Match. Its patterns were folded at compile time.
type matcher struct {
	any, all, none []*rx
}

func (p *program) matcher(m Match, path string) matcher {
	var c matcher
	for _, grp := range []struct {
		key  string
		pats []string
		out  *[]*rx
	}{{"any", m.Any, &c.any}, {"all", m.All, &c.all}, {"none", m.None, &c.none}} {
		for i, pat := range grp.pats {
			re, err := p.pattern(pat)
			if err != nil {
				p.errorf(fmt.Sprintf("%s.match.%s.%d", path, grp.key, i), "%v", err)
				continue
			}
			*grp.out = append(*grp.out, re)
		}
	}
	return c
}

// empty reports whether the matcher has no positive patterns.
func (m *matcher) empty() bool { return len(m.any) == 0 && len(m.all) == 0 }

// hears reports whether a line satisfies the matcher with every positive
// pattern matching outside negation scopes; none patterns veto anywhere.
func (m *matcher) hears(rd *reading) bool {
	return !m.vetoed(rd) && m.matchWith(rd.affirmed)
}

// vetoed reports whether a none pattern matches the line.
func (m *matcher) vetoed(rd *reading) bool {
	for _, re := range m.none {
		if len(rd.a.find(re)) > 0 {
			return true
		}
	}
	return false
}

func (m *matcher) matchWith(ok func(*rx) bool) bool {
	if m.empty() {
		return false
	}
	for _, re := range m.all {
		if !ok(re) {
			return false
		}
	}
	if len(m.any) == 0 {
		return true
	}
	for _, re := range m.any {
		if ok(re) {
			return true
		}
	}
	return false
}

// affirmed returns the start of the first match of re in a's normalised
// text that does not lie wholly in a negation scope, or -1.
func affirmed(re *rx, a *analysis) int {
	for _, loc := range a.find(re) {
		if !a.spanNegated(loc[0], loc[1]) {
			return loc[0]
		}
	}
	return -1
}

// denied returns the first match of re that lies wholly in a negation scope
// when no match lies outside one; ok is false otherwise.
func denied(re *rx, a *analysis) (span string, ok bool) {
	locs := a.find(re)
	for _, loc := range locs {
		if !a.spanNegated(loc[0], loc[1]) {
			return "", false
		}
	}
	if len(locs) == 0 {
		return "", false
	}
	return a.norm[locs[0][0]:locs[0][1]], true
}

// find returns the matches of re in the normalised text, remembered so that
// each pattern runs once per line however many replies and rules use it.
func (a *analysis) find(re *rx) [][]int {
	if locs, ok := a.found[re]; ok {
		return locs
	}
	if a.found == nil {
		a.found = map[*rx][][]int{}
	}
	var locs [][]int
	if re.mayMatch(a.norm) {
		locs = re.FindAllStringIndex(a.norm, -1)
	}
	a.found[re] = locs
	return locs
}

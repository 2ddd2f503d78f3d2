package trainer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Normalize prepares trainee text for matching: lower case, curly quotes
// straightened, punctuation replaced by spaces (apostrophes and hyphens inside
// words are kept), runs of spaces collapsed.
func Normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	rs := []rune(strings.ToLower(text))
	space := true
	for i, r := range rs {
		if r == '’' || r == '‘' {
			r = '\''
		}
		keep := unicode.IsLetter(r) || unicode.IsDigit(r)
		if (r == '\'' || r == '-') && i > 0 && i+1 < len(rs) && isWordRune(rs[i-1]) && isWordRune(rs[i+1]) {
			keep = true
		}
		if !keep {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var lexRef = regexp.MustCompile(`@([A-Za-z_][A-Za-z0-9_]*)`)

// pattern compiles an author pattern: @name expands to the lexicon entry, and
// matching ignores case. RE2 guarantees matching in linear time.
func (p *program) pattern(src string) (*regexp.Regexp, error) {
	if re, ok := p.patterns[src]; ok {
		return re, nil
	}
	var bad string
	expanded := lexRef.ReplaceAllStringFunc(src, func(m string) string {
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
	re, err := regexp.Compile("(?i)" + expanded)
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
	for i, e := range p.s.Lexicon {
		path := fmt.Sprintf("lexicon.%s", e.Name)
		parts := make([]string, 0, len(e.Patterns))
		for j, pat := range e.Patterns {
			if lexRef.MatchString(pat) {
				p.errorf(fmt.Sprintf("%s.%d", path, j), "lexicon patterns cannot use @references")
				continue
			}
			if _, err := regexp.Compile(pat); err != nil {
				p.errorf(fmt.Sprintf("%s.%d", path, j), "bad pattern %q: %v", pat, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
				continue
			}
			parts = append(parts, "(?:"+pat+")")
		}
		if len(e.Patterns) == 0 {
			p.errorf(path, "lexicon entry %q is empty", e.Name)
		}
		if _, dup := p.lex[e.Name]; dup {
			p.errorf(path, "duplicate lexicon entry %q", e.Name)
		}
		_ = i
		p.lex[e.Name] = "(?:" + strings.Join(parts, "|") + ")"
	}
}

// matcher is a compiled Match.
type matcher struct {
	any, all, none []*regexp.Regexp
}

func (p *program) matcher(m Match, path string) matcher {
	var c matcher
	for _, grp := range []struct {
		key  string
		pats []string
		out  *[]*regexp.Regexp
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

// empty reports whether the matcher can never match (a guided-only reply).
func (m *matcher) empty() bool { return len(m.any) == 0 && len(m.all) == 0 }

// match reports whether normalized text satisfies the matcher.
func (m *matcher) match(text string) bool {
	if m.empty() {
		return false
	}
	for _, re := range m.none {
		if re.MatchString(text) {
			return false
		}
	}
	for _, re := range m.all {
		if !re.MatchString(text) {
			return false
		}
	}
	if len(m.any) == 0 {
		return true
	}
	for _, re := range m.any {
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

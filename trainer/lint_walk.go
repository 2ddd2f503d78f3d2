package trainer

import (
	"fmt"
	"strings"
)

// effectAt is one effect of a script with the key path of its TOML source.
type effectAt struct {
	path string
	e    *Effect
}

// effects lists every effect of the script: node entries, replies,
// fallbacks, timeouts, triggers, ticks and injects.
func (s *Script) effects() []effectAt {
	var out []effectAt
	for _, n := range s.Nodes {
		path := "node." + n.ID
		out = append(out, effectAt{path, &n.Enter})
		for j, r := range n.Replies {
			out = append(out, effectAt{fmt.Sprintf("%s.reply.%d", path, j), &r.Effect})
		}
		if n.Fallback != nil {
			out = append(out, effectAt{path + ".fallback", n.Fallback})
		}
		if n.OnTimeout != nil {
			out = append(out, effectAt{path + ".on_timeout", n.OnTimeout})
		}
	}
	for i := range s.Triggers {
		out = append(out, effectAt{fmt.Sprintf("trigger.%d", i), &s.Triggers[i].Effect})
	}
	for i := range s.Ticks {
		out = append(out, effectAt{fmt.Sprintf("tick.%d", i), &s.Ticks[i].Effect})
	}
	for i := range s.Injects {
		out = append(out, effectAt{fmt.Sprintf("inject.%d", i), &s.Injects[i].Effect})
	}
	return out
}

// srcAt is one expression source with its key path.
type srcAt struct{ path, src string }

// conditions lists every condition of the script with its key path.
func (s *Script) conditions() []srcAt {
	var out []srcAt
	add := func(path, src string) {
		if src != "" {
			out = append(out, srcAt{path, src})
		}
	}
	for i, r := range s.Rules {
		add(fmt.Sprintf("rule.%d.when", i), r.When)
	}
	for i, t := range s.Triggers {
		add(fmt.Sprintf("trigger.%d.when", i), t.When)
	}
	for i, t := range s.Ticks {
		add(fmt.Sprintf("tick.%d.when", i), t.When)
	}
	for _, n := range s.Nodes {
		for j, r := range n.Replies {
			add(fmt.Sprintf("node.%s.reply.%d.when", n.ID, j), r.When)
		}
		for j, b := range n.Branch {
			add(fmt.Sprintf("node.%s.branch.%d.when", n.ID, j), b.When)
		}
	}
	for _, ea := range s.effects() {
		for k, l := range ea.e.Lines {
			add(fmt.Sprintf("%s.lines.%d.when", ea.path, k), l.When)
		}
	}
	return out
}

// lintLines checks the customer lines: every {name} in a text must be a
// variable or a constant, or the trainee sees the braces.
func (l *linter) lintLines() {
	for _, ea := range l.s.effects() {
		for k, line := range ea.e.Lines {
			for _, text := range line.Text {
				for _, name := range interpolated(text) {
					if _, ok := l.p.varSlot[name]; ok {
						continue
					}
					if _, ok := l.p.consts[name]; ok {
						continue
					}
					msg := fmt.Sprintf("unknown name {%s} in a line: only variables and constants are filled in", name)
					if c := closest(name, l.fillable()); c != "" {
						msg += fmt.Sprintf(" (did you mean {%s}?)", c)
					}
					l.p.errorf(fmt.Sprintf("%s.lines.%d.text", ea.path, k), "%s", msg)
				}
			}
		}
	}
}

// interpolated returns the names in {…} of text, as the session fills them in.
func interpolated(text string) []string {
	var out []string
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(text[i+1:], '}')
		if j < 0 {
			return out
		}
		out = append(out, text[i+1:i+1+j])
		text = text[i+j+2:]
	}
}

// fillable lists the names a line can fill in: variables and constants.
func (l *linter) fillable() []string {
	var names []string
	for _, v := range l.s.Vars {
		names = append(names, v.Name)
	}
	for _, c := range l.s.Consts {
		names = append(names, c.Name)
	}
	return names
}

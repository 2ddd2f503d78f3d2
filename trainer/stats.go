package trainer

import (
	"fmt"
	"strings"
)

// Stats counts what a script contains, like inklecate -s.
type Stats struct {
	Nodes, Ends, Branches  int
	Replies, GuidedOnly    int
	Examples               int
	CustomerLines          int // line variants the customer can say
	CustomerWords          int
	Vars, Rules, Critical  int
	Triggers, Ticks        int
	Injects, Tests, Lexica int
	Outcomes               []string
}

// Stats counts the script's parts.
func (s *Script) Stats() Stats {
	st := Stats{Nodes: len(s.Nodes), Vars: len(s.Vars), Rules: len(s.Rules), Triggers: len(s.Triggers),
		Ticks: len(s.Ticks), Injects: len(s.Injects), Tests: len(s.Tests), Lexica: len(s.Lexicon), Outcomes: s.Outcomes()}
	lines := func(ls []Line) {
		for _, l := range ls {
			for _, t := range l.Text {
				st.CustomerLines++
				st.CustomerWords += len(strings.Fields(t))
			}
		}
	}
	eff := func(e *Effect) {
		if e != nil {
			lines(e.Lines)
		}
	}
	for _, n := range s.Nodes {
		if n.End != "" {
			st.Ends++
		}
		if len(n.Branch) > 0 {
			st.Branches++
		}
		eff(&n.Enter)
		eff(n.Fallback)
		eff(n.OnTimeout)
		for _, r := range n.Replies {
			st.Replies++
			st.Examples += len(r.Examples)
			if r.Match.Empty() {
				st.GuidedOnly++
			}
			eff(&r.Effect)
		}
	}
	for _, r := range s.Rules {
		if r.Critical {
			st.Critical++
		}
	}
	for i := range s.Triggers {
		eff(&s.Triggers[i].Effect)
	}
	for i := range s.Injects {
		eff(&s.Injects[i].Effect)
	}
	return st
}

// Text renders the stats as aligned lines.
func (st Stats) Text() string {
	var b strings.Builder
	row := func(k string, v any) { fmt.Fprintf(&b, "%-16s %v\n", k, v) }
	row("nodes", fmt.Sprintf("%d (%d ends, %d branches)", st.Nodes, st.Ends, st.Branches))
	row("replies", fmt.Sprintf("%d (%d guided-only, %d examples)", st.Replies, st.GuidedOnly, st.Examples))
	row("customer lines", fmt.Sprintf("%d (%d words)", st.CustomerLines, st.CustomerWords))
	row("variables", st.Vars)
	row("rules", fmt.Sprintf("%d (%d critical)", st.Rules, st.Critical))
	row("triggers", st.Triggers)
	row("ticks", st.Ticks)
	row("injects", st.Injects)
	row("lexicon", st.Lexica)
	row("test plans", st.Tests)
	row("outcomes", strings.Join(st.Outcomes, ", "))
	return b.String()
}

package trainer

import (
	"fmt"
	"strings"

	"github.com/ccsim/ccsim/i18n"
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
func (st Stats) Text() string { return st.TextIn(i18n.English) }

// TextIn renders the stats as aligned lines labelled in language l.
func (st Stats) TextIn(l i18n.Lang) string {
	p := messages.Printer(l)
	var b strings.Builder
	row := func(k string, v any) { fmt.Fprintf(&b, "%-16s %v\n", k, v) }
	row(p.Sprintf("nodes"), p.Sprintf("%d (%d ends, %d branches)", st.Nodes, st.Ends, st.Branches))
	row(p.Sprintf("replies"), p.Sprintf("%d (%d guided-only, %d examples)", st.Replies, st.GuidedOnly, st.Examples))
	row(p.Sprintf("customer lines"), p.Sprintf("%d (%d words)", st.CustomerLines, st.CustomerWords))
	row(p.Sprintf("variables"), st.Vars)
	row(p.Sprintf("rules"), p.Sprintf("%d (%d critical)", st.Rules, st.Critical))
	row(p.Sprintf("triggers"), st.Triggers)
	row(p.Sprintf("ticks"), st.Ticks)
	row(p.Sprintf("injects"), st.Injects)
	row(p.Sprintf("lexicon"), st.Lexica)
	row(p.Sprintf("test plans"), st.Tests)
	row(p.Sprintf("outcomes"), strings.Join(st.Outcomes, ", "))
	return b.String()
}

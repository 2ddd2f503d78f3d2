package trainer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ccsim/ccsim/i18n"
	"golang.org/x/text/message"
)

// Edge is one way from node to node, for graphs and reachability.
type Edge struct {
	From, To string
	Label    string // reply id, "fallback", "timeout", "next", "else" or a branch condition
	Kind     string // reply, fallback, timeout, branch, next
}

// Edges lists the script's node-to-node moves in node order. Moves from
// triggers, injects and the time limit have From "" (they can happen anywhere).
func (s *Script) Edges() []Edge {
	var out []Edge
	for _, n := range s.Nodes {
		for _, r := range s.replies(n) {
			if r.Goto != "" {
				out = append(out, Edge{n.ID, r.Goto, r.ID, "reply"})
			}
		}
		if n.Fallback != nil && n.Fallback.Goto != "" {
			out = append(out, Edge{n.ID, n.Fallback.Goto, "fallback", "fallback"})
		}
		if n.OnTimeout != nil && n.OnTimeout.Goto != "" {
			out = append(out, Edge{n.ID, n.OnTimeout.Goto, "timeout", "timeout"})
		}
		for _, b := range n.Branch {
			label := b.When
			if label == "" {
				label = "else"
			}
			out = append(out, Edge{n.ID, b.Goto, label, "branch"})
		}
		if n.Next != "" {
			out = append(out, Edge{n.ID, n.Next, "next", "next"})
		}
	}
	for _, t := range s.Triggers {
		if t.Goto != "" {
			out = append(out, Edge{"", t.Goto, "trigger: " + t.When, "trigger"})
		}
	}
	for _, in := range s.Injects {
		if in.Goto != "" {
			out = append(out, Edge{"", in.Goto, "inject: " + in.ID, "inject"})
		}
	}
	for _, t := range s.Ticks {
		if t.Goto != "" {
			out = append(out, Edge{"", t.Goto, fmt.Sprintf("every %ds", t.EveryS), "tick"})
		}
	}
	if s.OnTimeLimit != "" {
		out = append(out, Edge{"", s.OnTimeLimit, "time limit", "limit"})
	}
	return out
}

// replies returns a node's own replies then the included ones.
func (s *Script) replies(n *Node) []*Reply {
	out := append([]*Reply(nil), n.Replies...)
	for _, id := range n.IncludeReplies {
		if m := s.node(id); m != nil {
			out = append(out, m.Replies...)
		}
	}
	return out
}

// GraphOptions configures Graph.
type GraphOptions struct {
	Format string         // "dot" (default) or "mermaid"
	Visits map[string]int // optional overlay: visits per node, shown in labels
	Lang   i18n.Lang      // language of the graph's own words (time limit, else, anywhere); "" is English
}

// Graph renders the script's flow as Graphviz dot or Mermaid: labelled
// edges, ends coloured by outcome, and optional visit counts.
func (s *Script) Graph(opt GraphOptions) (string, error) {
	switch opt.Format {
	case "", "dot":
		return s.dot(opt), nil
	case "mermaid":
		return s.mermaid(opt), nil
	}
	return "", fmt.Errorf("trainer: unknown graph format %q (want dot or mermaid)", opt.Format)
}

var palette = []string{"#a6e3a1", "#f9e2af", "#89b4fa", "#f5c2e7", "#fab387", "#94e2d5", "#cba6f7", "#eba0ac"}

func (s *Script) outcomeColor(outcome string) string {
	bad := []string{"hung_up", "hangup", "timed_out", "escalated", "churned", "lost"}
	if indexOf(bad, outcome) >= 0 {
		return "#f38ba8"
	}
	return palette[indexOf(s.Outcomes(), outcome)%len(palette)]
}

func nodeLabel(n *Node, visits map[string]int) string {
	label := n.ID
	if n.End != "" {
		label += "\\n[" + n.End + "]"
	}
	if visits != nil {
		label += fmt.Sprintf("\\n(%d)", visits[n.ID])
	}
	return label
}

func (s *Script) dot(opt GraphOptions) string {
	visits, p := opt.Visits, messages.Printer(opt.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %q {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"];\n", s.ID)
	fmt.Fprintf(&b, "  \"_start\" [shape=circle, label=\"\", width=0.2, fillcolor=\"#000000\"];\n  \"_start\" -> %q;\n", s.Start)
	for _, n := range s.Nodes {
		attrs := fmt.Sprintf("label=%q", nodeLabel(n, visits))
		attrs = strings.ReplaceAll(attrs, `\\n`, `\n`)
		if n.End != "" {
			attrs += fmt.Sprintf(", shape=doubleoctagon, fillcolor=%q", s.outcomeColor(n.End))
		} else if len(n.Branch) > 0 {
			attrs += ", shape=diamond"
		}
		fmt.Fprintf(&b, "  %q [%s];\n", n.ID, attrs)
	}
	any := false
	for _, e := range s.Edges() {
		from := e.From
		if from == "" {
			if !any {
				fmt.Fprintf(&b, "  \"_anywhere\" [shape=plaintext, label=%q];\n", p.Sprintf("anywhere"))
				any = true
			}
			from = "_anywhere"
		}
		style := ""
		switch e.Kind {
		case "fallback", "timeout":
			style = ", style=dashed"
		case "trigger", "inject", "tick", "limit":
			style = ", style=dotted"
		}
		fmt.Fprintf(&b, "  %q -> %q [label=%q%s];\n", from, e.To, edgeLabel(p, e), style)
	}
	b.WriteString("}\n")
	return b.String()
}

func (s *Script) mermaid(opt GraphOptions) string {
	visits, p := opt.Visits, messages.Printer(opt.Lang)
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := map[string]string{"": "anywhere"}
	for i, n := range s.Nodes {
		ids[n.ID] = fmt.Sprintf("n%d", i)
	}
	fmt.Fprintf(&b, "  start((%s)) --> %s\n", mermaidEscape(p.Sprintf("start")), ids[s.Start])
	for _, n := range s.Nodes {
		label := strings.ReplaceAll(nodeLabel(n, visits), "\\n", "<br/>")
		open, close := "[", "]"
		if n.End != "" {
			open, close = "([", "])"
		} else if len(n.Branch) > 0 {
			open, close = "{", "}"
		}
		fmt.Fprintf(&b, "  %s%s\"%s\"%s\n", ids[n.ID], open, mermaidEscape(label), close)
	}
	used := map[string]bool{}
	for _, e := range s.Edges() {
		arrow := "-->"
		if e.Kind != "reply" && e.Kind != "branch" && e.Kind != "next" {
			arrow = "-.->"
		}
		if e.From == "" && !used[""] {
			fmt.Fprintf(&b, "  anywhere[/%s/]\n", mermaidEscape(p.Sprintf("anywhere")))
			used[""] = true
		}
		to, ok := ids[e.To]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "  %s %s|\"%s\"| %s\n", ids[e.From], arrow, mermaidEscape(edgeLabel(p, e)), to)
	}
	outcomes := s.Outcomes()
	sort.Strings(outcomes)
	for _, n := range s.Nodes {
		if n.End != "" {
			fmt.Fprintf(&b, "  style %s fill:%s\n", ids[n.ID], s.outcomeColor(n.End))
		}
	}
	return b.String()
}

func mermaidEscape(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "|", "#124;").Replace(s)
}

// edgeLabel is an edge's label with the graph's own words (time limit,
// else, every Ns) in p's language; reply ids, conditions and keywords stay.
func edgeLabel(p *message.Printer, e Edge) string {
	switch {
	case e.Kind == "limit":
		return p.Sprintf("time limit")
	case e.Kind == "branch" && e.Label == "else":
		return p.Sprintf("else")
	case e.Kind == "tick":
		var every int
		if _, err := fmt.Sscanf(e.Label, "every %ds", &every); err == nil {
			return p.Sprintf("every %ds", every)
		}
	}
	return e.Label
}

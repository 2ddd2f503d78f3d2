package reports

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// page is what the test reads from an HTML report.
type page struct {
	ids       map[string]bool
	tableRows map[string]int // data rows per table id
	figures   map[string]bool
	svgs      int
	refs      []string // src, href, xlink:href, action, poster and srcset values, and url(...) in styles
	tags      map[string]int
}

func parsePage(t *testing.T, data []byte) page {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("report does not parse as HTML: %v", err)
	}
	p := page{ids: map[string]bool{}, tableRows: map[string]int{}, figures: map[string]bool{}, tags: map[string]int{}}
	var walk func(n *html.Node, table string)
	walk = func(n *html.Node, table string) {
		if n.Type == html.ElementNode {
			p.tags[n.Data]++
			for _, a := range n.Attr {
				switch strings.ToLower(a.Key) {
				case "id":
					p.ids[a.Val] = true
				case "src", "href", "action", "poster", "srcset", "data", "background":
					p.refs = append(p.refs, a.Val)
				case "style":
					p.refs = append(p.refs, urls(a.Val)...)
				}
			}
			switch n.Data {
			case "table":
				table = attr(n, "id")
			case "tr":
				if n.Parent != nil && n.Parent.Data == "tbody" {
					p.tableRows[table]++
				}
			case "figure":
				p.figures[attr(n, "id")] = hasChild(n, "svg")
			case "svg":
				p.svgs++
			case "style":
				if n.FirstChild != nil {
					p.refs = append(p.refs, urls(n.FirstChild.Data)...)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, table)
		}
	}
	walk(doc, "")
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasChild(n *html.Node, tag string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag {
			return true
		}
	}
	return false
}

// urls returns the targets of url(...) in CSS.
func urls(css string) []string {
	var out []string
	for {
		i := strings.Index(css, "url(")
		if i < 0 {
			return out
		}
		css = css[i+4:]
		j := strings.Index(css, ")")
		if j < 0 {
			return append(out, css)
		}
		out = append(out, strings.Trim(css[:j], `'" `))
		css = css[j+1:]
	}
}

func TestHTMLReport(t *testing.T) {
	res := synthetic(t, 24, 5)
	st := testStaffing()
	r := Report{Results: res, Staffing: &st}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	p := parsePage(t, b.Bytes())
	for _, id := range []string{"summary", "kpis", "method", "charts", "intervals", "intents", "groups", "channels"} {
		if !p.ids[id] {
			t.Errorf("report lacks section #%s", id)
		}
	}
	tables := []struct {
		id   string
		rows int
	}{
		{"table-scenario", 9}, {"table-kpis", 12}, {"table-intervals", 24}, {"table-intents", 3}, {"table-groups", 2}, {"table-channels", 2},
	}
	for _, tc := range tables {
		if got := p.tableRows[tc.id]; got != tc.rows {
			t.Errorf("table #%s has %d rows, want %d", tc.id, got, tc.rows)
		}
	}
	charts := r.Charts()
	for _, c := range charts {
		if inline, ok := p.figures["chart-"+c.Name]; !ok || !inline {
			t.Errorf("chart %s: figure present %v, inline SVG %v; want both", c.Name, ok, inline)
		}
	}
	if p.svgs != len(charts) {
		t.Errorf("report has %d <svg> elements, want %d", p.svgs, len(charts))
	}
	for _, tag := range []string{"script", "link", "img", "iframe", "object", "embed"} {
		if p.tags[tag] > 0 {
			t.Errorf("report has %d <%s> elements, want none", p.tags[tag], tag)
		}
	}
	for _, ref := range p.refs {
		if !strings.HasPrefix(ref, "#") && !strings.HasPrefix(ref, "data:") {
			t.Errorf("report refers to %q; want only in-page (#) or data: references", ref)
		}
	}
	if !strings.Contains(b.String(), "Synthetic day") {
		t.Error("report does not name the scenario")
	}
}

func TestHTMLComparison(t *testing.T) {
	a, b := synthetic(t, 24, 5), synthetic(t, 12, 3)
	c := Comparison{Runs: []Run{{"base", a}, {"more agents", b}}}
	var buf bytes.Buffer
	d := c.document()
	if err := writeHTML(&buf, d, newSVGCache(d.Charts)); err != nil {
		t.Fatalf("writeHTML: %v", err)
	}
	p := parsePage(t, buf.Bytes())
	if got := p.tableRows["table-runs"]; got != 2 {
		t.Errorf("runs table has %d rows, want 2", got)
	}
	if p.svgs != len(CompareMetrics()) {
		t.Errorf("comparison has %d charts, want %d", p.svgs, len(CompareMetrics()))
	}
	if !strings.Contains(buf.String(), "more agents") {
		t.Error("comparison does not name its runs")
	}
}

func TestHTMLEmptyResults(t *testing.T) {
	var b bytes.Buffer
	if err := (Report{Results: synthetic(t, 0, 0)}).WriteHTML(&b); err != nil {
		t.Fatalf("WriteHTML of empty results: %v", err)
	}
	p := parsePage(t, b.Bytes())
	if p.tableRows["table-intervals"] != 0 || !p.ids["intervals"] {
		t.Errorf("empty results: intervals section %v with %d rows; want the section with no rows", p.ids["intervals"], p.tableRows["table-intervals"])
	}
}

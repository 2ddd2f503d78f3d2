package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/net/html"
)

// htmlPage is what the acceptance tests read from a report.html: the text
// of each section's paragraphs and each table's cells, by id.
type htmlPage struct {
	paragraphs map[string][]string   // section id → its <p> texts
	tables     map[string][][]string // table id → body rows of cell texts
	figures    map[string]bool       // figure ids
}

func readPage(t *testing.T, path string) htmlPage {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	p := htmlPage{paragraphs: map[string][]string{}, tables: map[string][][]string{}, figures: map[string]bool{}}
	var walk func(n *html.Node, section, table string)
	walk = func(n *html.Node, section, table string) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "section":
				section = attrOf(n, "id")
			case "table":
				table = attrOf(n, "id")
			case "figure":
				p.figures[attrOf(n, "id")] = true
			case "p":
				p.paragraphs[section] = append(p.paragraphs[section], textOf(n))
			case "tr":
				if n.Parent != nil && n.Parent.Data == "tbody" {
					var row []string
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.ElementNode && c.Data == "td" {
							row = append(row, textOf(c))
						}
					}
					p.tables[table] = append(p.tables[table], row)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, section, table)
		}
	}
	walk(doc, "", "")
	return p
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// row returns the cells of the row of table id whose first cell is first.
func (p htmlPage) row(t *testing.T, id, first string) []string {
	t.Helper()
	for _, r := range p.tables[id] {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	t.Fatalf("table %s has no row %q (rows %q)", id, first, p.tables[id])
	return nil
}

// wantMatch fails unless s matches the regular expression re.
func wantMatch(t *testing.T, what, s, re string) {
	t.Helper()
	if !regexp.MustCompile(re).MatchString(s) {
		t.Errorf("%s = %q, want a match of %s", what, s, re)
	}
}

// wantPDFTitle requires the PDF's document information to carry title.
func wantPDFTitle(t *testing.T, path, title string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var hex strings.Builder
	for _, u := range utf16.Encode([]rune(title)) {
		fmt.Fprintf(&hex, "%04X", u)
	}
	if !bytes.Contains(data, []byte("/Title <FEFF"+hex.String())) {
		t.Errorf("%s: no /Title %q in the document information", path, title)
	}
}

// readJSON decodes a JSON file into v.
func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestRunReportPage checks page 1 of a run's report: the verdict, the cost
// with its currency (the total of results.json, formatted), and the PDF title.
func TestRunReportPage(t *testing.T) {
	dir := t.TempDir()
	if _, errs, code := ccsim(t, "run", "--reps", "3", "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	p := readPage(t, filepath.Join(dir, "report.html"))
	v := p.paragraphs["verdict"]
	if len(v) != 3 {
		t.Fatalf("verdict %q, want 3 sentences", v)
	}
	wantMatch(t, "verdict goal", v[0], `^Service-level goal \(80 % answered within 20 s\) (met|missed) for the day: [\d.]+% \[[\d.]+%, [\d.]+%\]; (missed in \d+ of 24 intervals \((\d\d:\d\d–\d\d:\d\d(, )?)+\)|met in all 24 intervals)\.$`)
	wantMatch(t, "verdict effort", v[1], `^[\d,]+\.\d scheduled agent-hours; cost [\d,]+ EUR \([\d.]+ EUR per contact offered\)\.$`)
	wantMatch(t, "verdict risk", v[2], `^Biggest risk: the \d\d:\d\d interval, service level`)
	var res struct {
		Currency string `json:"currency"`
		Metrics  map[string]struct {
			Mean float64 `json:"mean"`
		} `json:"metrics"`
	}
	readJSON(t, filepath.Join(dir, "results.json"), &res)
	if res.Currency != "EUR" {
		t.Errorf("results.json currency %q, want EUR", res.Currency)
	}
	want := money(res.Metrics["cost"].Mean, "EUR")
	if got := p.row(t, "table-costs", "total"); got[1] != want {
		t.Errorf("costs table total %q, want %q (results.json)", got[1], want)
	}
	if !strings.Contains(v[1], "cost "+want+" ") {
		t.Errorf("verdict %q does not give the cost %s", v[1], want)
	}
	wantPDFTitle(t, filepath.Join(dir, "report.pdf"), "Simulation report: Retail hybrid weekday")
	summary, err := os.ReadFile(filepath.Join(dir, "summary.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(summary), v[0]) || !strings.Contains(string(summary), "total  ") || !strings.Contains(string(summary), want) {
		t.Errorf("summary.txt lacks the verdict or the total cost %s:\n%s", want, summary)
	}
}

// TestCompareReportPage checks that a comparison's report leads with the
// paired differences of compare.json, Δ cost with its currency, per interval
// and with charts of the differences, under human labels.
func TestCompareReportPage(t *testing.T) {
	dir := t.TempDir()
	if _, errs, code := ccsim(t, "compare", "--vary", "intents.order_status.bot_containment=0.25,0.55", "--reps", "3", "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	p := readPage(t, filepath.Join(dir, "report.html"))
	v := p.paragraphs["verdict"]
	if len(v) != 3 {
		t.Fatalf("verdict %q, want the variant's differences and each run's goal", v)
	}
	wantMatch(t, "verdict", v[0], `^order_status containment 55 % against order_status containment 25 %: service level [+-][\d.]+ pp \[.*; cost [+-][\d,]+ EUR \[`)
	var out struct {
		Comparisons []struct {
			Metrics map[string]struct {
				Paired struct {
					Mean float64    `json:"mean"`
					CI95 [2]float64 `json:"ci95"`
				} `json:"paired"`
			} `json:"metrics"`
			Intervals []any `json:"intervals"`
		} `json:"comparisons"`
	}
	readJSON(t, filepath.Join(dir, "compare.json"), &out)
	d := out.Comparisons[0].Metrics["cost"].Paired
	sign := "+"
	if d.Mean < 0 {
		sign = "-"
	}
	cost := p.row(t, "table-differences", "cost")
	if want := sign + money(max(d.Mean, -d.Mean), "") + " EUR ["; !strings.HasPrefix(cost[1], want) {
		t.Errorf("paired cost difference %q, want it to start %q (compare.json)", cost[1], want)
	}
	sl := out.Comparisons[0].Metrics["service_level"].Paired
	if got := p.row(t, "table-differences", "service level")[1]; !strings.HasPrefix(got, fmt.Sprintf("%+.1f pp [", 100*sl.Mean)) {
		t.Errorf("paired service-level difference %q, want %+.1f pp (compare.json)", got, 100*sl.Mean)
	}
	if rows := p.tables["table-interval-differences"]; len(rows) != len(out.Comparisons[0].Intervals) || len(rows) != 24 {
		t.Errorf("%d rows of paired differences per interval, want 24", len(rows))
	}
	for _, id := range []string{"chart-difference-service-level", "chart-difference-abandon-rate"} {
		if !p.figures[id] {
			t.Errorf("no figure %s", id)
		}
	}
	wantPDFTitle(t, filepath.Join(dir, "report.pdf"), "Comparison report: order_status containment 25 % vs order_status containment 55 %")
}

// TestStaffAndSweepReportPages checks the verdicts of a staffing plan
// (intervals met, agent-hours and cost with currency, from plan.json) and
// of a sweep (points meeting the target, from sweep.json), and the sweep's heatmap.
func TestStaffAndSweepReportPages(t *testing.T) {
	dir := t.TempDir()
	staffDir, sweepDir := filepath.Join(dir, "staff"), filepath.Join(dir, "sweep")
	if _, errs, code := ccsim(t, "staff", "--reps", "3", "--verify-reps", "3", "--on-means", "--out", staffDir); code != 0 {
		t.Fatalf("staff: exit %d: %s", code, errs)
	}
	var plan struct {
		AgentHours float64 `json:"agent_hours"`
		Cost       float64 `json:"cost"`
		Intervals  []struct {
			Met bool `json:"met"`
		} `json:"intervals"`
	}
	readJSON(t, filepath.Join(staffDir, "plan.json"), &plan)
	met := 0
	for _, iv := range plan.Intervals {
		if iv.Met {
			met++
		}
	}
	v := readPage(t, filepath.Join(staffDir, "report.html")).paragraphs["verdict"]
	if len(v) != 3 {
		t.Fatalf("plan verdict %q, want 3 sentences", v)
	}
	wantMatch(t, "plan verdict", v[0], fmt.Sprintf(`^The plan meets every goal \(80 %% answered within 20 s\) in %d of %d intervals on fresh replications`, met, len(plan.Intervals)))
	if want := "cost " + money(plan.Cost, "EUR"); !strings.Contains(v[1], want) || !strings.Contains(v[1], "scheduled agent-hours") {
		t.Errorf("plan verdict %q, want agent-hours and %s (plan.json)", v[1], want)
	}
	wantMatch(t, "plan risk", v[2], `^Biggest risk: ((voice|chat) in )?the \d\d:\d\d interval`)
	wantPDFTitle(t, filepath.Join(staffDir, "report.pdf"), "Staffing plan: Retail hybrid weekday")

	if _, errs, code := ccsim(t, "sweep", filepath.Join("testdata", "sweep-small.toml"), "--out", sweepDir); code != 0 {
		t.Fatalf("sweep: exit %d: %s", code, errs)
	}
	var sr struct {
		Target  float64 `json:"service_level_target"`
		Results []struct {
			Metrics map[string]struct {
				Mean float64 `json:"mean"`
			} `json:"metrics"`
		} `json:"results"`
	}
	readJSON(t, filepath.Join(sweepDir, "sweep.json"), &sr)
	meet := 0
	for _, p := range sr.Results {
		if p.Metrics["service_level"].Mean >= sr.Target {
			meet++
		}
	}
	p := readPage(t, filepath.Join(sweepDir, "report.html"))
	v = p.paragraphs["verdict"]
	if len(v) < 2 {
		t.Fatalf("sweep verdict %q, want at least 2 sentences", v)
	}
	wantMatch(t, "sweep verdict", v[0], fmt.Sprintf(`^%d of %d points meet the service-level target`, meet, len(sr.Results)))
	if meet > 0 {
		wantMatch(t, "sweep cheapest", v[1], `^Cheapest point that meets it: point \d \(.*\), [\d,]+ EUR, service level`)
	}
	if !p.figures["chart-sweep-heatmap"] {
		t.Error("a two-key sweep has no heatmap")
	}
	for _, r := range p.tables["table-points"] {
		wantMatch(t, "sweep table row", strings.Join(r, " | "), `[\d.]+% \| [\d.]+ \| [\d.]+% \| [\d.]+% \| [\d,]+ EUR$`)
	}
}

// TestCalibrationReportPage checks the calibration report's verdict: what
// was fitted, and one sentence per back-test that agrees with calibration.json.
func TestCalibrationReportPage(t *testing.T) {
	dir := t.TempDir()
	if _, errs, code := ccsim(t, "calibrate", januaryPath, "--backtest", "--reps", "3", "--report", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Used      int `json:"used"`
		Backtests []struct {
			DayType string `json:"day_type"`
		} `json:"backtests"`
	}
	readJSON(t, filepath.Join(dir, "calibration.json"), &doc)
	v := readPage(t, filepath.Join(dir, "report.html")).paragraphs["verdict"]
	if len(v) != 1+len(doc.Backtests) || len(doc.Backtests) != 3 {
		t.Fatalf("verdict %q for %d back-tests, want one sentence each after the first", v, len(doc.Backtests))
	}
	wantMatch(t, "calibration verdict", v[0], fmt.Sprintf(`^Fitted 3 day types from %s records of anonymous-bank\.$`, thousands(float64(doc.Used))))
	for i, b := range doc.Backtests {
		wantMatch(t, "back-test verdict", v[1+i], `^Back-test of `+b.DayType+`: the simulation (matches|differs from) the records.*service level [\d.]+% simulated vs [\d.]+% observed`)
	}
	wantPDFTitle(t, filepath.Join(dir, "report.pdf"), "Calibration: anonymous-bank")
}

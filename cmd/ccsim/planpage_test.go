package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ccsim/ccsim/sim/staff"
)

// TestPlanComparisonReportPage checks page 1 of plans compared (staff
// --vary --out) against comparison.json: the baseline's agent-hours, cost
// with its currency and goals, the variant's differences, the biggest
// risk, the totals table and the PDF's title.
func TestPlanComparisonReportPage(t *testing.T) {
	dir := t.TempDir()
	if _, errs, code := ccsim(t, "staff", "shifts", "--set", "costs.agent_hour=30", "--set", "costs.currency=EUR",
		"--vary", "arrivals.day_factor=1,1.2", "--reps", "4", "--verify-reps", "6", "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var c staff.Comparison
	readJSON(t, filepath.Join(dir, "comparison.json"), &c)
	if c.Currency != "EUR" || len(c.Variants) != 2 || c.Variants[0].Cost == nil || c.Variants[1].DeltaCost == nil {
		t.Fatalf("comparison.json: currency %q, %d variants, want EUR and two with costs", c.Currency, len(c.Variants))
	}
	b, v := c.Variants[0], c.Variants[1]
	p := readPage(t, filepath.Join(dir, "report.html"))
	verdict := p.paragraphs["verdict"]
	if len(verdict) != 3 {
		t.Fatalf("verdict %q, want the baseline, the variant and the risk", verdict)
	}
	wantMatch(t, "baseline", verdict[0], fmt.Sprintf(`^Baseline %s: %.1f agent-hours a day, cost %s a day; its plan meets every goal \(80 %% answered within 20 s\) in \d+ of \d+ intervals out of sample(\.|; it misses in .*\.)$`,
		regexp.QuoteMeta(c.Baseline), b.AgentHours, regexp.QuoteMeta(money(b.Cost.Mean, "EUR"))))
	wantMatch(t, "variant", verdict[1], fmt.Sprintf(`^Against the baseline, %s needs \+%.1f agent-hours a day \(\+[\d.]+ FTE\)( \(over \d+ paired searches [-+][\d.,]+, 95 %% CI \[[^]]*\]\))?, \+%s a day \(95 %% CI \[.*\]\), \+[\d,]+ EUR a year; its plan meets every goal in \d+ of \d+ intervals out of sample`,
		regexp.QuoteMeta(v.Label), v.DeltaAgentHours, regexp.QuoteMeta(money(v.DeltaCost.Mean, "EUR"))))
	wantMatch(t, "risk", verdict[2], `^Biggest risk: in arrivals day factor 1(\.2)?, the \d\d:\d\d interval, closest to the service-level target with \d+ agents: [\d.]+% \[[\d.]+%, [\d.]+%\], [\d.]+% abandoned\.$`)
	if got := p.row(t, "table-totals", v.Label)[5]; got != money(v.Cost.Mean, "EUR") {
		t.Errorf("totals: %s costs %q a day, want %q (comparison.json)", v.Label, got, money(v.Cost.Mean, "EUR"))
	}
	wantPDFTitle(t, filepath.Join(dir, "report.pdf"), "Staffing plan comparison: Staffing plans of Shifts, breaks and shrinkage")
}

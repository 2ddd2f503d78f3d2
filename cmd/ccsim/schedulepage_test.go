package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim/schedule"
)

// TestScheduleReportPage checks page 1 of a schedule's report against its
// schedule.json: the verdict (intervals meeting every goal, shifts, paid
// hours, cost with its currency and the gap to the LP bound, the least
// slack, the largest over-cover), the key figures, the shifts and
// coverage tables, the chart and the PDF's title.
func TestScheduleReportPage(t *testing.T) {
	dir := t.TempDir()
	if _, errs, code := ccsim(t, "schedule", "--rules", "default", "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep schedule.Report
	readJSON(t, filepath.Join(dir, "schedule.json"), &rep)
	if rep.Currency != "EUR" {
		t.Fatalf("schedule.json currency %q, want EUR", rep.Currency)
	}
	p := readPage(t, filepath.Join(dir, "report.html"))
	v := p.paragraphs["verdict"]
	if len(v) < 4 {
		t.Fatalf("verdict %q, want goals, cost, risk and over-cover", v)
	}
	vf := rep.Verification
	head := "The schedule"
	if n := len(rep.Repairs); n > 0 {
		head = fmt.Sprintf("After %d repairs?, the schedule", n)
	}
	wantMatch(t, "verdict goals", v[0], fmt.Sprintf(`^%s meets every goal \(80 %% answered within 20 s\) in %d of %d intervals on %d fresh replications[.;]`,
		head, vf.AllMet, vf.Intervals, vf.Replications))
	shifts := 0
	for _, sh := range rep.Shifts {
		shifts += sh.Count
	}
	cost := fmt.Sprintf("%d shifts, %.1f paid agent-hours, cost %s, %.2f %% above the LP lower bound of %s.",
		shifts, rep.PaidHours, money(rep.Cost, "EUR"), rep.GapPercent, money(rep.LowerBound, "EUR"))
	if !anyContains(v, cost) {
		t.Errorf("verdict %q lacks %q (schedule.json)", v, cost)
	}
	wantMatch(t, "verdict risk", v[len(v)-2], `^Biggest risk: the \d\d:\d\d interval, closest to the service-level target \(80 %\): [\d.]+% \[[\d.]+%, [\d.]+%\] answered within 20 s, [\d.]+% abandoned, with \d+ agents on duty at the fewest for \d+ required\.$`)
	at, over := largestOver(rep.Coverage)
	wantMatch(t, "verdict over-cover", v[len(v)-1], fmt.Sprintf(`^The largest over-cover, the price of the shift rules, is at %s: [\d.]+ agents on duty on average for \d+ required \(\+%.1f\)\.$`, at, over))
	if got := p.row(t, "table-kpis", "cost of the shifts")[1]; got != money(rep.Cost, "EUR") {
		t.Errorf("key figures: cost %q, want %q", got, money(rep.Cost, "EUR"))
	}
	if got := p.row(t, "table-kpis", "gap to the bound")[1]; got != fmt.Sprintf("%.2f %%", rep.GapPercent) {
		t.Errorf("key figures: gap %q, want %.2f %%", got, rep.GapPercent)
	}
	rows, count := p.tables["table-shifts"], 0
	for _, r := range rows {
		n, err := strconv.Atoi(r[5])
		if err != nil {
			t.Fatalf("shift row %q: count %v", r, err)
		}
		count += n
	}
	if len(rows) != len(rep.Shifts) || count != shifts {
		t.Errorf("shifts table: %d rows, %d shifts; schedule.json %d lines, %d shifts", len(rows), count, len(rep.Shifts), shifts)
	}
	if got := len(p.tables["table-coverage"]); got != vf.Intervals {
		t.Errorf("coverage table: %d rows, want %d", got, vf.Intervals)
	}
	if len(p.tables["table-shift-types"]) != 2 || !p.figures["chart-coverage"] {
		t.Errorf("no shift types table of the bundled rules' two types, or no coverage chart")
	}
	wantPDFTitle(t, filepath.Join(dir, "report.pdf"), "Shift schedule: Retail hybrid weekday")
}

// largestOver is the interval whose agents on duty, averaged and summed
// over groups, lie furthest above the need, and by how much.
func largestOver(cov []schedule.CoverageJSON) (string, float64) {
	var starts []string
	over := map[string]float64{}
	for _, c := range cov {
		if _, ok := over[c.Start]; !ok {
			starts = append(starts, c.Start)
		}
		over[c.Start] += c.Scheduled - float64(c.Required)
	}
	best := ""
	for _, s := range starts {
		if best == "" || over[s] > over[best]+1e-9 {
			best = s
		}
	}
	return best, over[best]
}

func anyContains(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/schedule"
)

// Schedule is a built shift schedule to render: the result of
// schedule.Build, the rules it was built under and its JSON report.
type Schedule struct {
	Result *schedule.Result
	Rules  *schedule.Rules
	Report schedule.Report
}

// Files lists the schedule's files in the given formats (nil: all):
// report.html, report.pdf, charts/coverage.{png,svg,pdf}, schedule.csv and
// schedule.json.
func (s Schedule) Files(formats []Format) []File {
	files := documentFiles(s.document(), formats)
	if has(formats, CSV) {
		files = append(files, File{"schedule.csv", func(w io.Writer) error { return WriteScheduleCSV(w, s.Result.Schedule) }})
	}
	if has(formats, JSON) {
		files = append(files, File{"schedule.json", func(w io.Writer) error { return writeJSON(w, s.Report) }})
	}
	return files
}

// document lays the schedule out for the HTML and PDF reports.
func (s Schedule) document() document {
	rep := s.Report
	return document{
		Title:   rep.Scenario,
		Kind:    "Shift schedule",
		Subject: rep.Scenario,
		Verdict: scheduleVerdict(s),
		Facts:   s.facts(),
		Notes:   s.notes(),
		KPIs:    s.kpis(),
		More:    []Table{s.typesTable()},
		Charts:  []Chart{ScheduleCoverageChart(rep.Scenario, s.Result.Schedule.Coverage)},
		Details: []Table{s.shiftsTable(), s.coverageTable(), s.repairsTable()},
	}
}

func (s Schedule) kpis() Table {
	res, rep := s.Result, s.Report
	t := Table{ID: "kpis", Title: "Key figures", Columns: []string{"figure", "value"}, Numeric: true}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	shifts := 0
	for _, sh := range res.Schedule.Shifts {
		shifts += sh.Count
	}
	_, _, avg, _ := schedule.Totals(res.Schedule.Coverage)
	peak := 0.0
	for _, a := range avg {
		peak = max(peak, a)
	}
	add("shifts", strconv.Itoa(shifts))
	add("paid agent-hours", thousands1(rep.PaidHours))
	add("cost of the shifts", shiftMoney(rep.Cost, rep.Currency))
	add("LP lower bound", shiftMoney(rep.LowerBound, rep.Currency))
	add("gap to the bound", num2(rep.GapPercent)+" %")
	add("first schedule (plan's headcount)", shiftMoney(rep.FirstCost, rep.Currency))
	add("repairs", strconv.Itoa(len(rep.Repairs)))
	v := rep.Verification
	add("intervals meeting every goal", fmt.Sprintf("%d of %d", v.AllMet, v.Intervals))
	if iv := rep.Independent; iv != nil {
		add("… on the independent check", fmt.Sprintf("%d of %d", iv.AllMet, iv.Intervals))
	}
	add("most agents on duty (interval average)", num1(peak))
	return t
}

func (s Schedule) facts() Table {
	r, rep := s.Rules, s.Report
	t := planFacts(s.Result.Plan)
	t.Title = "Goals and rules"
	for _, row := range t.Rows {
		if row[0] == "replications" || row[0] == "simulations" {
			row[0] = "requirement's " + row[0] // the search of ccsim staff, not the check
		}
	}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	add("check", fmt.Sprintf("%d fresh replications, seed %d", rep.Verification.Replications, rep.Verification.Seed))
	add("rules", rep.Rules)
	add("slot", fmt.Sprintf("%g minutes", rep.SlotMinutes))
	of := "shifts"
	if r.ShareOf == schedule.ShareHours {
		of = "paid hours"
	}
	add("share limits count", of)
	if r.MinAgents > 0 {
		add("fewest on duty", fmt.Sprintf("%d per group in every interval", r.MinAgents))
	}
	if r.MaxAgents > 0 {
		add("most on duty (seats)", fmt.Sprintf("%d per group at once", r.MaxAgents))
	}
	return t
}

// typesTable is one row per shift type of the rules, with the shifts of
// the schedule of that type.
func (s Schedule) typesTable() Table {
	t := Table{ID: "shift-types", Title: "Shift types",
		Columns: []string{"type", "length", "paid h", "starts", "breaks", "share", "cost", "shifts"}}
	for _, ty := range s.Rules.Types {
		n := 0
		for _, sh := range s.Result.Schedule.Shifts {
			if sh.Type == ty.Name {
				n += sh.Count
			}
		}
		w := s.Rules.Starts
		if ty.Starts != nil {
			w = *ty.Starts
		}
		t.Rows = append(t.Rows, []string{ty.Name, hm(ty.Length), num(ty.PaidHours(), 3), window(w), breaksText(ty.Breaks),
			shareText(ty), typeCost(ty, s.Report.Currency), strconv.Itoa(n)})
	}
	return t
}

// hm is a duration as "8h", "4h30m" or "15m".
func hm(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%02dm", h, m)
}

// window is a range of start times: "08:00–12:00 every 30m".
func window(w schedule.Window) string {
	if w.Latest <= w.Earliest {
		return schedule.Clock(w.Earliest)
	}
	step := w.Step
	if step <= 0 {
		step = w.Latest - w.Earliest
	}
	return schedule.Clock(w.Earliest) + "–" + schedule.Clock(w.Latest) + " every " + hm(step)
}

// breaksText lists a type's breaks: "15m break, 30m lunch unpaid".
func breaksText(bs []schedule.Break) string {
	var parts []string
	for _, b := range bs {
		p := hm(b.Length) + " " + b.Name
		if b.Unpaid {
			p += " unpaid"
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func shareText(ty schedule.ShiftType) string {
	switch {
	case ty.MinShare > 0 && ty.MaxShare < 1:
		return fmt.Sprintf("%s–%s %%", num(100*ty.MinShare, 3), num(100*ty.MaxShare, 3))
	case ty.MinShare > 0:
		return fmt.Sprintf("≥ %s %%", num(100*ty.MinShare, 3))
	case ty.MaxShare < 1:
		return fmt.Sprintf("≤ %s %%", num(100*ty.MaxShare, 3))
	}
	return "any"
}

// typeCost is a type's cost: its hourly cost (or the group's) and a fixed
// cost per shift.
func typeCost(ty schedule.ShiftType, currency string) string {
	s := "group's hourly cost"
	if ty.CostPerHour > 0 {
		s = money(ty.CostPerHour, currency) + " an hour"
	}
	if ty.CostPerShift > 0 {
		s += " + " + money(ty.CostPerShift, currency) + " a shift"
	}
	return s
}

// shiftsTable is one row per shift line of the schedule.
func (s Schedule) shiftsTable() Table {
	t := Table{ID: "shifts", Title: "Shifts", Numeric: true,
		Columns: []string{"group", "type", "start", "end", "breaks", "count", "paid h", "cost each", "cost" + strings.TrimPrefix(currencyNote(s.Report.Currency), ",")}}
	for _, sh := range s.Result.Schedule.Shifts {
		t.Rows = append(t.Rows, []string{sh.Group, sh.Type, schedule.Clock(sh.Start), schedule.Clock(sh.End), sh.BreakList(),
			strconv.Itoa(sh.Count), num(sh.PaidHours, 3), money(sh.Cost, ""), money(float64(sh.Count)*sh.Cost, "")})
	}
	return t
}

// coverageTable is one row per interval: the need and the cover summed
// over groups, with the check's service level and goals.
func (s Schedule) coverageTable() Table {
	t := Table{ID: "coverage", Title: "Coverage per interval", Numeric: true,
		Caption: "Agents on duty (not on a break), all groups; service level and goals of the final check.",
		Columns: []string{"start", "required", "fewest", "average", "over", "service level", "goals"}}
	starts, req, avg, least := schedule.Totals(s.Result.Schedule.Coverage)
	ivs := s.Result.Check.Results.Intervals
	for k, st := range starts {
		sl, met := "-", "met"
		if k < len(ivs) {
			sl = fmtValue("pct", stat(ivs[k].Metrics, sim.MServiceLevel).Mean)
		}
		if k < len(s.Result.Check.Missed) && len(s.Result.Check.Missed[k]) > 0 {
			met = "missed " + strings.Join(s.Result.Check.Missed[k], ", ")
		}
		t.Rows = append(t.Rows, []string{st, fmt.Sprintf("%.0f", req[k]), fmt.Sprintf("%.0f", least[k]), num1(avg[k]),
			fmt.Sprintf("%+.1f", avg[k]-req[k]), sl, met})
	}
	return t
}

// repairsTable is one row per repair round.
func (s Schedule) repairsTable() Table {
	t := Table{ID: "repairs", Title: "Repairs", Columns: []string{"round", "intervals missed", "need raised"},
		Caption: "Where the check missed a goal, the need of the groups charged with it was raised and the day scheduled again."}
	for i, r := range s.Result.Repairs {
		var parts []string
		for _, x := range r.Raised {
			parts = append(parts, fmt.Sprintf("%s %s %d→%d", x.Group, x.Interval, x.From, x.To))
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), strconv.Itoa(r.Missed), strings.Join(parts, ", ")})
	}
	return t
}

// notes explain the schedule's method.
func (s Schedule) notes() []string {
	v := s.Report.Verification
	return []string{
		"Need: the scheduled headcount per group and interval of ccsim staff (" + strings.TrimSuffix(s.Result.Plan.Method, ".") +
			"), at least the rules' fewest agents on duty. The need holds at every moment: an agent on a break does not count.",
		"Lower bound: the linear relaxation of the covering problem (shift patterns with their breaks placed, against the need in every " +
			fmt.Sprintf("%g-minute slot, with the share limits and seat cap as linear rows), solved with gonum's simplex. ", s.Report.SlotMinutes) +
			"No schedule under these rules costs less; the gap is the schedule's cost above it. Its rounding to whole shifts is repaired and improved.",
		fmt.Sprintf("Check and repair: the schedule is simulated on %d fresh replications (seed %d) with its shifts and breaks and the "+
			"groups' shrinkage; where an interval misses a goal, the need of the groups charged with it is raised to one agent above "+
			"the fewest on duty there and the day is scheduled again. After any repair, the final schedule is checked once more with "+
			"the next seed, which no repair saw.", v.Replications, v.Seed),
		"Costs are those of the shifts: paid hours at the type's or group's hourly cost, plus any cost per shift; unpaid breaks " +
			"(lunches) are not paid. ccsim run of the scheduled scenario (--write) counts agents as paid from a shift's start to its end, " +
			"so its agent cost is higher, and adds bot sessions and abandoned contacts.",
	}
}

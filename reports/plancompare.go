package reports

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// PlanComparison is staffing plans side by side, as staff --vary and
// report --compare build them: the comparison and the plans, baseline first.
type PlanComparison struct {
	Comparison *staff.Comparison
	Plans      []*staff.Plan
}

// Files lists the comparison's files in the given formats (nil: all):
// report.html, report.pdf, charts/plan-comparison.{png,svg,pdf},
// plan-comparison.csv and comparison.json.
func (pc PlanComparison) Files(formats []Format) []File {
	files := documentFiles(pc.document(), formats)
	if has(formats, CSV) {
		files = append(files, File{"plan-comparison.csv", func(w io.Writer) error { return WritePlanComparisonCSV(w, pc.Comparison) }})
	}
	if has(formats, JSON) {
		files = append(files, File{"comparison.json", func(w io.Writer) error { return writeJSON(w, pc.Comparison) }})
	}
	return files
}

func (pc PlanComparison) document() document {
	c, base := pc.Comparison, pc.Plans[0]
	title := "Staffing plans of " + base.Scenario
	return document{
		Title:   title,
		Kind:    "Staffing plan comparison",
		Subject: base.Scenario,
		Verdict: planComparisonVerdict(c, pc.Plans),
		Facts:   planFacts(base),
		Notes: []string{
			"Each plan was found by ccsim staff with the same goals; its figures come from its check on fresh replications. " +
				"Differences of agents and agent-hours are those of the plans. Differences of cost carry a 95 % confidence " +
				"interval paired over the checks' replications (the same customers when the checks share their seed).",
			fmt.Sprintf("FTE: %g paid hours a week, the day %g times a week; annual: %g weeks.", c.Week.FTEHours, c.Week.Days, c.Week.Weeks),
		},
		KPIs:    planComparisonTotals(c, base.Currency),
		Charts:  []Chart{PlanComparisonChart(pc)},
		Details: []Table{planComparisonIntervals(c, base.Currency)},
	}
}

// planComparisonVerdict says what the baseline needs and costs, then per
// variant what it changes against the baseline; for every plan whether it
// meets its goals out of sample and where it misses; and the biggest risk,
// the interval of any plan closest to the service-level target.
func planComparisonVerdict(c *staff.Comparison, plans []*staff.Plan) []string {
	base, b := plans[0], c.Variants[0]
	first := fmt.Sprintf("Baseline %s: %s agent-hours a day", c.Baseline, thousands1(b.AgentHours))
	if b.Cost != nil {
		first += ", cost " + money(b.Cost.Mean, base.Currency) + " a day"
	}
	out := []string{first + fmt.Sprintf("; its plan meets every goal (%s) in %d of %d intervals out of sample%s.",
		goalsText(base.Goals), base.Verification.AllMet, base.Verification.Intervals, planMisses(base))}
	for i, v := range c.Variants[1:] {
		pl := plans[i+1]
		line := fmt.Sprintf("Against the baseline, %s needs %s agent-hours a day (%s FTE)", v.Label, signed(v.DeltaAgentHours, thousands1(math.Abs(v.DeltaAgentHours))),
			signed(v.DeltaFTE, num(math.Abs(v.DeltaFTE), 3)))
		if d := v.SearchDeltaAgentHours; d != nil && c.Searches > 1 {
			line += fmt.Sprintf(" (over %d paired searches %s, 95 %% CI %s)", c.Searches, signed(d.Mean, thousands1(math.Abs(d.Mean))),
				ciText(thousands1(d.CI95[0]), thousands1(d.CI95[1])))
		}
		if v.DeltaCost != nil {
			line += fmt.Sprintf(", %s a day (95 %% CI %s), %s a year", signed(v.DeltaCost.Mean, money(math.Abs(v.DeltaCost.Mean), pl.Currency)),
				moneyCI(*v.DeltaCost, pl.Currency), signed(v.DeltaAnnualCost.Mean, money(math.Abs(v.DeltaAnnualCost.Mean), pl.Currency)))
		}
		vf := pl.Verification
		out = append(out, fmt.Sprintf("%s; its plan meets every goal in %d of %d intervals out of sample%s.", line, vf.AllMet, vf.Intervals, planMisses(pl)))
	}
	worst, at := -1, planRisk{i: -1, margin: math.Inf(1)}
	for k, pl := range plans {
		if r := riskOf(pl); r.i >= 0 && r.margin < at.margin {
			worst, at = k, r
		}
	}
	if worst >= 0 {
		out = append(out, fmt.Sprintf("Biggest risk: in %s, %s.", c.Variants[worst].Label, planRiskText(plans[worst], at)))
	}
	return out
}

// planComparisonTotals is one row per plan.
func planComparisonTotals(c *staff.Comparison, currency string) Table {
	t := Table{ID: "totals", Title: "Plans", Numeric: true,
		Columns: []string{"plan", "agent-hours a day", "Δ", "FTE", "Δ", "cost a day", "Δ", "Δ 95 % CI", "annual cost", "Δ"}}
	for _, v := range c.Variants {
		row := []string{v.Label, thousands1(v.AgentHours), signed(v.DeltaAgentHours, thousands1(math.Abs(v.DeltaAgentHours))),
			num(v.FTE, 3), signed(v.DeltaFTE, num(math.Abs(v.DeltaFTE), 3))}
		row = append(row, statMoneyText(v.Cost, currency, false), statMoneyText(v.DeltaCost, currency, true),
			ciOf(v.DeltaCost, currency), statMoneyText(v.AnnualCost, currency, false), statMoneyText(v.DeltaAnnualCost, currency, true))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// statMoneyText is the mean of s as money, signed for a difference; "-"
// without a cost model.
func statMoneyText(s *sim.Stat, currency string, diff bool) string {
	switch {
	case s == nil:
		return "-"
	case diff:
		return signed(s.Mean, money(math.Abs(s.Mean), currency))
	}
	return money(s.Mean, currency)
}

func ciOf(s *sim.Stat, currency string) string {
	if s == nil {
		return "-"
	}
	return moneyCI(*s, currency)
}

// planComparisonIntervals is one row per interval: each plan's scheduled
// headcount and each variant's difference.
func planComparisonIntervals(c *staff.Comparison, currency string) Table {
	t := Table{ID: "intervals", Title: "Scheduled headcount per interval", Numeric: true, Columns: []string{"start", c.Baseline}}
	for _, v := range c.Variants[1:] {
		t.Columns = append(t.Columns, v.Label, "Δ agents", "Δ cost [95 % CI]")
	}
	for i, iv := range c.Variants[0].Intervals {
		row := []string{iv.Start, strconv.Itoa(iv.Scheduled)}
		for _, v := range c.Variants[1:] {
			d := v.Intervals[i]
			cost := "-"
			if d.DeltaCost != nil {
				cost = statMoneyText(d.DeltaCost, currency, true) + " " + moneyCI(*d.DeltaCost, "")
			}
			row = append(row, strconv.Itoa(d.Scheduled), fmt.Sprintf("%+d", d.DeltaAgents), cost)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// PlanComparisonChart draws each plan's scheduled headcount per interval
// as steps, and each variant's difference from the baseline as bars about
// a zero line.
func PlanComparisonChart(pc PlanComparison) Chart {
	c := pc.Comparison
	heads := Panel{Title: "Scheduled headcount per interval", YLabel: "agents", YMin: ptr(0)}
	delta := Panel{Title: "Difference from " + c.Baseline, YLabel: "agents", Rules: []Rule{{Label: "", Value: 0, Color: cGrey}}}
	n := len(c.Variants)
	for k, v := range c.Variants {
		s := Series{Label: v.Label, Kind: Line, Color: cBlue + k, Dashed: k > 0}
		for i, iv := range v.Intervals {
			s.X, s.Y = append(s.X, float64(i)), append(s.Y, float64(iv.Scheduled))
		}
		heads.Series = append(heads.Series, stepped(s))
		if k == 0 {
			continue
		}
		w := 0.8 / float64(n-1)
		b := Series{Label: v.Label, Kind: Bars, Color: cBlue + k, Width: w}
		for i, iv := range v.Intervals {
			b.X, b.Y = append(b.X, float64(i)-0.4+w*(float64(k)-0.5)), append(b.Y, float64(iv.DeltaAgents))
		}
		delta.Series = append(delta.Series, b)
	}
	ivs := make([]sim.Interval, len(c.Variants[0].Intervals))
	for i, iv := range c.Variants[0].Intervals {
		ivs[i] = sim.Interval{Start: iv.Start}
	}
	panels := []Panel{heads, delta}
	for i := range panels {
		intervalAxis(&panels[i], ivs)
	}
	return Chart{Name: "plan-comparison", Title: "Staffing plans of " + pc.Plans[0].Scenario, Height: 8, Panels: panels}
}

// WritePlanComparisonCSV writes one row per variant and interval: the
// scheduled headcount and the differences from the baseline, with the
// cost difference's 95 % interval (empty without a cost model).
func WritePlanComparisonCSV(w io.Writer, c *staff.Comparison) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"plan", "interval", "scheduled", "delta_agents", "delta_agent_hours", "delta_cost", "delta_cost_ci_low", "delta_cost_ci_high"})
	for _, v := range c.Variants {
		for _, iv := range v.Intervals {
			lo, mid, hi := nan(), nan(), nan()
			if iv.DeltaCost != nil {
				lo, mid, hi = iv.DeltaCost.CI95[0], iv.DeltaCost.Mean, iv.DeltaCost.CI95[1]
			}
			cw.Write([]string{v.Label, iv.Start, strconv.Itoa(iv.Scheduled), strconv.Itoa(iv.DeltaAgents),
				csvFloat(iv.DeltaAgentHours), csvFloat(mid), csvFloat(lo), csvFloat(hi)})
		}
	}
	cw.Flush()
	return cw.Error()
}

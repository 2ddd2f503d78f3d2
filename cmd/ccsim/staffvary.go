package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// staffVary is a staffing comparison as the flags ask for it.
type staffVary struct {
	pos   []string
	vary  varyFlag
	sets  overrideFlag
	goals staff.Goals
	opts  staff.Options
	week  staff.Week
	json  bool
	out   string // directory for the comparison report; "" for none
	// searches of each variant (the plan and searches−1 repeats on other
	// seeds) behind the confidence intervals of the Δ agents.
	searches int
}

// staffVariantsOutput is what staff --vary prints with --json.
type staffVariantsOutput struct {
	*staff.Comparison
	Plans []*staff.Plan `json:"plans"`
}

// staffVariants staffs every variant with the same seeds and options (so
// that all see the same customers) and prints them side by side.
func staffVariants(ctx context.Context, e env, v staffVary) error {
	runs, err := compareRuns(v.pos, v.vary, v.sets)
	if err != nil {
		return err
	}
	var labels []string
	var plans []*staff.Plan
	var repeats [][]staff.Repeat
	for _, r := range runs {
		pl, err := staff.Search(ctx, r.sc, v.goals, v.opts)
		if v.opts.Progress != nil {
			fmt.Fprintln(e.stderr)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", r.Label, err)
		}
		rs, err := staff.Repeats(ctx, r.sc, v.goals, v.opts, v.searches-1)
		if v.opts.Progress != nil && v.searches > 1 {
			fmt.Fprintln(e.stderr)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", r.Label, err)
		}
		labels, plans, repeats = append(labels, r.Label), append(plans, pl), append(repeats, rs)
	}
	c, err := staff.CompareRepeats(labels, plans, repeats, v.week)
	if err != nil {
		return err
	}
	if v.out != "" {
		files := reports.PlanComparison{Comparison: c, Plans: plans}.Files(nil)
		if _, err := writeFiles(v.out, files); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", v.out)
	}
	if v.json {
		return writeJSON(e.stdout, staffVariantsOutput{Comparison: c, Plans: plans})
	}
	return writeStaffComparison(e.stdout, c, plans)
}

// writeStaffComparison prints the totals of every variant, then the
// scheduled agents per interval with each variant's differences.
func writeStaffComparison(w io.Writer, c *staff.Comparison, plans []*staff.Plan) error {
	var b strings.Builder
	cur := plans[0].Currency
	fmt.Fprintf(&b, "Staffing variants of %s against %s (goals: %s)\n", plans[0].Scenario, c.Baseline, goalsLine(plans[0]))
	fmt.Fprintf(&b, "FTE: %g h a week, the day %g times a week; annual: %g weeks. Δ cost: 95 %% CI paired over the checks' %d replications.\n\n",
		c.Week.FTEHours, c.Week.Days, c.Week.Weeks, plans[0].Verification.Replications)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "variant\tagent-hours\tΔ\tFTE\tΔ\tcost a day\tΔ [95% CI]\tannual cost\tΔ [95% CI]\tgoals met\t")
	for i, v := range c.Variants {
		vf := plans[i].Verification
		fmt.Fprintf(tw, "%s\t%.1f\t%s\t%.1f\t%+.1f\t%s\t%s\t%s\t%s\t%d of %d\t\n", v.Label, v.AgentHours, deltaCI(v.DeltaAgentHours, v.SearchDeltaAgentHours, 1), v.FTE, v.DeltaFTE,
			statMoney(v.Cost, cur, false), statMoney(v.DeltaCost, cur, true), statMoney(v.AnnualCost, cur, false), statMoney(v.DeltaAnnualCost, cur, true),
			vf.AllMet, vf.Intervals)
	}
	tw.Flush()
	if c.Searches > 1 {
		fmt.Fprintf(&b, "Δ agent-hours and Δ agents: this search's, then the mean and 95 %% CI over %d paired searches on other seeds.\n", c.Searches)
	}
	b.WriteString("\nScheduled agents per interval (Δ against the baseline; Δ cost with its 95% CI):\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "start\t" + c.Baseline
	for _, v := range c.Variants[1:] {
		head += "\t" + v.Label + "\tΔ cost"
	}
	fmt.Fprintln(tw, head+"\t")
	for k, iv := range c.Variants[0].Intervals {
		row := fmt.Sprintf("%s\t%d", iv.Start, iv.Scheduled)
		for _, v := range c.Variants[1:] {
			d := v.Intervals[k]
			row += fmt.Sprintf("\t%d (%s)\t%s", d.Scheduled, deltaCI(float64(d.DeltaAgents), d.SearchDeltaAgents, 0), statMoney(d.DeltaCost, cur, true))
		}
		fmt.Fprintln(tw, row+"\t")
	}
	tw.Flush()
	_, err := io.WriteString(w, b.String())
	return err
}

// deltaCI prints a difference with decimals, then, when the searches
// give one, their mean and 95 % confidence interval: "+2, +1.8 [+1.2, +2.4]".
func deltaCI(d float64, s *sim.Stat, decimals int) string {
	out := fmt.Sprintf("%+.*f", decimals, d)
	if s == nil {
		return out
	}
	return out + fmt.Sprintf(", %+.1f [%+.1f, %+.1f]", s.Mean, s.CI95[0], s.CI95[1])
}

// goalsLine is a short statement of a plan's goals.
func goalsLine(pl *staff.Plan) string {
	g := pl.Goals
	s := fmt.Sprintf("%s within %ss", pct(g.Target), num(g.ThresholdSeconds))
	if g.Confidence > 0 {
		return s + ", on " + pct(g.Confidence) + " bounds"
	}
	return s + ", on the means"
}

// statMoney prints a cost with, for a difference, its confidence interval.
func statMoney(s *sim.Stat, currency string, withCI bool) string {
	if s == nil {
		return "-"
	}
	out := money(s.Mean, currency)
	if withCI {
		out = signed(s.Mean, currency) + fmt.Sprintf(" [%s, %s]", signed(s.CI95[0], ""), signed(s.CI95[1], ""))
	}
	return out
}

// signed is money with its sign.
func signed(v float64, currency string) string {
	if v >= 0 {
		return "+" + money(v, currency)
	}
	return "-" + money(-v, currency)
}

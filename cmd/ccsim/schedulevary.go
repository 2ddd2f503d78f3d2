package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ccsim/ccsim/sim/schedule"
	"github.com/ccsim/ccsim/sim/staff"
)

// scheduleVariant is one variant's schedule in schedule --vary: its totals
// and their differences from the baseline (zero for the baseline).
type scheduleVariant struct {
	Label           string  `json:"label"`
	Shifts          int     `json:"shifts"`
	PaidHours       float64 `json:"paid_hours"` // a day
	DeltaPaidHours  float64 `json:"delta_paid_hours"`
	FTE             float64 `json:"fte"`
	DeltaFTE        float64 `json:"delta_fte"`
	Cost            float64 `json:"cost"` // a day
	DeltaCost       float64 `json:"delta_cost"`
	AnnualCost      float64 `json:"annual_cost"`
	DeltaAnnualCost float64 `json:"delta_annual_cost"`
	LowerBound      float64 `json:"lower_bound"`
	GapPercent      float64 `json:"gap_percent"`
	GoalsMet        int     `json:"goals_met"` // intervals meeting every goal in the final check
	Intervals       int     `json:"intervals"`
}

// scheduleVariantsOutput is what schedule --vary prints with --json.
type scheduleVariantsOutput struct {
	Baseline  string            `json:"baseline"`
	Currency  string            `json:"currency,omitempty"`
	Week      staff.WeekJSON    `json:"week"`
	Variants  []scheduleVariant `json:"variants"`
	Schedules []schedule.Report `json:"schedules"`
}

// scheduleVariants schedules every variant under the same rules, goals and
// seeds (so all see the same customers) and compares their costs. A
// schedule's cost is fixed by its shifts, so its differences carry no
// sampling error; the checks say whether each schedule meets its goals.
func scheduleVariants(ctx context.Context, e env, f *staffFlags, pos []string, rules *schedule.Rules, opts schedule.Options, asJSON bool) error {
	runs, err := compareRuns(pos, f.vary, f.sets)
	if err != nil {
		return err
	}
	week := f.week()
	out := scheduleVariantsOutput{Baseline: runs[0].Label, Week: staff.WeekJSON{FTEHours: week.FTEHours, Days: week.Days, Weeks: 52}}
	for _, r := range runs {
		res, err := schedule.Build(ctx, r.sc, rules, opts)
		if opts.Progress != nil {
			fmt.Fprintln(e.stderr)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", r.Label, err)
		}
		if r.sc.Costs != nil {
			out.Currency = r.sc.Costs.Currency
		}
		rep := res.Report(rules.Name, out.Currency)
		v := scheduleVariant{Label: r.Label, PaidHours: rep.PaidHours, FTE: week.FTE(rep.PaidHours), Cost: rep.Cost,
			AnnualCost: week.Annual(rep.Cost), LowerBound: rep.LowerBound, GapPercent: rep.GapPercent,
			GoalsMet: res.Check.Verification.AllMet, Intervals: res.Check.Verification.Intervals}
		for _, sh := range res.Schedule.Shifts {
			v.Shifts += sh.Count
		}
		if len(out.Variants) > 0 {
			b := out.Variants[0]
			v.DeltaPaidHours, v.DeltaFTE = v.PaidHours-b.PaidHours, v.FTE-b.FTE
			v.DeltaCost, v.DeltaAnnualCost = v.Cost-b.Cost, v.AnnualCost-b.AnnualCost
		}
		out.Variants, out.Schedules = append(out.Variants, v), append(out.Schedules, rep)
	}
	if asJSON {
		return writeJSON(e.stdout, out)
	}
	return writeScheduleVariants(e.stdout, out, rules.Name)
}

// writeScheduleVariants prints the variants' totals side by side.
func writeScheduleVariants(w io.Writer, out scheduleVariantsOutput, rules string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Schedule variants of %s under the rules %q against %s\n", out.Schedules[0].Scenario, rules, out.Baseline)
	fmt.Fprintf(&b, "FTE: %g paid hours a week, the day %g times a week; annual: %g weeks. A schedule's cost is fixed by its shifts.\n\n",
		out.Week.FTEHours, out.Week.Days, out.Week.Weeks)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "variant\tshifts\tpaid h\tΔ\tFTE\tΔ\tcost a day\tΔ\tannual cost\tΔ\tLP bound\tgap\tgoals met\t")
	for _, v := range out.Variants {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%+.1f\t%.1f\t%+.1f\t%s\t%s\t%s\t%s\t%s\t%.2f %%\t%d of %d\t\n", v.Label, v.Shifts,
			v.PaidHours, v.DeltaPaidHours, v.FTE, v.DeltaFTE, money(v.Cost, out.Currency), signed(v.DeltaCost, out.Currency),
			money(v.AnnualCost, out.Currency), signed(v.DeltaAnnualCost, out.Currency), money(v.LowerBound, out.Currency),
			v.GapPercent, v.GoalsMet, v.Intervals)
	}
	tw.Flush()
	_, err := io.WriteString(w, b.String())
	return err
}

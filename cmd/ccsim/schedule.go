package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/schedule"
)

// scheduleSynopsis is schedule's usage line and what it does.
const scheduleSynopsis = "schedule [FILE|NAME] --rules RULES.toml|NAME [staff's goal, replication and seed flags]\n" +
	"       [--max-repairs 8] [--json | --csv] [--write FILE.toml] [--out DIR] [--vary KEY=V1,V2,...]...\n\n" +
	"Turns the staffing requirement of 'ccsim staff' (same goals and flags) into shifts under the rules\n" +
	"(start times, shift types and lengths, breaks and lunches, share limits, agents per interval, costs;\n" +
	"docs/schedule.md; bundled rules: " + "default" + "). The linear relaxation, solved with gonum's simplex,\n" +
	"gives a lower bound on cost; its rounding is repaired and improved into whole shifts. The schedule\n" +
	"is then simulated on the check's fresh replications (another seed); where a goal is missed, the need\n" +
	"of the groups charged with it is raised and the day scheduled again, up to --max-repairs times.\n" +
	"--vary schedules each variant (the first value is the baseline) on the same seeds and prints their\n" +
	"shifts, paid hours, FTE, cost a day and a year, and the differences from the baseline."

// runSchedule schedules shifts for the staffing requirement of a scenario.
func runSchedule(ctx context.Context, e env, args []string) error {
	f := declareStaffFlags(newFlags("schedule", scheduleSynopsis, e.stderr),
		"write the scenario staffed by the schedule's shifts and breaks to this TOML file (for ccsim run)",
		"write report.html, report.pdf, charts/coverage.{png,svg,pdf}, schedule.csv and schedule.json into this directory")
	rulesArg := f.fs.String("rules", "", "shift rules: a TOML file, or the name of bundled rules (default)")
	csvOut := f.fs.Bool("csv", false, "print the shifts as CSV")
	repairs := f.fs.Int("max-repairs", 0, "most rounds of simulation and repair (default 8)")
	pos, err := f.parse(args)
	switch {
	case err != nil:
		return err
	case len(f.vary) > 0 && (*csvOut || *f.out != ""):
		return usageError{errors.New("--vary prints a comparison; give --json or nothing, not --csv or --out")}
	case *rulesArg == "":
		return usageError{errors.New("--rules is required: a shift rules file, or a bundled name (default)")}
	case *repairs < 0:
		return usageError{errors.New("--max-repairs must not be negative")}
	case *f.json && *csvOut:
		return usageError{errors.New("give --json or --csv, not both")}
	}
	rules, err := scenarios.OpenRules(*rulesArg)
	if err != nil {
		return usageError{err}
	}
	opts := f.options(e)
	progress := func(string) {}
	if opts.Progress != nil {
		progress = func(s string) { fmt.Fprintf(e.stderr, "\rschedule: %s   ", s) }
	}
	sopts := schedule.Options{Goals: f.goals(), Staff: opts, MaxRepairs: *repairs, Progress: progress}
	if len(f.vary) > 0 {
		return scheduleVariants(ctx, e, f, pos, rules, sopts, *f.json)
	}
	sc, err := loadScenario(first(pos), f.sets...)
	if err != nil {
		return err
	}
	res, err := schedule.Build(ctx, sc, rules, sopts)
	if opts.Progress != nil {
		fmt.Fprintln(e.stderr)
	}
	if errors.Is(err, schedule.ErrInfeasible) {
		return usageError{fmt.Errorf("%s: %w", *rulesArg, err)}
	}
	if err != nil {
		return err
	}
	currency := ""
	if sc.Costs != nil {
		currency = sc.Costs.Currency
	}
	rep := res.Report(rules.Name, currency)
	if err := writeScheduleFiles(e, *f.write, *f.out, res, rules, rep); err != nil {
		return err
	}
	switch {
	case *f.json:
		return writeJSON(e.stdout, rep)
	case *csvOut:
		return reports.WriteScheduleCSV(e.stdout, res.Schedule)
	}
	return writeSchedule(e.stdout, res, rep)
}

// writeScheduleFiles writes the staffed scenario (write) and the files of out.
func writeScheduleFiles(e env, write, out string, res *schedule.Result, rules *schedule.Rules, rep schedule.Report) error {
	if write != "" {
		data, err := scenarios.Encode(res.Scenario)
		if err != nil {
			return err
		}
		head := fmt.Sprintf("# Shifts scheduled by ccsim schedule for %q under the rules %q:\n"+
			"# cost %.2f, lower bound %.2f (gap %.1f %%); checked on %d fresh replications (seed %d).\n\n",
			rep.Scenario, rep.Rules, rep.Cost, rep.LowerBound, rep.GapPercent, rep.Verification.Replications, rep.Verification.Seed)
		if err := os.WriteFile(write, append([]byte(head), data...), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", write)
	}
	if out == "" {
		return nil
	}
	files := reports.Schedule{Result: res, Rules: rules, Report: rep}.Files(nil)
	if _, err := writeFiles(out, files); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", out)
	return nil
}

// writeSchedule prints the shifts, the cost against the bound, the
// repairs, the check and the coverage per interval.
func writeSchedule(w io.Writer, res *schedule.Result, rep schedule.Report) error {
	var b strings.Builder
	s := res.Schedule
	fmt.Fprintf(&b, "Schedule for %s under the rules %q (slots of %g minutes)\n", rep.Scenario, rep.Rules, rep.SlotMinutes)
	fmt.Fprintf(&b, "Need: the headcount per group and interval of ccsim staff (%s)\n\n", strings.TrimSuffix(res.Plan.Method, "."))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "group\ttype\tstart\tend\tbreaks\tcount\tpaid h\tcost each\t")
	shifts := 0
	for _, sh := range s.Shifts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%g\t%s\t\n", sh.Group, sh.Type, schedule.Clock(sh.Start), schedule.Clock(sh.End),
			sh.BreakList(), sh.Count, sh.PaidHours, money(sh.Cost, ""))
		shifts += sh.Count
	}
	tw.Flush()
	fmt.Fprintf(&b, "\n%d shifts, %.1f paid hours, cost %s; LP lower bound %s, gap %.2f %%\n", shifts, s.Hours,
		money(s.Cost, rep.Currency), money(s.Bound, rep.Currency), 100*s.Gap())
	if rep.Currency == "" {
		b.WriteString("(no currency: the scenario has no [costs]; shift types without cost_per_hour cost 1 a paid hour)\n")
	}
	fmt.Fprintf(&b, "first schedule (the plan's headcount): cost %s, lower bound %s\n", money(res.FirstCost, rep.Currency), money(res.FirstBound, rep.Currency))
	for i, r := range res.Repairs {
		var parts []string
		for _, x := range r.Raised {
			parts = append(parts, fmt.Sprintf("%s %s %d→%d", x.Group, x.Interval, x.From, x.To))
		}
		fmt.Fprintf(&b, "repair %d: %d intervals missed a goal; need raised: %s\n", i+1, r.Missed, strings.Join(parts, ", "))
	}
	writeVerification(&b, res.Check.Verification)
	if res.Independent != nil {
		b.WriteString("after repairs, independent ")
		writeVerification(&b, res.Independent.Verification)
	}
	for _, m := range rep.Missed {
		fmt.Fprintf(&b, "  %s missed %s\n", m.Start, strings.Join(m.Goals, ", "))
	}
	writeCoverage(&b, res)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCoverage prints, per interval, the need and the cover summed over
// groups, with the check's service level.
func writeCoverage(b *strings.Builder, res *schedule.Result) {
	starts, req, avg, least := schedule.Totals(res.Schedule.Coverage)
	b.WriteString("\nCoverage per interval (all groups, agents on duty) and the check's service level:\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "start\trequired\tfewest\taverage\tover\tservice level\tgoals\t")
	ivs := res.Check.Results.Intervals
	for i, st := range starts {
		sl, met := "-", "met"
		if i < len(ivs) {
			sl = pct(ivs[i].Metrics[sim.MServiceLevel].Mean)
		}
		if m := res.Check.Missed[i]; len(m) > 0 {
			met = "missed " + strings.Join(m, ", ")
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.1f\t%+.1f\t%s\t%s\t\n", st, req[i], least[i], avg[i], avg[i]-req[i], sl, met)
	}
	tw.Flush()
}

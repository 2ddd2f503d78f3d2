package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// staffSynopsis is staff's usage line and how its goals work.
const staffSynopsis = "staff [FILE|NAME] [--target 0.8] [--threshold 20s] [--max-abandon 0.05] [--max-occupancy 0.9] [--max-asa 30s]\n" +
	"       [--confidence 0.95 [--tolerance 0.005] | --on-means] [--reps N] [--max-reps M] [--verify-reps V]\n" +
	"       [--seed S] [--verify-seed S] [--workers W] [--set KEY=VALUE]... [--vary KEY=V1,V2,...]...\n" +
	"       [--fte-hours 37.5] [--week-days 5] [--json] [--write FILE] [--out DIR]\n\n" +
	"Goals hold on one-sided 95 % bounds by default: an interval meets the service level when the lower\n" +
	"bound mean - t*s*sqrt(1/n + 1/V) over the search's n replications reaches the target, so that the\n" +
	"check on V = --verify-reps fresh replications (another seed) meets it with 95 % probability; caps\n" +
	"(abandonment, occupancy, ASA) hold on the upper bound. Where a decision is open (the bound misses,\n" +
	"but with --max-reps replications it might not, as far as the mean's own confidence bound allows),\n" +
	"the search doubles the batches of --reps replications up to --max-reps (default 4 batches), every\n" +
	"candidate on the same batches, and tries again. With --max-reps replications a bound that misses a\n" +
	"goal by less than --tolerance of it (0.5 %: 79.6 % for a target of 80 %) counts as met, and the\n" +
	"cheaper staffing is kept. The output gives the check's figures and how many intervals met each goal\n" +
	"in it. --on-means holds the goals on the means instead (faster, but about half the intervals that\n" +
	"sit at a goal miss it on other days).\n\n" +
	"With several channels, each channel's service level is a goal of its own, at the threshold and\n" +
	"target of the scenario's [channels.*] (else --threshold and --target; change them with\n" +
	"--set channels.chat.target=0.85); --max-abandon and --max-asa hold for each channel too.\n\n" +
	"--vary staffs each variant (the first value is the baseline) on the same replications and prints,\n" +
	"per interval and for the day, the difference in scheduled agents, agent-hours and cost, the cost's\n" +
	"with a 95 % confidence interval paired over the checks' replications, the agents' and agent-hours'\n" +
	"over --searches paired searches on other seeds (each variant's search j on the same seed);\n" +
	"FTE and annual cost assume --fte-hours a week and --week-days days a week, 52 weeks a year."

// runStaff finds the smallest staffing per interval and group that meets the goals.
func runStaff(ctx context.Context, e env, args []string) error {
	f := newStaffFlags(e)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(f.vary) > 0 {
		return staffVariants(ctx, e, staffVary{pos: pos, vary: f.vary, sets: f.sets, goals: f.goals(), opts: f.options(e), week: f.week(), json: *f.json,
			searches: *f.searches, out: *f.out})
	}
	sc, err := loadScenario(first(pos), f.sets...)
	if err != nil {
		return err
	}
	n := sc.Replications
	if *f.reps > 0 {
		n = *f.reps
	}
	if !*f.onMeans && n < 2 {
		return usageError{fmt.Errorf("goals on confidence bounds need at least 2 replications, got %d (--reps, or --on-means)", n)}
	}
	opts := f.options(e)
	plan, err := staff.Search(ctx, sc, f.goals(), opts)
	if opts.Progress != nil {
		fmt.Fprintln(e.stderr) // end the progress line
	}
	if err != nil {
		return err
	}
	if err := writePlanFiles(ctx, e, f, sc, plan, opts); err != nil {
		return err
	}
	if *f.json {
		return writeJSON(e.stdout, plan)
	}
	return writePlan(e.stdout, plan, f.week())
}

// writePlanFiles writes the staffed scenario (--write) and the report (--out).
func writePlanFiles(ctx context.Context, e env, f *staffFlags, sc *sim.Scenario, plan *staff.Plan, opts staff.Options) error {
	if *f.write != "" {
		if err := writeStaffed(*f.write, plan); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", *f.write)
	}
	if *f.out == "" {
		return nil
	}
	sp := reports.StaffingPlan{Plan: plan}
	var err error
	if sp.Current, err = currentAgents(ctx, sc, opts); err != nil {
		return err
	}
	if _, err := writeFiles(*f.out, sp.Files(nil)); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", *f.out)
	return nil
}

// staffProgress shows the search's simulations on stderr when it is a terminal.
func staffProgress(e env) func(staff.Progress) {
	if !e.isTerminal {
		return nil
	}
	start := time.Now()
	return func(p staff.Progress) {
		fmt.Fprintf(e.stderr, "\rstaff: simulation %d (%s, %d replications): %d agent-intervals, %d short of a goal, %.1fs   ",
			p.Evaluation, p.Phase, p.Replications, p.Agents, p.Short, time.Since(start).Seconds())
	}
}

// currentAgents are the agents on duty per interval of the scenario as
// given, simulated with the search's seed and replications.
func currentAgents(ctx context.Context, sc *sim.Scenario, opts staff.Options) ([]float64, error) {
	res, err := sim.Run(ctx, sc, sim.Options{Workers: opts.Workers, Seed: opts.Seed, Replications: opts.Replications})
	if err != nil {
		return nil, err
	}
	var out []float64
	for _, iv := range res.Intervals {
		out = append(out, iv.Metrics[sim.MAgents].Mean)
	}
	if len(out) == 0 {
		out = []float64{res.Metrics[sim.MAgents].Mean}
	}
	return out, nil
}

// writeStaffed writes the scenario with the staffing found as TOML.
func writeStaffed(path string, plan *staff.Plan) error {
	data, err := scenarios.Encode(plan.Staffed)
	if err != nil {
		return err
	}
	head := fmt.Sprintf("# Staffing found by ccsim staff for %q: agents per interval are the scheduled headcount\n"+
		"# (simulated requirement / (1 - shrinkage)). %s.\n\n", plan.Scenario, plan.Method)
	return os.WriteFile(path, append([]byte(head), data...), 0o644)
}

// writePlan prints the plan as a table.
func writePlan(w io.Writer, pl *staff.Plan, week staff.Week) error {
	var b strings.Builder
	writePlanHead(&b, pl)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "start\tErlang C\tErlang A\tsimulated\tscheduled\tservice level\t95% CI\tabandoned\toccupancy\tcost\tgoals\t")
	for _, iv := range pl.Intervals {
		met := "met"
		if !iv.Met {
			met = "missed " + strings.Join(iv.Missed, ", ")
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", iv.Start, iv.ErlangC, iv.ErlangA, iv.Simulated, iv.Scheduled,
			pct(iv.ServiceLevel.Mean), ciPct(iv.ServiceLevel), pct(iv.AbandonRate.Mean), pct(iv.Occupancy.Mean), costOf(iv.Cost, ""), met)
	}
	tw.Flush()
	fmt.Fprintf(&b, "\nscheduled agent-hours %.1f", pl.AgentHours)
	if pl.Cost != nil {
		fmt.Fprintf(&b, ", cost %s (staff, bot sessions, abandoned contacts)", money(*pl.Cost, pl.Currency))
	}
	fmt.Fprintf(&b, "\n%.1f FTE (%g h a week, this day %g times a week)", week.FTE(pl.AgentHours), week.FTEHours, week.Days)
	if pl.Cost != nil {
		fmt.Fprintf(&b, ", annual cost %s (52 weeks)", money(week.Annual(*pl.Cost), pl.Currency))
	}
	b.WriteString("\n")
	writeVerification(&b, pl.Verification)
	writeChannels(&b, pl)
	if len(pl.Groups) > 1 {
		b.WriteString("\nPer group: simulated requirement / scheduled headcount (occupancy):\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "start\t"+strings.Join(pl.Groups, "\t")+"\t")
		for _, iv := range pl.Intervals {
			row := iv.Start
			for _, gn := range iv.Groups {
				row += fmt.Sprintf("\t%d / %d (%s)", gn.Simulated, gn.Scheduled, pct(gn.Occupancy.Mean))
			}
			fmt.Fprintln(tw, row+"\t")
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writePlanHead prints the goals and how the plan was found and checked.
func writePlanHead(b *strings.Builder, pl *staff.Plan) {
	g := pl.Goals
	fmt.Fprintf(b, "Staffing for %s\n", pl.Scenario)
	goals := []string{fmt.Sprintf("service level >= %s within %ss", pct(g.Target), num(g.ThresholdSeconds))}
	if g.MaxAbandon > 0 {
		goals = append(goals, "abandonment <= "+pct(g.MaxAbandon))
	}
	if g.MaxOccupancy > 0 {
		goals = append(goals, "occupancy <= "+pct(g.MaxOccupancy)+" per group")
	}
	if g.MaxASASeconds > 0 {
		goals = append(goals, "ASA <= "+num(g.MaxASASeconds)+"s per channel")
	}
	for _, c := range g.Channels {
		if c.Target > 0 {
			goals = append(goals, fmt.Sprintf("%s >= %s within %ss", c.Channel, pct(c.Target), num(c.ThresholdSeconds)))
		}
	}
	on := "on the means"
	if g.Confidence > 0 {
		on = "on one-sided " + pct(g.Confidence) + " confidence bounds"
	}
	fmt.Fprintf(b, "Goals in every interval: %s, %s\n", strings.Join(goals, ", "), on)
	fmt.Fprintf(b, "%d simulations of %d replications (seed %d)", pl.Evaluations, pl.Replications, pl.Seed)
	if pl.MaxReplications > pl.Replications {
		fmt.Fprintf(b, ", up to %d where a decision was close", pl.MaxReplications)
	}
	v := pl.Verification
	fmt.Fprintf(b, "\nFigures below: out of sample, %d fresh replications (seed %d)\n\n", v.Replications, v.Seed)
}

// writeChannels prints each channel's figures per interval when the plan
// has channel goals.
func writeChannels(b *strings.Builder, pl *staff.Plan) {
	if len(pl.Goals.Channels) == 0 || len(pl.Intervals) == 0 {
		return
	}
	b.WriteString("\nPer channel (out of sample): service level / ASA / abandoned:\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "start"
	for _, c := range pl.Intervals[0].Channels {
		head += "\t" + c.Channel
	}
	fmt.Fprintln(tw, head+"\t")
	for _, iv := range pl.Intervals {
		row := iv.Start
		for _, c := range iv.Channels {
			row += fmt.Sprintf("\t%s / %.0fs / %s", pct(c.ServiceLevel.Mean), c.ASA.Mean, pct(c.AbandonRate.Mean))
		}
		fmt.Fprintln(tw, row+"\t")
	}
	tw.Flush()
}

// writeVerification prints how many intervals meet each goal out of sample.
func writeVerification(b *strings.Builder, v staff.Verification) {
	var parts []string
	for _, gc := range v.Goals {
		parts = append(parts, fmt.Sprintf("%s %d of %d", strings.ReplaceAll(gc.Goal, "_", " "), gc.Met, v.Intervals))
	}
	fmt.Fprintf(b, "out of sample (%d replications, seed %d): intervals meeting %s; every goal %d of %d\n",
		v.Replications, v.Seed, strings.Join(parts, ", "), v.AllMet, v.Intervals)
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}

func ciPct(s sim.Stat) string {
	if math.IsNaN(s.CI95[0]) {
		return "-"
	}
	return fmt.Sprintf("[%.1f, %.1f]", 100*s.CI95[0], 100*s.CI95[1])
}

func num(v float64) string { return fmt.Sprintf("%g", v) }

func costOf(p *float64, currency string) string {
	if p == nil {
		return "-"
	}
	return money(*p, currency)
}

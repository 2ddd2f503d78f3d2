package main

import (
	"context"
	"flag"
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

// runStaff finds the smallest staffing per interval and group that meets the goals.
func runStaff(ctx context.Context, e env, args []string) error {
	fs := newFlags("staff", "staff [FILE|NAME] [--target 0.8] [--threshold 20s] [--max-abandon 0.05] [--max-occupancy 0.9] [--max-asa 30s]\n"+
		"       [--confidence 0.95 | --on-means] [--reps N] [--max-reps M] [--verify-reps V] [--seed S] [--verify-seed S]\n"+
		"       [--workers W] [--set KEY=VALUE]... [--vary KEY=V1,V2,...]... [--fte-hours 37.5] [--week-days 5]\n"+
		"       [--json] [--write FILE] [--out DIR]\n\n"+
		"Goals hold on one-sided 95 % bounds by default: an interval meets the service level when the lower\n"+
		"bound mean - t*s*sqrt(1/n + 1/V) over the search's n replications reaches the target, so that the\n"+
		"check on V = --verify-reps fresh replications (another seed) meets it with 95 % probability; caps\n"+
		"(abandonment, occupancy, ASA) hold on the upper bound. Where a decision is close (more replications\n"+
		"at the same mean would settle it), the search adds batches of --reps replications up to --max-reps,\n"+
		"every candidate on the same batches. The output gives the check's figures and how many intervals\n"+
		"met each goal in it. --on-means holds the goals on the means instead (faster, but about\n"+
		"half the intervals that sit at a goal miss it on other days).\n\n"+
		"With several channels, each channel's service level is a goal of its own, at the threshold and\n"+
		"target of the scenario's [channels.*] (else --threshold and --target; change them with\n"+
		"--set channels.chat.target=0.85); --max-abandon and --max-asa hold for each channel too.\n\n"+
		"--vary staffs each variant (the first value is the baseline) on the same replications and prints,\n"+
		"per interval and for the day, the difference in scheduled agents, agent-hours and cost, the cost's\n"+
		"with a 95 % confidence interval paired over the checks' replications; FTE and annual cost assume\n"+
		"--fte-hours a week and --week-days days a week, 52 weeks a year.", e.stderr)
	target := fs.Float64("target", 0, "service level to reach in every interval, a share (default: the scenario's)")
	threshold := fs.Duration("threshold", 0, "answer-time goal of the service level (default: the scenario's)")
	maxAbandon := fs.Float64("max-abandon", 0, "cap on the abandonment rate of every interval, a share (default: none)")
	maxOcc := fs.Float64("max-occupancy", 0, "cap on each group's occupancy in every interval, a share (default: none)")
	maxASA := fs.Duration("max-asa", 0, "cap on each channel's mean wait of answered contacts in every interval (default: none)")
	conf := fs.Float64("confidence", 0, "level of the one-sided confidence bounds the goals hold on (default 0.95)")
	onMeans := fs.Bool("on-means", false, "hold the goals on the means, without bounds or added replications")
	reps := fs.Int("reps", 0, "replications of a first simulation, a batch (default: the scenario's)")
	maxReps := fs.Int("max-reps", 0, "most replications where a decision is close (default: 2 batches)")
	verifyReps := fs.Int("verify-reps", 0, "fresh replications of the final check (default 40)")
	seed := fs.Uint64("seed", 0, "random seed of the search's first batch (default: the scenario's)")
	verifySeed := fs.Uint64("verify-seed", 0, "random seed of the final check (default: one mixed from the search's)")
	workers := fs.Int("workers", 0, "replications simulated in parallel (default: number of CPUs)")
	var sets overrideFlag
	fs.Var(&sets, "set", "override a scenario key before staffing, e.g. --set intents.order_status.bot_containment=0.4 (repeatable)")
	var vary varyFlag
	fs.Var(&vary, "vary", "staff variants side by side, e.g. --vary intents.order_status.bot_containment=0.7,0.5 (repeatable: every combination)")
	fteHours := fs.Float64("fte-hours", 37.5, "paid hours of one full-time equivalent a week")
	weekDays := fs.Float64("week-days", 5, "days a week the planned day repeats, for FTE and annual cost")
	asJSON := fs.Bool("json", false, "print the plan as JSON")
	write := fs.String("write", "", "write the scenario with the staffing found (scheduled headcount per interval) to this TOML file")
	out := fs.String("out", "", "write the staffing report (HTML, PDF, chart, staffing.csv, plan.json) into this directory")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 1, "at most one scenario FILE or NAME"); err != nil {
		return err
	}
	goals := staff.Goals{Target: *target, Threshold: *threshold, MaxAbandon: *maxAbandon, MaxOccupancy: *maxOcc, MaxASA: *maxASA,
		Confidence: *conf, OnMeans: *onMeans}
	if err := goals.Validate(); err != nil {
		return usageError{err}
	}
	if *reps < 0 || *workers < 0 || *maxReps < 0 || *verifyReps < 0 {
		return usageError{fmt.Errorf("--reps, --max-reps, --verify-reps and --workers must not be negative")}
	}
	week := staff.Week{FTEHours: *fteHours, Days: *weekDays}
	if err := week.Validate(); err != nil || *fteHours == 0 || *weekDays == 0 {
		return usageError{fmt.Errorf("--fte-hours must be positive and --week-days in (0, 7]")}
	}
	if len(vary) > 0 && (*write != "" || *out != "") {
		return usageError{fmt.Errorf("--vary prints a comparison; --write and --out take one plan")}
	}
	if len(vary) > 0 {
		return staffVariants(ctx, e, staffVary{pos: pos, vary: vary, sets: sets, goals: goals, opts: staffOptions(e, fs, *workers, *reps, *maxReps, *verifyReps, seed, verifySeed), week: week, json: *asJSON})
	}
	sc, err := loadScenario(first(pos), sets...)
	if err != nil {
		return err
	}
	n := sc.Replications
	if *reps > 0 {
		n = *reps
	}
	if !*onMeans && n < 2 {
		return usageError{fmt.Errorf("goals on confidence bounds need at least 2 replications, got %d (--reps, or --on-means)", n)}
	}
	opts := staffOptions(e, fs, *workers, *reps, *maxReps, *verifyReps, seed, verifySeed)
	plan, err := staff.Search(ctx, sc, goals, opts)
	if opts.Progress != nil {
		fmt.Fprintln(e.stderr) // end the progress line
	}
	if err != nil {
		return err
	}
	if *write != "" {
		if err := writeStaffed(*write, plan); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", *write)
	}
	if *out != "" {
		sp := reports.StaffingPlan{Plan: plan}
		if sp.Current, err = currentAgents(ctx, sc, opts); err != nil {
			return err
		}
		if _, err := writeFiles(*out, sp.Files(nil)); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", *out)
	}
	if *asJSON {
		return writeJSON(e.stdout, plan)
	}
	return writePlan(e.stdout, plan, week)
}

// staffOptions are the search's options from the flags.
func staffOptions(e env, fs *flag.FlagSet, workers, reps, maxReps, verifyReps int, seed, verifySeed *uint64) staff.Options {
	opts := staff.Options{Workers: workers, Replications: reps, MaxReplications: maxReps,
		VerifyReplications: verifyReps, Progress: staffProgress(e)}
	if isSet(fs, "seed") {
		opts.Seed = seed
	}
	if isSet(fs, "verify-seed") {
		opts.VerifySeed = verifySeed
	}
	return opts
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

package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/ccsim/ccsim/sim/staff"
)

// staffFlags are the flags of ccsim staff.
type staffFlags struct {
	fs                                 *flag.FlagSet
	target, maxAbandon, maxOcc, conf   *float64
	tolerance                          *float64
	fteHours, weekDays                 *float64
	threshold, maxASA                  *time.Duration
	onMeans, json                      *bool
	reps, maxReps, verifyReps, workers *int
	searches                           *int
	seed, verifySeed                   *uint64
	sets                               overrideFlag
	vary                               varyFlag
	write, out                         *string
}

// newStaffFlags declares the flags.
func newStaffFlags(e env) *staffFlags {
	return declareStaffFlags(newFlags("staff", staffSynopsis, e.stderr),
		"write the scenario with the staffing found (scheduled headcount per interval) to this TOML file",
		"write the staffing report (HTML, PDF, chart, staffing.csv, plan.json) into this directory")
}

// declareStaffFlags declares the flags of staff on fs (schedule shares
// them); write and out describe --write and --out.
func declareStaffFlags(fs *flag.FlagSet, write, out string) *staffFlags {
	f := &staffFlags{fs: fs}
	f.target = fs.Float64("target", 0, "service level to reach in every interval, a share (default: the scenario's)")
	f.threshold = fs.Duration("threshold", 0, "answer-time goal of the service level (default: the scenario's)")
	f.maxAbandon = fs.Float64("max-abandon", 0, "cap on the abandonment rate of every interval, a share (default: none)")
	f.maxOcc = fs.Float64("max-occupancy", 0, "cap on each group's occupancy in every interval, a share (default: none)")
	f.maxASA = fs.Duration("max-asa", 0, "cap on each channel's mean wait of answered contacts in every interval (default: none)")
	f.conf = fs.Float64("confidence", 0, "level of the one-sided confidence bounds the goals hold on (default 0.95)")
	f.tolerance = fs.Float64("tolerance", 0, "with the most replications, a bound that misses a goal by less than this share of it counts as met (default 0.005)")
	f.onMeans = fs.Bool("on-means", false, "hold the goals on the means, without bounds or added replications")
	f.reps = fs.Int("reps", 0, "replications of a first simulation, a batch (default: the scenario's)")
	f.maxReps = fs.Int("max-reps", 0, "most replications where a decision is close (default: 4 batches)")
	f.verifyReps = fs.Int("verify-reps", 0, "fresh replications of the final check (default 40)")
	f.seed = fs.Uint64("seed", 0, "random seed of the search's first batch (default: the scenario's)")
	f.verifySeed = fs.Uint64("verify-seed", 0, "random seed of the final check (default: one mixed from the search's)")
	f.workers = fs.Int("workers", 0, "replications simulated in parallel (default: number of CPUs)")
	fs.Var(&f.sets, "set", "override a scenario key before staffing, e.g. --set intents.order_status.bot_containment=0.4 (repeatable)")
	fs.Var(&f.vary, "vary", "staff variants side by side, e.g. --vary intents.order_status.bot_containment=0.7,0.5 (repeatable: every combination)")
	f.searches = fs.Int("searches", 5, "with --vary: searches of each variant on other seeds, for the confidence intervals of the Δ agents (1: none)")
	f.fteHours = fs.Float64("fte-hours", 37.5, "paid hours of one full-time equivalent a week")
	f.weekDays = fs.Float64("week-days", 5, "days a week the planned day repeats, for FTE and annual cost")
	f.json = fs.Bool("json", false, "print the plan as JSON")
	f.write = fs.String("write", "", write)
	f.out = fs.String("out", "", out)
	return f
}

// parse parses args and checks the flags; it returns the positional arguments.
func (f *staffFlags) parse(args []string) ([]string, error) {
	pos, err := parseFlags(f.fs, args)
	if err != nil {
		return nil, err
	}
	if err := wantArgs(pos, 0, 1, "at most one scenario FILE or NAME"); err != nil {
		return nil, err
	}
	if err := f.goals().Validate(); err != nil {
		return nil, usageError{err}
	}
	if *f.reps < 0 || *f.workers < 0 || *f.maxReps < 0 || *f.verifyReps < 0 {
		return nil, usageError{fmt.Errorf("--reps, --max-reps, --verify-reps and --workers must not be negative")}
	}
	if err := f.week().Validate(); err != nil || *f.fteHours == 0 || *f.weekDays == 0 {
		return nil, usageError{fmt.Errorf("--fte-hours must be positive and --week-days in (0, 7]")}
	}
	if *f.searches < 1 || (isSet(f.fs, "searches") && len(f.vary) == 0) {
		return nil, usageError{fmt.Errorf("--searches goes with --vary and must be at least 1")}
	}
	if len(f.vary) > 0 && *f.write != "" {
		return nil, usageError{fmt.Errorf("--vary compares plans; --write takes one plan")}
	}
	return pos, nil
}

// goals are the goals the flags set.
func (f *staffFlags) goals() staff.Goals {
	return staff.Goals{Target: *f.target, Threshold: *f.threshold, MaxAbandon: *f.maxAbandon, MaxOccupancy: *f.maxOcc,
		MaxASA: *f.maxASA, Confidence: *f.conf, Tolerance: *f.tolerance, OnMeans: *f.onMeans}
}

// week is the week FTE and annual cost assume.
func (f *staffFlags) week() staff.Week { return staff.Week{FTEHours: *f.fteHours, Days: *f.weekDays} }

// options are the search's options from the flags.
func (f *staffFlags) options(e env) staff.Options {
	opts := staff.Options{Workers: *f.workers, Replications: *f.reps, MaxReplications: *f.maxReps,
		VerifyReplications: *f.verifyReps, Progress: staffProgress(e)}
	if isSet(f.fs, "seed") {
		opts.Seed = f.seed
	}
	if isSet(f.fs, "verify-seed") {
		opts.VerifySeed = f.verifySeed
	}
	return opts
}

package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ccsim/ccsim/calibrate"
	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// listFlag collects a repeated string flag (--map a=b --map c=d).
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// calibrateArgs are the parsed flags of ccsim calibrate.
type calibrateArgs struct {
	files            []string
	format           string
	mapping          records.Mapping
	out, report      string
	backtest         bool
	dayType          string
	opts             calibrate.Options
	reps, workers    int
	open, closeClock string
}

// runCalibrate fits a scenario to contact records and reports how well it fits.
func runCalibrate(ctx context.Context, e env, args []string) error {
	a, err := parseCalibrate(e, args)
	if err != nil {
		return err
	}
	start := time.Now()
	set, err := readRecords(a.files, a.format, a.mapping)
	if err != nil {
		return err
	}
	cal, err := calibrate.Run(set, a.opts)
	if err != nil {
		if errors.Is(err, calibrate.ErrNoRecords) {
			return usageError{err}
		}
		return err
	}
	chosen, err := cal.DayType(a.dayType)
	if err != nil {
		return usageError{err}
	}
	if err := cal.WriteSummary(e.stdout); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "calibrated in %v\n", time.Since(start).Round(time.Millisecond))
	var backtests []*calibrate.Backtest
	if a.backtest {
		if backtests, err = runBacktests(ctx, e, cal, chosen.Name, sim.Options{Replications: a.reps, Workers: a.workers}); err != nil {
			return err
		}
	}
	if a.out != "" {
		data, err := cal.ScenarioTOML(chosen.Name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(a.out, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote the %s scenario to %s\n", chosen.Name, a.out)
	}
	if a.report != "" {
		if err := writeCalibrationReport(a.report, cal, backtests); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote the calibration report to %s\n", a.report)
	}
	return nil
}

func parseCalibrate(e env, args []string) (*calibrateArgs, error) {
	fs := newFlags("calibrate", "calibrate RECORDS... [--format auto|anonymous-bank|generic] [--map COLUMN=FIELD]... [--out scenario.toml] [--report DIR] [--backtest]", e.stderr)
	a := &calibrateArgs{}
	var maps listFlag
	fs.StringVar(&a.format, "format", "auto", "record format: anonymous-bank, generic (CSV with a header, or JSON lines), or auto (detect)")
	fs.Var(&maps, "map", "generic format: COLUMN=FIELD, repeatable; fields: "+genericFieldList())
	fs.StringVar(&a.out, "out", "", "write the scenario of --day-type (TOML with comments) to this file")
	fs.StringVar(&a.report, "report", "", "write the calibration report (summary, charts, scenarios per day type, back-tests) into this directory")
	fs.BoolVar(&a.backtest, "backtest", false, "simulate each day type's scenario with the fitted staffing and compare with the records")
	fs.StringVar(&a.dayType, "day-type", "", "day type for --out and the detailed back-test table (default: the one with most days)")
	fs.StringVar(&a.opts.DayTypes, "day-types", "", "weekday groups, e.g. sun-thu,fri,sat (default: that for anonymous-bank, mon-fri,sat,sun otherwise)")
	fs.DurationVar(&a.opts.Interval, "interval", 30*time.Minute, "planning interval")
	fs.StringVar(&a.open, "open", "", "opening time HH:MM for every day type (default: detected per day type)")
	fs.StringVar(&a.closeClock, "close", "", "closing time HH:MM (up to 48:00)")
	fs.DurationVar(&a.opts.MinService, "min-service", 0, "leave shorter services out of handle-time fits (default: 10s for anonymous-bank, else none; negative: none)")
	fs.DurationVar(&a.opts.MaxService, "max-service", 0, "leave longer services out (default: 1h for anonymous-bank, else none; negative: none)")
	fs.StringVar(&a.opts.Staffing, "staffing", calibrate.StaffWhileQueued, "agents per interval from: "+strings.Join(calibrate.StaffMethods, ", "))
	fs.DurationVar(&a.opts.Threshold, "threshold", scenarios.DefaultThreshold, "service-level threshold")
	fs.Float64Var(&a.opts.Target, "target", scenarios.DefaultTarget, "service-level target")
	fs.Uint64Var(&a.opts.Seed, "seed", scenarios.DefaultSeed, "seed of the calibrated scenario")
	fs.IntVar(&a.reps, "reps", 20, "replications of the back-test (and of the scenario)")
	fs.IntVar(&a.workers, "workers", 0, "back-test replications simulated in parallel (default: number of CPUs)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if err := wantArgs(pos, 1, -1, "one or more RECORDS files"); err != nil {
		return nil, err
	}
	a.files = pos
	if a.mapping, err = records.ParseMapping(maps); err != nil {
		return nil, usageError{err}
	}
	if a.reps < 1 || a.workers < 0 {
		return nil, usageError{errors.New("--reps must be at least 1 and --workers not negative")}
	}
	a.opts.Replications = a.reps
	if (a.open == "") != (a.closeClock == "") {
		return nil, usageError{errors.New("give both --open and --close, or neither")}
	}
	if a.open != "" {
		if a.opts.Open, err = parseHHMM(a.open); err == nil {
			a.opts.Close, err = parseHHMM(a.closeClock)
		}
		if err != nil {
			return nil, usageError{err}
		}
	}
	switch a.format {
	case "auto", "anonymous-bank", "generic":
	default:
		return nil, usageError{fmt.Errorf("--format %q: want auto, anonymous-bank or generic", a.format)}
	}
	return a, nil
}

func genericFieldList() string {
	var names []string
	for _, f := range records.GenericFields {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// parseHHMM parses a time of day HH:MM (hours up to 48).
func parseHHMM(s string) (time.Duration, error) {
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); n != 2 || err != nil || h < 0 || h > 48 || m < 0 || m > 59 {
		return 0, fmt.Errorf("%q is not a time of day HH:MM", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, nil
}

// readRecords reads every file (gzipped if named .gz) into one record set.
func readRecords(files []string, format string, m records.Mapping) (*records.Set, error) {
	all := &records.Set{}
	for _, name := range files {
		set, err := readRecordFile(name, format, m)
		if err != nil {
			return nil, err
		}
		if all.Source != "" && set.Source != all.Source {
			return nil, usageError{fmt.Errorf("%s is %s records, the files before it %s: calibrate one format at a time", name, set.Source, all.Source)}
		}
		all.Append(set)
	}
	return all, nil
}

func readRecordFile(name, format string, m records.Mapping) (*records.Set, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usageError{err}
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, usageError{fmt.Errorf("%s: %w", name, err)}
		}
		defer z.Close()
		r = z
	}
	br := bufio.NewReader(r)
	if format == "auto" {
		head, _ := br.Peek(64)
		format = "generic"
		if bytes.HasPrefix(bytes.ToLower(head), []byte("vru+line\tcall_id")) {
			format = "anonymous-bank"
		}
	}
	base := filepath.Base(name)
	var set *records.Set
	if format == "anonymous-bank" {
		set, err = records.ReadBank(br, base)
	} else {
		set, err = records.ReadGeneric(br, base, m)
	}
	if errors.Is(err, records.ErrFormat) {
		return nil, usageError{err}
	}
	return set, err
}

// runBacktests simulates every day type, prints the chosen one's table and
// every day type's whole-day figures.
func runBacktests(ctx context.Context, e env, cal *calibrate.Report, chosen string, opts sim.Options) ([]*calibrate.Backtest, error) {
	var out []*calibrate.Backtest
	for _, d := range cal.DayTypes {
		opts.Progress = progress(e, "back-test "+d.Name)
		b, err := cal.Backtest(ctx, d.Name, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	for _, b := range out {
		if b.DayType == chosen {
			fmt.Fprintf(e.stdout, "\nBack-test of %s, per interval (observed: mean over the recorded days; simulated: mean over %d replications):\n", b.DayType, b.Simulated.Replications)
			if err := b.WriteTable(e.stdout, false); err != nil {
				return nil, err
			}
		}
	}
	for _, b := range out {
		fmt.Fprintln(e.stdout)
		if err := b.WriteTotals(e.stdout, false); err != nil {
			return nil, err
		}
	}
	return out, nil
}

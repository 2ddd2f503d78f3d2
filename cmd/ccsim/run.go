package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// runRun simulates a scenario and prints a summary or JSON, or writes files to --out.
func runRun(ctx context.Context, e env, args []string) error {
	fs := newFlags("run", "run [FILE|NAME] [--reps N] [--seed S] [--workers W] [--set KEY=VALUE]... [--json] [--out DIR]", e.stderr)
	var sets overrideFlag
	fs.Var(&sets, "set", "override a scenario key, e.g. --set bot.context_transfer=false (repeatable; docs/staffing.md \"Overrides\")")
	reps := fs.Int("reps", 0, "replications (default: the scenario's)")
	seed := fs.Uint64("seed", 0, "random seed (default: the scenario's)")
	workers := fs.Int("workers", 0, "replications simulated in parallel (default: number of CPUs)")
	asJSON := fs.Bool("json", false, "print the results as JSON instead of a summary")
	out := fs.String("out", "", "write the full report (HTML, PDF, charts, CSV, JSON, summary) into this directory")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 1, "at most one scenario FILE or NAME"); err != nil {
		return err
	}
	if *reps < 0 || *workers < 0 {
		return usageError{fmt.Errorf("--reps and --workers must not be negative")}
	}
	sc, err := loadScenario(first(pos), sets...)
	if err != nil {
		return err
	}
	opts := sim.Options{Workers: *workers, Replications: *reps}
	if isSet(fs, "seed") {
		opts.Seed = seed
	}
	if e.isTerminal {
		opts.Status = &sim.Status{}
		defer showStatus(e, "simulating", opts.Status)()
	}
	res, err := e.run(ctx, sc, opts)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeRunDir(ctx, e, *out, sc, res, *workers); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", *out)
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	return reports.WriteSummary(e.stdout, res)
}

// writeRunDir writes the report directory of a run: the report documents,
// charts, CSV, results JSON and text summary, with the staffing curve of the
// busiest interval. The run itself is not simulated again: the curve's own
// simulations (one batch per agent count, sim/staff) are run here, before
// the report is rendered.
func writeRunDir(ctx context.Context, e env, dir string, sc *sim.Scenario, res *sim.Results, workers int) error {
	rep := reports.Report{Results: res}
	st, err := staff.SimulateCurve(ctx, sc, res, staff.CurveOptions{Workers: workers, Simulate: e.simulate})
	switch {
	case err == nil:
		rep.Staffing = &st
	case !errors.Is(err, staff.ErrNoLoad):
		return err
	}
	_, err = writeFiles(dir, rep.Files(nil))
	return err
}

// writeFiles writes report files under dir and returns their paths.
func writeFiles(dir string, files []reports.File) ([]string, error) {
	var paths []string
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return paths, err
		}
		if err := writeFile(path, f.Write); err != nil {
			return paths, fmt.Errorf("%s: %w", path, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeJSON(w interface{ Write([]byte) (int, error) }, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// progress returns a callback that shows "done/total" on stderr when it is a
// terminal and the work has lasted over a second; otherwise nil.
func progress(e env, what string) func(done, total int) {
	if !e.isTerminal {
		return nil
	}
	start := time.Now()
	return func(done, total int) {
		if time.Since(start) < time.Second && done < total {
			return
		}
		fmt.Fprintf(e.stderr, "\r%s: %d/%d", what, done, total)
		if done == total {
			fmt.Fprintln(e.stderr)
		}
	}
}

// showStatus shows a run's progress on stderr once a second, by simulated
// time, with an estimate of the time left; the returned function stops it.
func showStatus(e env, what string, st *sim.Status) (stop func()) {
	start := time.Now()
	quit, exited := make(chan struct{}), make(chan struct{})
	// The display goroutine exits when stop closes quit.
	go func() {
		defer close(exited)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-quit:
				if shown {
					fmt.Fprintf(e.stderr, "\r%s: done in %v%s\n", what, time.Since(start).Round(time.Second), strings.Repeat(" ", 30))
				}
				return
			case <-tick.C:
				fmt.Fprintf(e.stderr, "\r%s", statusLine(what, st.Fraction(), time.Since(start)))
				shown = true
			}
		}
	}()
	return func() { close(quit); <-exited }
}

// statusLine is one progress line: the share done and, once it can be
// estimated, the time left at the pace so far.
func statusLine(what string, frac float64, elapsed time.Duration) string {
	line := fmt.Sprintf("%s: %3.0f%%", what, 100*frac)
	if frac >= 0.01 {
		left := time.Duration(float64(elapsed) * (1 - frac) / frac)
		line += fmt.Sprintf(", about %v left", left.Round(time.Second))
	}
	return line + "   "
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

func isSet(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			found = true
		}
	})
	return found
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/sim"
)

// runRun simulates a scenario and prints a summary or JSON, or writes files to --out.
func runRun(ctx context.Context, e env, args []string) error {
	fs := newFlags("run", "run [FILE|NAME] [--reps N] [--seed S] [--workers W] [--json] [--out DIR]", e.stderr)
	reps := fs.Int("reps", 0, "replications (default: the scenario's)")
	seed := fs.Uint64("seed", 0, "random seed (default: the scenario's)")
	workers := fs.Int("workers", 0, "replications simulated in parallel (default: number of CPUs)")
	asJSON := fs.Bool("json", false, "print the results as JSON instead of a summary")
	out := fs.String("out", "", "write results.json and summary.txt into this directory")
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
	sc, err := loadScenario(first(pos))
	if err != nil {
		return err
	}
	opts := sim.Options{Workers: *workers, Replications: *reps}
	if isSet(fs, "seed") {
		opts.Seed = seed
	}
	opts.Progress = progress(e, "replications")
	res, err := sim.Run(ctx, sc, opts)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeRunDir(*out, res); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", *out)
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	return reports.WriteSummary(e.stdout, res)
}

func writeRunDir(dir string, res *sim.Results) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "results.json"))
	if err != nil {
		return err
	}
	if err := writeJSON(f, res); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	s, err := os.Create(filepath.Join(dir, "summary.txt"))
	if err != nil {
		return err
	}
	if err := reports.WriteSummary(s, res); err != nil {
		s.Close()
		return err
	}
	return s.Close()
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

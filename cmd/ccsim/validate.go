package main

import (
	"context"
	"fmt"
	"math"
	"text/tabwriter"

	"github.com/ccsim/ccsim/sim/oracle"
)

// runValidate simulates the built-in oracle cases and compares them with the exact Erlang figures.
func runValidate(ctx context.Context, e env, args []string) error {
	fs := newFlags("validate", "validate [--seed S] [--workers W] [--max-z Z]", e.stderr)
	seed := fs.Uint64("seed", 1, "random seed")
	workers := fs.Int("workers", 0, "replications simulated in parallel (default: number of CPUs)")
	maxZ := fs.Float64("max-z", 4, "fail when |sim - exact| exceeds this many standard errors")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, "no arguments"); err != nil {
		return err
	}
	cases := oracle.Cases()
	show := progress(e, "cases")
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "case\tagents\tload\tpatience s\tmetric\tsimulated\t± s.e.\texact\tz\t")
	worst, failed := 0.0, 0
	for i, c := range cases {
		cmp, err := oracle.Compare(ctx, c, *seed, *workers)
		if err != nil {
			return err
		}
		for _, ch := range cmp.Checks {
			mark := ""
			if math.IsNaN(ch.Z) || math.Abs(ch.Z) > *maxZ {
				mark = "  FAIL"
				failed++
			}
			fmt.Fprintf(tw, "%s\t%d\t%g\t%g\t%s\t%.5g\t%.2g\t%.5g\t%+.2f%s\t\n",
				c.Name, c.Agents, c.Load, c.Patience, ch.Metric, ch.Sim, ch.SE, ch.Exact, ch.Z, mark)
		}
		worst = math.Max(worst, cmp.Worst())
		if show != nil {
			show(i+1, len(cases))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\n%d cases, largest |z| = %.2f (limit %g)\n", len(cases), worst, *maxZ)
	if failed > 0 {
		return fmt.Errorf("validate: %d comparisons outside %g standard errors", failed, *maxZ)
	}
	return nil
}

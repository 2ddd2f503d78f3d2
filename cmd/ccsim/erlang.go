package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"text/tabwriter"
	"time"

	"github.com/ccsim/ccsim/sim/erlang"
)

// runErlang is the Erlang B/C/A calculator.
func runErlang(ctx context.Context, e env, args []string) error {
	fs := newFlags("erlang", "erlang --rate N|--volume N --interval D --aht D (--agents N | --target P) [--patience D] [--threshold D]", e.stderr)
	rate := fs.Float64("rate", 0, "arrivals per hour")
	volume := fs.Float64("volume", 0, "arrivals per --interval (alternative to --rate)")
	interval := fs.Duration("interval", 30*time.Minute, "interval that --volume refers to")
	aht := fs.Duration("aht", 0, "mean handle time, e.g. 180s")
	agents := fs.Int("agents", 0, "number of agents (omit with --target to solve for it)")
	patience := fs.Duration("patience", 0, "mean patience (Erlang A); 0: no abandonment (Erlang C)")
	threshold := fs.Duration("threshold", 20*time.Second, "service-level threshold")
	target := fs.Float64("target", 0, "solve for the fewest agents reaching this service level, e.g. 0.8")
	def := fs.String("definition", "offered", "service-level definition for --target: offered, answered, excl_short_abandons")
	maxAbandon := fs.Float64("max-abandon", 0, "with --target: cap on the abandonment probability")
	maxOcc := fs.Float64("max-occupancy", 0, "with --target: cap on occupancy")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, "flags only"); err != nil {
		return err
	}
	q, err := erlangQueue(*rate, *volume, *interval, *aht, *patience)
	if err != nil {
		return usageError{err}
	}
	switch {
	case *target > 0 && *agents > 0:
		return usageError{errors.New("give --agents or --target, not both")}
	case *target > 0:
		t := erlang.Target{Threshold: threshold.Seconds(), Level: *target, Definition: erlang.Definition(*def), MaxAbandon: *maxAbandon, MaxOccupancy: *maxOcc}
		n, err := erlang.Agents(q, t)
		if err != nil {
			return usageError{err}
		}
		q.Agents = n
		fmt.Fprintf(e.stdout, "Agents needed: %d\n\n", n)
	case *agents > 0:
		q.Agents = *agents
	default:
		return usageError{errors.New("give --agents N, or --target P to solve for agents")}
	}
	if err := q.Validate(); err != nil {
		return usageError{err}
	}
	return printFigures(e, q, threshold.Seconds())
}

func erlangQueue(rate, volume float64, interval, aht, patience time.Duration) (erlang.Queue, error) {
	if rate > 0 && volume > 0 {
		return erlang.Queue{}, errors.New("give --rate or --volume, not both")
	}
	perSecond := rate / 3600
	if volume > 0 {
		if interval <= 0 {
			return erlang.Queue{}, errors.New("--interval must be positive")
		}
		perSecond = volume / interval.Seconds()
	}
	if !(perSecond > 0) {
		return erlang.Queue{}, errors.New("give a positive --rate (per hour) or --volume")
	}
	if aht <= 0 {
		return erlang.Queue{}, errors.New("give a positive --aht, e.g. --aht 180s")
	}
	return erlang.Queue{Rate: perSecond, AHT: aht.Seconds(), Patience: patience.Seconds()}, nil
}

func printFigures(e env, q erlang.Queue, threshold float64) error {
	f := q.Figures()
	model := "Erlang C (no abandonment)"
	if q.Patience > 0 {
		model = fmt.Sprintf("Erlang A (mean patience %gs)", q.Patience)
	}
	fmt.Fprintf(e.stdout, "%s: %.4g arrivals/hour, AHT %gs, load %.4g erlangs, %d agents\n\n", model, q.Rate*3600, q.AHT, q.Load(), q.Agents)
	if !f.Stable {
		fmt.Fprintln(e.stdout, "Unstable: load >= agents and nobody abandons; the queue grows without bound.")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, v float64, format string) {
		s := fmt.Sprintf(format, v)
		if math.IsInf(v, 1) {
			s = "inf"
		}
		fmt.Fprintf(tw, "%s\t%s\t\n", label, s)
	}
	row("P(wait)", f.PWait, "%.6f")
	row("P(abandon)", f.PAbandon, "%.6f")
	for _, d := range []erlang.Definition{erlang.Offered, erlang.Answered, erlang.ExclShortAbandons} {
		row(fmt.Sprintf("service level %gs (%s)", threshold, d), q.ServiceLevel(threshold, d), "%.6f")
	}
	row("ASA (s)", f.ASA, "%.4f")
	row("mean wait, all (s)", f.MeanWait, "%.4f")
	row("mean queue length", f.QueueLength, "%.4f")
	row("occupancy", f.Occupancy, "%.4f")
	return tw.Flush()
}

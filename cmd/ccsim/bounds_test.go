package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// checkBounds reports every confidence interval of m that leaves its
// metric's range (sim.MetricInfo.Range) or does not contain its mean.
func checkBounds(t *testing.T, where string, m sim.Metrics) {
	t.Helper()
	for name, s := range m {
		mi, _ := sim.Metric(name)
		lo, hi := mi.Range()
		if s.CI95[0] != s.CI95[0] { // NaN: undefined or one replication
			continue
		}
		if s.CI95[0] < lo || s.CI95[1] > hi || s.CI95[0] > s.Mean+1e-9 || s.CI95[1] < s.Mean-1e-9 {
			t.Errorf("%s: %s = %v %v, want an interval around the mean within [%v, %v]", where, name, s.Mean, s.CI95, lo, hi)
		}
	}
}

// checkResults checks every breakdown of res.
func checkResults(t *testing.T, where string, res *sim.Results) {
	t.Helper()
	checkBounds(t, where, res.Metrics)
	named := func(kind string, ns []sim.Named) {
		for _, n := range ns {
			checkBounds(t, where+" "+kind+" "+n.Name, n.Metrics)
		}
	}
	named("intent", res.Intents)
	named("group", res.Groups)
	named("channel", res.Channels)
	for _, iv := range res.Intervals {
		checkBounds(t, where+" "+iv.Start, iv.Metrics)
		named(iv.Start+" intent", iv.Intents)
		named(iv.Start+" group", iv.Groups)
	}
}

// TestIntervalsWithinRange runs every bundled scenario with few
// replications (wide intervals, near the bounds) and back-tests the
// January records, and requires every 95 % interval inside its metric's
// range: no service level above 100 %, no negative wait or abandonment.
func TestIntervalsWithinRange(t *testing.T) {
	for _, name := range scenarios.Names() {
		t.Run(name, func(t *testing.T) {
			sc, err := scenarios.Bundled(name)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Horizon > 0 {
				sc.Horizon = sc.Warmup + min(sc.Horizon-sc.Warmup, 4*3600e9)
			}
			res, err := sim.Run(context.Background(), sc, sim.Options{Replications: 3})
			if err != nil {
				t.Fatal(err)
			}
			checkResults(t, name, res)
		})
	}
	t.Run("january back-test", func(t *testing.T) {
		cal := calibrateJanuary(t)
		for _, d := range cal.DayTypes {
			b, err := cal.Backtest(context.Background(), d.Name, sim.Options{Replications: 5})
			if err != nil {
				t.Fatal(err)
			}
			checkResults(t, d.Name+" simulated", b.Simulated)
			checkBounds(t, d.Name+" observed", b.Observed.Total)
			for i, m := range b.Observed.Intervals {
				checkBounds(t, fmt.Sprintf("%s observed %s", d.Name, b.Labels[i]), m)
			}
			for i, s := range d.Arrivals.Profile {
				checkBounds(t, fmt.Sprintf("%s arrivals %d", d.Name, i), sim.Metrics{sim.MOffered: s})
			}
		}
	})
}

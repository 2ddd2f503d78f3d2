package main

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"testing"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// TestStaffRobustOutOfSample is the acceptance test of robust plans: the
// scenario `ccsim staff` writes with default flags for the default scenario
// and the bundled shifts example (shrinkage and all), simulated with another
// seed and 40 replications, meets every goal of default flags (the service
// level in total, for every skill and for every channel at its own
// threshold and target) in at least 95 % of the intervals, and the plan's
// own check, on fresh replications of its own, says as much.
func TestStaffRobustOutOfSample(t *testing.T) {
	for _, name := range []string{"default", "shifts"} {
		t.Run(name, func(t *testing.T) {
			written := filepath.Join(t.TempDir(), "staffed.toml")
			out, errs, code := ccsim(t, "staff", name, "--json", "--write", written)
			if code != 0 {
				t.Fatalf("staff %s exited %d: %s", name, code, errs)
			}
			var plan staff.Plan
			if err := json.Unmarshal([]byte(out), &plan); err != nil {
				t.Fatalf("staff --json: %v", err)
			}
			sc, err := loadScenario(written)
			if err != nil {
				t.Fatal(err)
			}
			seed := uint64(4242)
			res, err := sim.Run(context.Background(), sc, sim.Options{Seed: &seed, Replications: 40, Details: true})
			if err != nil {
				t.Fatal(err)
			}
			met := 0
			for k, iv := range res.Intervals {
				if meetsServiceLevel(res, k, sc.ServiceLevel.Target) && meetsChannelGoals(t, sc, res, k) {
					met++
				} else {
					t.Logf("%s: service level %.3f (or a skill's or channel's) under its target (%.2f in total) with seed %d", iv.Start, iv.Metrics[sim.MServiceLevel].Mean, sc.ServiceLevel.Target, seed)
				}
			}
			t.Logf("%s: %d of %d intervals meet every goal with seed %d; the plan's own check: %d of %d", name, met, len(res.Intervals), seed,
				plan.Verification.AllMet, plan.Verification.Intervals)
			if want := int(math.Ceil(0.95 * float64(len(res.Intervals)))); met < want {
				t.Errorf("%d of %d intervals meet the service level with seed %d, want at least %d", met, len(res.Intervals), seed, want)
			}
			v := plan.Verification
			if v.Replications != staff.DefaultVerifyReplications || v.Seed == plan.Seed || v.Intervals != len(plan.Intervals) {
				t.Errorf("verification %+v: want %d fresh replications of every interval with a seed other than %d", v, staff.DefaultVerifyReplications, plan.Seed)
			}
			if want := int(math.Ceil(0.95 * float64(v.Intervals))); v.AllMet < want {
				t.Errorf("the plan's own check: %d of %d intervals meet every goal, want at least %d", v.AllMet, v.Intervals, want)
			}
		})
	}
}

// meetsServiceLevel reports whether period k of res meets the target on the
// means, in total and for every skill with contacts.
func meetsServiceLevel(res *sim.Results, k int, target float64) bool {
	const eps = 1e-9
	if res.Intervals[k].Metrics[sim.MServiceLevel].Mean < target-eps {
		return false
	}
	for s := range res.PerReplication[0].Details[k].Skills {
		sum, n := 0.0, 0
		for _, rep := range res.PerReplication {
			if x := rep.Details[k].Skills[s][sim.MServiceLevel]; !math.IsNaN(x) {
				sum += x
				n++
			}
		}
		if n > 0 && sum/float64(n) < target-eps {
			return false
		}
	}
	return true
}

// meetsChannelGoals reports whether every channel of period k of res meets
// its service-level target on the means: the scenario's [channels.*]
// target, else its own (with one channel, the period's goal is the
// channel's).
func meetsChannelGoals(t *testing.T, sc *sim.Scenario, res *sim.Results, k int) bool {
	t.Helper()
	ok := true
	for c, named := range res.Channels {
		ch, err := sim.ParseChannel(named.Name)
		if err != nil {
			t.Fatal(err)
		}
		target := sc.ServiceLevel.Target
		if own, has := sc.Channels[ch]; has {
			target = own.Target
		}
		sum, n := 0.0, 0
		for _, rep := range res.PerReplication {
			if x := rep.Details[k].Channels[c][sim.MServiceLevel]; !math.IsNaN(x) {
				sum += x
				n++
			}
		}
		if n > 0 && sum/float64(n) < target-1e-9 {
			t.Logf("%s: %s service level %.3f under %.2f", res.Intervals[k].Start, named.Name, sum/float64(n), target)
			ok = false
		}
	}
	return ok
}

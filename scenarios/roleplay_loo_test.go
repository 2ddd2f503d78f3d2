package scenarios

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/trainer"
)

// minLeaveOneOutPct is the share of the bundled scripts' own examples that
// must still be understood as their reply when left out of its phrasings.
const minLeaveOneOutPct = 70

// TestLeaveOneOut measures how the bundled scripts' own examples generalise
// (trainer.LeaveOneOut) at the default threshold and margin.
func TestLeaveOneOut(t *testing.T) {
	total, missed := 0, 0
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatalf("BundledRoleplay(%q): %v", name, err)
		}
		n, misses, err := trainer.LeaveOneOut(sc)
		if err != nil {
			t.Fatalf("LeaveOneOut(%q): %v", name, err)
		}
		total, missed = total+n, missed+len(misses)
		t.Logf("%-20s %3d examples, %3d understood without themselves", name, n, n-len(misses))
		for _, m := range misses {
			t.Logf("  %s: %s", m.Path, m)
		}
	}
	pct := 100 * float64(total-missed) / float64(max(total, 1))
	t.Logf("all: %d of %d examples (%.0f%%)", total-missed, total, pct)
	if pct < minLeaveOneOutPct {
		t.Errorf("leave-one-out understood %.0f%% of %d examples, want at least %d%%", pct, total, minLeaveOneOutPct)
	}
}

// TestCalibrateUnderstanding is how DefaultThreshold and DefaultMargin were
// chosen: on the bundled scripts' own examples only (never the corpus), by
// similarity alone (patterns off), it sweeps both and logs the
// leave-one-out accuracy (examples understood as their reply without
// themselves, minus those taken as a wrong reply) against the false accepts (the other scripts' examples, said
// at each node, that some reply would take). The defaults maximise accuracy
// minus false accepts (Youden's J); the test asserts they stay within
// calibrationSlack points of the best point of the sweep. Run with -v to see
// the table.
func TestCalibrateUnderstanding(t *testing.T) {
	var loo []trainer.LOOScore
	var foreign []float64
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := trainer.LeaveOneOutScores(sc)
		if err != nil {
			t.Fatal(err)
		}
		loo = append(loo, s...)
		foreign = append(foreign, foreignScores(t, name, sc)...)
	}
	j := func(th, mg float64) (acc, fa float64) {
		ok := 0
		for _, s := range loo {
			switch {
			case s.Confidence < th || s.Lead < mg:
			case s.Own:
				ok++
			default:
				ok-- // a wrong reply taken costs as much as a right one gains
			}
		}
		bad := 0
		for _, c := range foreign {
			if c >= th {
				bad++
			}
		}
		return 100 * float64(ok) / float64(max(len(loo), 1)), 100 * float64(bad) / float64(max(len(foreign), 1))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d examples, %d foreign lines\nthreshold margin  LOO%%  false-accept%%      J\n", len(loo), len(foreign))
	bestJ, bestTh, bestMg := -100.0, 0.0, 0.0
	for th := 0.08; th <= 0.401; th += 0.02 {
		for _, mg := range []float64{0, 0.03, 0.06, 0.09, 0.12} {
			acc, fa := j(th, mg)
			fmt.Fprintf(&b, "%9.2f %6.2f %5.1f %8.1f %11.1f\n", th, mg, acc, fa, acc-fa)
			if acc-fa > bestJ+1e-9 {
				bestJ, bestTh, bestMg = acc-fa, th, mg
			}
		}
	}
	acc, fa := j(trainer.DefaultThreshold, trainer.DefaultMargin)
	fmt.Fprintf(&b, "best J %.1f at threshold %.2f margin %.2f; defaults %.2f/%.2f: LOO %.1f%%, false accepts %.1f%%, J %.1f",
		bestJ, bestTh, bestMg, trainer.DefaultThreshold, trainer.DefaultMargin, acc, fa, acc-fa)
	t.Log(b.String())
	if acc-fa < bestJ-calibrationSlack {
		t.Errorf("defaults give J %.1f, the sweep's best is %.1f at %.2f/%.2f: recalibrate", acc-fa, bestJ, bestTh, bestMg)
	}
}

// calibrationSlack is how far (in points of J) the defaults may fall behind
// the sweep's best before the test asks for a recalibration.
const calibrationSlack = 5

// foreignScores says one example of every reply of the other bundled
// scripts at each node of sc, and returns the similarities.
func foreignScores(t *testing.T, name string, sc *trainer.Script) []float64 {
	t.Helper()
	var out []float64
	for _, other := range RoleplayNames() {
		if other == name {
			continue
		}
		o, err := BundledRoleplay(other)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range sc.Nodes {
			if len(n.Replies) == 0 {
				continue
			}
			for _, on := range o.Nodes {
				for _, r := range on.Replies {
					if len(r.Examples) == 0 {
						continue
					}
					c, err := sc.SimilarityAt(n.ID, r.Examples[0])
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// TestCalibrateRuleThreshold is how the rule threshold (DefaultThreshold +
// the rules' adjustment) was chosen while the bundled rules have few
// examples: replies with three or more examples stand in for rules by
// examples; it sweeps the threshold and logs the examples that still fire
// their stand-in rule when left out against the other scripts' examples
// that fire some stand-in rule. A line meets every rule of a script, so false
// fires count per rule. Run with -v to see the table.
func TestCalibrateRuleThreshold(t *testing.T) {
	var own, other []float64
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatal(err)
		}
		var foreign []string
		for _, o := range RoleplayNames() {
			if o == name {
				continue
			}
			os, _ := BundledRoleplay(o)
			for _, n := range os.Nodes {
				for _, r := range n.Replies {
					if len(r.Examples) > 0 {
						foreign = append(foreign, r.Examples[0])
					}
				}
			}
		}
		o, f, err := trainer.RuleProxyScores(sc, foreign)
		if err != nil {
			t.Fatal(err)
		}
		own, other = append(own, o...), append(other, f...)
	}
	rate := func(xs []float64, th float64) float64 {
		n := 0
		for _, x := range xs {
			if x >= th {
				n++
			}
		}
		return 100 * float64(n) / float64(max(len(xs), 1))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d stand-in examples, %d foreign line x rule pairs\nthreshold fire%% false-fire%%\n", len(own), len(other))
	for th := 0.14; th <= 0.401; th += 0.02 {
		fmt.Fprintf(&b, "%9.2f %5.1f %10.2f\n", th, rate(own, th), rate(other, th))
	}
	th := trainer.DefaultThreshold + trainer.RuleThresholdAdj
	fire, false_ := rate(own, th), rate(other, th)
	t.Logf("%s\ndefault rule threshold %.2f: fire %.1f%%, false fire %.2f%%, cost (missed + 4 x false) %.1f", b.String(), th, fire, false_, 100-fire+4*false_)
	if fire < 85 || false_ > 5 {
		t.Errorf("rule threshold %.2f fires %.1f%% of stand-in examples (want >= 85) and %.2f%% of foreign pairs (want <= 5): recalibrate", th, fire, false_)
	}
}

package sim

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestCompare: more agents improve service level; the paired CI is much
// narrower than the independent one; a run compared with itself differs by
// exactly zero.
func TestCompare(t *testing.T) {
	base := dayScenario()
	base.Replications = 20
	more := dayScenario()
	more.Replications = 20
	more.Groups[0].Counts = []int{6, 14, 10, 3}
	other := *more
	other.Seed++
	a, b, ind := mustRun(t, base, Options{}), mustRun(t, more, Options{}), mustRun(t, &other, Options{})
	c, err := Compare(a, b, ind)
	if err != nil {
		t.Fatal(err)
	}
	sl := c.Metrics[MServiceLevel]
	if !(sl.Paired.Mean > 0) || !(sl.Paired.CI95[0] > 0) {
		t.Errorf("service level paired difference %+v, want a significant gain", sl.Paired)
	}
	near(t, "paired mean = difference of means", sl.Paired.Mean, sl.Variant.Mean-sl.Baseline.Mean, 1e-12)
	if n := sl.Narrowing(); !(n > 2) {
		t.Errorf("narrowing %g, want > 2", n)
	}
	if len(c.Intervals) != 4 || c.Intervals[1].Start != "08:30" {
		t.Fatalf("intervals %+v", c.Intervals)
	}
	self, err := Compare(a, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := self.Metrics[MServiceLevel]; d.Paired.Mean != 0 || d.Paired.HalfWidth() != 0 || !math.IsNaN(d.Narrowing()) {
		t.Errorf("self comparison %+v, want a zero paired difference and no independent run", d)
	}
	js, err := json.Marshal(c.Metrics[MServiceLevel])
	if err != nil || !strings.Contains(string(js), `"paired":{"mean":`) || !strings.Contains(string(js), `"narrowing":`) {
		t.Errorf("Diff JSON = %s, %v", js, err)
	}
	if _, err := Compare(a, ind, nil); err == nil {
		t.Errorf("Compare of runs with different seeds: no error")
	}
}

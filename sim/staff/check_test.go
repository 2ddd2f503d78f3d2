package staff

import (
	"context"
	"reflect"
	"testing"

	"github.com/ccsim/ccsim/sim/simtest"
)

// TestCheckAgreesWithPlan checks the plan's staffed scenario with Check: on
// the same seed and replications it must report exactly the plan's own check.
func TestCheckAgreesWithPlan(t *testing.T) {
	sc := simtest.KnownDay()
	sc.Replications = 4
	goals := Goals{MaxAbandon: 0.1, OnMeans: true}
	opts := Options{Workers: 2, VerifyReplications: 6}
	pl, err := Search(context.Background(), sc, goals, opts)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Check(context.Background(), pl.Staffed, goals, Options{Workers: 1, Seed: &pl.Seed, VerifyReplications: 6})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Verification, pl.Verification) {
		t.Errorf("Check.Verification = %+v, want the plan's %+v", c.Verification, pl.Verification)
	}
	for k, iv := range pl.Intervals {
		if got, want := len(c.Missed[k]) == 0, iv.Met; got != want {
			t.Errorf("%s: Check met = %v, plan met = %v", iv.Start, got, want)
		}
		if c.Short[0][k] && len(c.Missed[k]) == 0 {
			t.Errorf("%s: the group is charged with a miss but the interval misses nothing", iv.Start)
		}
	}
}

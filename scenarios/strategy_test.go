package scenarios

import (
	"strings"
	"testing"

	"github.com/ccsim/ccsim/trainer"
)

// TestGuidedStrategies checks that no blind strategy (always the longest
// label, the shortest, the first or the last button) passes a bundled script
// in half of 100 sessions or more (seeds, trainees and hand-off variants vary).
func TestGuidedStrategies(t *testing.T) {
	var table []string
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatal(err)
		}
		results, err := trainer.PlayStrategies(sc, 100)
		if err != nil {
			t.Fatal(err)
		}
		var row []string
		for _, r := range results {
			row = append(row, r.String())
			if 2*r.Passed >= r.Runs {
				t.Errorf("%s: the %q strategy passes %d of %d sessions, want fewer than half", name, r.Name, r.Passed, r.Runs)
			}
		}
		table = append(table, name+": "+strings.Join(row, ", "))
	}
	t.Logf("blind strategies:\n%s", strings.Join(table, "\n"))
}

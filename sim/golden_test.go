package sim

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the per-replication figures of a canonical scenario at a
// fixed seed (like math/rand/v2's regress_test): any change to the random
// streams, the event order or the statistics shows up here. Rewrite only with
// -update, after checking that the change is intended.
func TestGolden(t *testing.T) {
	sc := dayScenario()
	sc.Replications = 3
	res := mustRun(t, sc, Options{})
	got, err := json.MarshalIndent(res.PerReplication, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "golden_day.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update once to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("per-replication figures differ from %s; if intended, rerun with -update", path)
	}
}

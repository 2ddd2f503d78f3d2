package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// TestProvenance checks that results name their source file, its digest and
// the overrides, so two runs of one file with different overrides differ.
func TestProvenance(t *testing.T) {
	src, err := os.ReadFile("../../scenarios/examples/erlang-c.toml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	results := func(args ...string) sim.Results {
		t.Helper()
		out, stderr, code := ccsim(t, append([]string{"run", file, "--reps", "2", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("run exited %d: %s", code, stderr)
		}
		var res sim.Results
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		return res
	}
	base := results()
	varied := results("--set", "agents.0.count=15")
	p := base.Provenance
	if p == nil || p.Source != file || p.SHA256 != hex.EncodeToString(sum[:]) || len(p.Overrides) != 0 || !strings.HasPrefix(p.Tool, "ccsim ") {
		t.Fatalf("base provenance = %+v, want source %s, its sha256, no overrides, a tool version", p, file)
	}
	if v := varied.Provenance; v == nil || strings.Join(v.Overrides, ";") != "agents.0.count=15" {
		t.Fatalf("overridden provenance = %+v, want the override", v)
	}
	if base.Provenance.Label(base.Scenario) == varied.Provenance.Label(varied.Scenario) {
		t.Errorf("base and overridden runs have the same label %q", base.Provenance.Label(base.Scenario))
	}
	out, _, _ := ccsim(t, "run", file, "--reps", "2", "--set", "agents.0.count=15")
	if !strings.Contains(out, "(agents.0.count=15)") || !strings.Contains(out, "sha256 "+hex.EncodeToString(sum[:])[:12]) {
		t.Errorf("summary does not name the override and source digest:\n%s", out)
	}
	ver, _, code := ccsim(t, "--version")
	if code != 0 || !strings.HasPrefix(ver, "ccsim ") {
		t.Errorf("--version printed %q (exit %d)", ver, code)
	}
}

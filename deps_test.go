package ccsim_test

import (
	"os/exec"
	"strings"
	"testing"
)

// module is this module's import path.
const module = "github.com/ccsim/ccsim"

// policy states which project packages each package may import (DESIGN.md,
// "Packages and what each may import"); subpackages inherit their parent's
// row (sim/staff, sim/erlang and sim/oracle may import sim; workshop/sqlite
// workshop).
var policy = map[string][]string{
	"i18n":        {},
	"sim":         {},
	"scenarios":   {"i18n", "sim", "trainer"},
	"records":     {"i18n", "sim"},
	"calibrate":   {"i18n", "sim", "records", "scenarios"},
	"trainer":     {"i18n"},
	"workshop":    {"i18n", "sim", "trainer", "scenarios"},
	"reports":     {"i18n", "sim", "calibrate", "trainer", "workshop"},
	"web":         {"i18n", "sim", "scenarios", "records", "calibrate", "trainer", "workshop", "reports"},
	"cmd/ccsim":   {"*"},
	"cmd/ccfloor": {"i18n", "sim", "scenarios"},
}

// exclusive names third-party modules only one project package (and its
// subpackages) may import.
var exclusive = map[string]string{
	"github.com/BurntSushi/toml":       "scenarios",
	"github.com/gorilla/websocket":     "web",
	"gonum.org/v1/plot":                "reports",
	"github.com/hajimehoshi/ebiten/v2": "cmd/ccfloor",
	"modernc.org/sqlite":               "workshop/sqlite",
}

// TestDeps checks every package's imports (test files included) against policy.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-f",
		`{{.ImportPath}}|{{join .Imports ","}},{{join .TestImports ","}},{{join .XTestImports ","}}`,
		"./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, imports, _ := strings.Cut(line, "|")
		rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
		if rel == "" {
			continue // this test's own package
		}
		top := owner(rel)
		allowed, ok := policy[top]
		if !ok {
			t.Errorf("package %s is not in the import policy; add it to DESIGN.md and deps_test.go", rel)
			continue
		}
		for _, imp := range strings.Split(imports, ",") {
			checkImport(t, rel, top, allowed, imp)
		}
	}
}

func checkImport(t *testing.T, rel, top string, allowed []string, imp string) {
	t.Helper()
	for mod, only := range exclusive {
		if (imp == mod || strings.HasPrefix(imp, mod+"/")) && rel != only && !strings.HasPrefix(rel, only+"/") {
			t.Errorf("%s imports %s; only %s may", rel, imp, only)
		}
	}
	if !strings.HasPrefix(imp, module+"/") {
		return
	}
	dep := owner(strings.TrimPrefix(imp, module+"/"))
	if dep == top {
		return
	}
	for _, a := range allowed {
		if a == "*" || a == dep {
			return
		}
	}
	t.Errorf("%s imports %s; policy allows %v", rel, imp, allowed)
}

// owner maps a package path to its row in policy: cmd/X keeps two elements, others one.
func owner(rel string) string {
	parts := strings.Split(rel, "/")
	if parts[0] == "cmd" && len(parts) > 1 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

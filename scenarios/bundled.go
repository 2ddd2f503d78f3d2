package scenarios

import (
	"embed"
	"io/fs"
	"sort"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

//go:embed examples/*.toml
var examples embed.FS

// Names lists the bundled simulation scenarios, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(examples, "examples")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".toml"))
	}
	sort.Strings(names)
	return names
}

// Source returns the TOML text of the bundled scenario name.
func Source(name string) ([]byte, bool) {
	data, err := fs.ReadFile(examples, "examples/"+name+".toml")
	return data, err == nil
}

// Bundled loads the bundled scenario name.
func Bundled(name string) (*sim.Scenario, error) {
	data, ok := Source(name)
	if !ok {
		return nil, &Error{File: name, Msg: "no bundled scenario of that name (bundled: " + strings.Join(Names(), ", ") + ")"}
	}
	return Parse(name+".toml", data)
}

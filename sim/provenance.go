package sim

import "strings"

// Provenance records where a run's scenario came from, so that results can
// be traced to their input and two runs of one file with different
// overrides cannot be confused. Package scenarios fills it when it loads a
// scenario; the command line adds Tool.
type Provenance struct {
	Tool      string   `json:"tool,omitempty"`      // program and version that ran it, e.g. "ccsim v0.4.0"
	Source    string   `json:"source"`              // the scenario file as given, or "bundled:NAME"
	SHA256    string   `json:"sha256"`              // hex SHA-256 of the scenario file's bytes
	Overrides []string `json:"overrides,omitempty"` // KEY=VALUE overrides applied, in order
}

// Label is name followed by the overrides, e.g. "Retail (bot.opt_out=0.2)";
// just name when p is nil or has none.
func (p *Provenance) Label(name string) string {
	if p == nil || len(p.Overrides) == 0 {
		return name
	}
	return name + " (" + strings.Join(p.Overrides, ", ") + ")"
}

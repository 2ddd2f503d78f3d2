package scenarios

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/ccsim/ccsim/sim/schedule"
)

//go:embed rules/*.toml
var rulesFS embed.FS

// rulesFile is the TOML schema of shift rules (docs/schedule.md).
type rulesFile struct {
	Name      string          `toml:"name"`
	ShareOf   string          `toml:"share_of"`
	MinAgents int             `toml:"min_agents"`
	MaxAgents int             `toml:"max_agents"`
	Starts    *fileWindow     `toml:"starts"`
	Types     []fileShiftType `toml:"shift_types"`
}

type fileWindow struct {
	Earliest clock    `toml:"earliest"`
	Latest   clock    `toml:"latest"`
	Step     duration `toml:"step"`
}

type fileShiftType struct {
	Name         string          `toml:"name"`
	Length       duration        `toml:"length"`
	Starts       *fileWindow     `toml:"starts"`
	CostPerHour  float64         `toml:"cost_per_hour"`
	CostPerShift float64         `toml:"cost_per_shift"`
	MinShare     float64         `toml:"min_share"`
	MaxShare     *float64        `toml:"max_share"`
	Groups       []string        `toml:"groups"`
	Breaks       []fileBreakRule `toml:"breaks"`
}

type fileBreakRule struct {
	Name     string   `toml:"name"`
	Length   duration `toml:"length"`
	Earliest duration `toml:"earliest"`
	Latest   duration `toml:"latest"`
	Step     duration `toml:"step"`
	Paid     *bool    `toml:"paid"`
}

// ParseRules decodes shift rules strictly: unknown keys and invalid values
// are errors located by file, line and key.
func ParseRules(name string, data []byte) (*schedule.Rules, error) {
	var f rulesFile
	d, err := decodeStrict(name, data, &f)
	if err != nil {
		return nil, err
	}
	var errs ErrorList
	r := &schedule.Rules{Name: f.Name, ShareOf: f.ShareOf, MinAgents: f.MinAgents, MaxAgents: f.MaxAgents}
	if f.Starts != nil {
		r.Starts = f.Starts.window()
	}
	for i, t := range f.Types {
		st := schedule.ShiftType{Name: t.Name, Length: t.Length.Duration, CostPerHour: t.CostPerHour,
			CostPerShift: t.CostPerShift, MinShare: t.MinShare, MaxShare: 1, Groups: t.Groups}
		if t.MaxShare != nil {
			st.MaxShare = *t.MaxShare
		}
		if t.Starts != nil {
			w := t.Starts.window()
			st.Starts = &w
		} else if f.Starts == nil {
			errs = append(errs, d.errorf(fmt.Sprintf("shift_types.%d", i), "needs start times: a [starts] table, or starts = { earliest, latest, step } of its own"))
		}
		for _, b := range t.Breaks {
			br := schedule.Break{Name: b.Name, Length: b.Length.Duration, Earliest: b.Earliest.Duration, Latest: b.Latest.Duration,
				Step: b.Step.Duration, Unpaid: b.Paid != nil && !*b.Paid}
			if !b.Latest.set {
				br.Latest = br.Earliest
			}
			st.Breaks = append(st.Breaks, br)
		}
		r.Types = append(r.Types, st)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, d.located(err, errs)
	}
	return r, nil
}

// window converts a start window; latest defaults to earliest.
func (w *fileWindow) window() schedule.Window {
	out := schedule.Window{Earliest: w.Earliest.Duration, Latest: w.Latest.Duration, Step: w.Step.Duration}
	if !w.Latest.set {
		out.Latest = out.Earliest
	}
	return out
}

// RulesNames lists the bundled shift rules, sorted.
func RulesNames() []string {
	entries, _ := fs.ReadDir(rulesFS, "rules")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".toml"))
	}
	return names
}

// RulesSource returns the TOML text of the bundled rules name.
func RulesSource(name string) ([]byte, bool) {
	data, err := fs.ReadFile(rulesFS, "rules/"+name+".toml")
	return data, err == nil
}

// OpenRules loads the shift rules file at path arg or, when there is no
// such file, the bundled rules named arg; errors name the file as arg gives it.
func OpenRules(arg string) (*schedule.Rules, error) {
	data, err := os.ReadFile(arg)
	switch {
	case err == nil:
		return ParseRules(arg, data)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	if data, ok := RulesSource(arg); ok {
		return ParseRules(arg+".toml", data)
	}
	return nil, fmt.Errorf("%s: no such file, and no bundled shift rules of that name (bundled: %s)", arg, strings.Join(RulesNames(), ", "))
}

package scenarios

import (
	"strings"
	"testing"
	"time"
)

func TestRulesBundled(t *testing.T) {
	for _, name := range RulesNames() {
		r, err := OpenRules(name)
		if err != nil {
			t.Fatalf("OpenRules(%q): %v", name, err)
		}
		if len(r.Types) == 0 {
			t.Errorf("OpenRules(%q) has no shift types", name)
		}
	}
	r, err := OpenRules("default")
	if err != nil {
		t.Fatal(err)
	}
	ft := r.Types[0]
	if got, want := ft.Length, 8*time.Hour; got != want {
		t.Errorf("full_time length = %v, want %v", got, want)
	}
	if got := ft.Breaks[1]; !got.Unpaid || got.Earliest != 210*time.Minute || got.Latest != 5*time.Hour {
		t.Errorf("lunch = %+v, want unpaid 3h30m-5h", got)
	}
	if got, want := r.Types[1].MaxShare, 0.4; got != want {
		t.Errorf("part_time max_share = %g, want %g", got, want)
	}
	if got := r.Types[0].MaxShare; got != 1 {
		t.Errorf("full_time max_share = %g, want 1 (the default)", got)
	}
}

func TestRulesErrors(t *testing.T) {
	const base = "[starts]\nearliest = \"08:00\"\nlatest = \"10:00\"\nstep = \"30m\"\n\n[[shift_types]]\nname = \"full\"\nlength = \"8h\"\n"
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", base + "lenght = \"8h\"\n", `r.toml:9: shift_types.lenght: unknown key (did you mean "length"?)`},
		{"unknown top key", "sharre_of = \"agents\"\n" + base, `r.toml:1: sharre_of: unknown key (did you mean "share_of"?)`},
		{"bad duration", strings.Replace(base, `"8h"`, `"8 hours"`, 1), `r.toml:8`},
		{"bad share", base + "max_share = 1.5\n", `r.toml:9: shift_types.0.max_share: must be a share in (0, 1]`},
		{"break past end", base + "breaks = [{ length = \"30m\", earliest = \"7h45m\" }]\n", `r.toml:9: shift_types.0.breaks.0.latest: a break starting at 7h45m0s for 30m0s ends after the shift's 8h0m0s`},
		{"no starts", "[[shift_types]]\nname = \"a\"\nlength = \"4h\"\n", `r.toml:1: shift_types.0: needs start times`},
		{"no types", "[starts]\nearliest = \"08:00\"\n", `shift_types: at least one`},
		{"share_of", "share_of = \"heads\"\n" + base, `r.toml:1: share_of: must be "agents" or "hours"`},
		{"syntax", base + "name = \n", `r.toml:9`},
		{"min shares", base + "min_share = 0.7\n[[shift_types]]\nname = \"p\"\nlength = \"4h\"\nmin_share = 0.5\n", `the min_share of the shift types sum to 1.2`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseRules("r.toml", []byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseRules(%s) = %v, want an error containing %q", tc.name, err, tc.want)
			}
		})
	}
}

func TestOpenRulesMissing(t *testing.T) {
	_, err := OpenRules("no-such-rules")
	if err == nil || !strings.Contains(err.Error(), "no bundled shift rules of that name (bundled: default)") {
		t.Errorf("OpenRules(no-such-rules) = %v", err)
	}
}

// FuzzParseRules checks that no input makes the rules parser panic, and
// that accepted rules validate.
func FuzzParseRules(f *testing.F) {
	data, _ := RulesSource("default")
	f.Add(data)
	f.Add([]byte("[[shift_types]]\nname = \"a\"\nlength = \"4h\"\nstarts = { earliest = \"08:00\" }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRules("f.toml", data)
		if err == nil {
			if err := r.Validate(); err != nil {
				t.Errorf("accepted rules do not validate: %v", err)
			}
		}
	})
}

package scenarios

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/i18n"
)

// TestDecodeMessages fails when the wording of a role-play's decoding error
// (toml.go, roleplay.go, roleplay_toml.go) has no German translation, a
// translation is for a wording nothing prints, or a translation's verbs
// differ from its key's. The package's other messages (scenario files,
// pulse instruments, corpora) are English only and not checked here.
func TestDecodeMessages(t *testing.T) {
	problems, err := i18n.Check(decodeMessages, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.Contains(p, "has no German translation") && !roleplayFile.MatchString(p) {
			continue
		}
		t.Error(p)
	}
}

// roleplayFile matches a problem's position in the files that decode role-plays.
var roleplayFile = regexp.MustCompile(`^(toml|roleplay|roleplay_toml)\.go:`)

// TestLintRoleplayGermanDecoding lints, in German, a script with a TOML
// syntax error, one with a misspelt key and one with a value of the wrong
// type: file, line and key as written, the wording German, the TOML
// library's detail kept; English is unchanged.
func TestLintRoleplayGermanDecoding(t *testing.T) {
	const good = "[scenario]\nid = \"x\"\ntitle = \"X\"\nversion = 1\nstart = \"a\"\n"
	for _, tc := range []struct {
		name, src, de, en string
	}{
		{"syntax", good + "[node.a\nsay = \"Hallo\"\n", "x.roleplay.toml:7: scenario: TOML-Syntaxfehler: ", "x.roleplay.toml:7: scenario: "},
		{"unknown key", good + "titel = \"Y\"\n", `x.roleplay.toml:6: scenario.titel: unbekannter Schlüssel (meinten Sie "title"?)`,
			`x.roleplay.toml:6: scenario.titel: unknown key (did you mean "title"?)`},
		{"wrong type", good + "[const]\ngrenze = 1.5\n", "x.roleplay.toml:7: const.grenze: Konstanten sind ganze Zahlen, Wahrheitswerte oder Texte",
			"x.roleplay.toml:7: const.grenze: constants are integers, bools or strings"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs, _ := LintRoleplayIn("x.roleplay.toml", []byte(tc.src), i18n.German)
			if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), tc.de) {
				t.Fatalf("German errors = %v, want one starting %q", errs, tc.de)
			}
			en, _ := LintRoleplayIn("x.roleplay.toml", []byte(tc.src), i18n.English)
			if !strings.HasPrefix(en[0].Error(), tc.en) || strings.Contains(en[0].Error(), "TOML-Syntaxfehler") || strings.Contains(en[0].Error(), "unbekannt") {
				t.Errorf("English errors = %v, want one starting %q", en, tc.en)
			}
			if tc.name == "syntax" && strings.TrimPrefix(errs[0].Error(), tc.de) != strings.TrimPrefix(en[0].Error(), tc.en) {
				t.Errorf("the TOML library's detail changed: %q vs %q", errs[0].Error(), en[0].Error())
			}
		})
	}
}

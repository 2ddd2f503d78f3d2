package scenarios

import (
	"strings"
	"testing"
)

// TestBundledPulse: the bundled instrument loads, has the trust and fear
// scales with reverse-scored statements in both, and a free-text question,
// every text in English and German.
func TestBundledPulse(t *testing.T) {
	in, err := BundledPulse("")
	if err != nil {
		t.Fatal(err)
	}
	rev := map[string]int{}
	n := map[string]int{}
	for _, s := range in.Statements {
		n[s.Scale]++
		if s.Reverse {
			rev[s.Scale]++
		}
		for _, l := range []string{"en", "de"} {
			if s.Text[l] == "" {
				t.Errorf("statement %s has no %s text", s.ID, l)
			}
		}
	}
	for _, sc := range []string{"trust", "fear"} {
		if n[sc] < 4 || rev[sc] < 1 {
			t.Errorf("scale %s: %d statements, %d reverse-scored; want at least 4 and 1", sc, n[sc], rev[sc])
		}
	}
	if in.FreeText == nil || in.FreeText.Text["de"] == "" {
		t.Error("no free-text question in German")
	}
	if got := in.Lang("fr"); got != "en" {
		t.Errorf("Lang(fr) = %q, want en", got)
	}
}

// TestParsePulseErrors: each mistake is reported at its file, line and key.
func TestParsePulseErrors(t *testing.T) {
	head := "name = \"x\"\nlanguages = [\"en\"]\n[anchors]\nen = [\"a\",\"b\",\"c\",\"d\",\"e\"]\n[[scales]]\nid = \"trust\"\nlabel = { en = \"Trust\" }\n"
	st := "[[statements]]\nid = \"a\"\nscale = \"trust\"\ntext = { en = \"A.\" }\n"
	cases := []struct{ name, src, want string }{
		{"unknown key", head + st + "revers = true\n", `p.pulse.toml:12: statements.revers: unknown key (did you mean "reverse"?)`},
		{"unknown scale", head + "[[statements]]\nid = \"a\"\nscale = \"fear\"\ntext = { en = \"A.\" }\n", `p.pulse.toml:10: statements.0.scale: unknown scale "fear" (declared: trust)`},
		{"missing language", head + "[[statements]]\nid = \"a\"\nscale = \"trust\"\ntext = { de = \"A.\" }\n", `p.pulse.toml:11: statements.0.text: no text in "en"`},
		{"duplicate id", head + st + st, `p.pulse.toml:13: statements.1.id: duplicate id "a"`},
		{"four anchors", strings.Replace(head, `,"e"]`, `]`, 1) + st, `p.pulse.toml:4: anchors.en: anchors are the 5 labels of answers 1 to 5, got 4`},
		{"empty scale", head + "[[scales]]\nid = \"fear\"\nlabel = { en = \"Fear\" }\n" + st, `p.pulse.toml:9: scales.1.id: scale "fear" has no statements`},
		{"syntax", head + "[[statements]]\nid = \"a\"\nscale = trust\n", `p.pulse.toml:10:`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParsePulse("p.pulse.toml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParsePulse error = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := ParsePulse("p.pulse.toml", []byte(head+st)); err != nil {
		t.Errorf("a minimal instrument fails: %v", err)
	}
}

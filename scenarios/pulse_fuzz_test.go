package scenarios

import (
	"strings"
	"testing"
)

// FuzzPulse feeds arbitrary text to the strict pulse loader: it may not
// panic, an error names the file, and an instrument it accepts is complete
// (every statement's scale declared, every text in every language).
func FuzzPulse(f *testing.F) {
	src, err := pulseFS.ReadFile("pulses/" + DefaultPulse + PulseSuffix)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte("name = \"x\"\nlanguages = [\"en\", \"en\"]\n[[statements]]\nid = \"A\"\nscale = 3\n"))
	f.Add([]byte("[anchors]\nde = []\n[free_text]\nid = \"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := ParsePulse("fuzz.pulse.toml", data)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.pulse.toml") {
				t.Errorf("pulse error does not name the file: %v", err)
			}
			return
		}
		scales := map[string]bool{}
		for _, s := range in.Scales {
			scales[s.ID] = true
		}
		for _, s := range in.Statements {
			if !scales[s.Scale] {
				t.Errorf("statement %q has the undeclared scale %q", s.ID, s.Scale)
			}
			for _, l := range in.Languages {
				if s.Text[l] == "" {
					t.Errorf("statement %q has no %s text", s.ID, l)
				}
			}
		}
	})
}

package scenarios

import (
	"embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// PulseSuffix ends the name of a pulse instrument file, e.g. trust-and-fear.pulse.toml.
const PulseSuffix = ".pulse.toml"

// DefaultPulse is the name of the bundled pulse instrument.
const DefaultPulse = "trust-and-fear"

//go:embed pulses/*.pulse.toml
var pulseFS embed.FS

// Instrument is a pulse survey: statements answered on a 1–5 agreement
// scale, each belonging to a scale (trust, fear, …) whose index runs 0 to
// 100, and an optional free-text question. Every text is given in each of
// the instrument's languages.
type Instrument struct {
	Name       string
	Languages  []string             // the first is the default
	Anchors    map[string][5]string // per language, the labels of answers 1 to 5
	Scales     []PulseScale
	Statements []PulseStatement
	FreeText   *PulseText // nil when the instrument asks none
	Source     []byte     // the TOML text, kept with each round of answers
}

// PulseScale is one index of an instrument, e.g. trust in AI or fear.
type PulseScale struct {
	ID    string
	Label map[string]string // per language
}

// PulseStatement is one statement; Reverse statements score 6 minus the answer.
type PulseStatement struct {
	ID      string
	Scale   string // the ID of its scale
	Reverse bool
	Text    map[string]string // per language
}

// PulseText is the free-text question.
type PulseText struct {
	ID   string
	Text map[string]string // per language
}

// Lang returns the language of the instrument closest to lang: lang itself
// when the instrument has it, else its first language.
func (in *Instrument) Lang(lang string) string {
	if slices.Contains(in.Languages, lang) {
		return lang
	}
	return in.Languages[0]
}

type pulseFile struct {
	Name      string              `toml:"name"`
	Languages []string            `toml:"languages"`
	Anchors   map[string][]string `toml:"anchors"`
	Scales    []struct {
		ID    string            `toml:"id"`
		Label map[string]string `toml:"label"`
	} `toml:"scales"`
	Statements []struct {
		ID      string            `toml:"id"`
		Scale   string            `toml:"scale"`
		Reverse bool              `toml:"reverse"`
		Text    map[string]string `toml:"text"`
	} `toml:"statements"`
	FreeText *struct {
		ID   string            `toml:"id"`
		Text map[string]string `toml:"text"`
	} `toml:"free_text"`
}

// BundledPulse returns the bundled pulse instrument name ("" for DefaultPulse).
func BundledPulse(name string) (*Instrument, error) {
	if name == "" {
		name = DefaultPulse
	}
	data, err := pulseFS.ReadFile("pulses/" + name + PulseSuffix)
	if err != nil || strings.ContainsAny(name, "/\\") {
		return nil, &Error{File: name, Msg: "no bundled pulse instrument of that name (bundled: " + DefaultPulse + ")"}
	}
	return ParsePulse(name+PulseSuffix, data)
}

var (
	pulseID  = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)
	langCode = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// ParsePulse decodes a pulse instrument strictly: unknown keys, missing
// texts in a declared language, unknown scales, duplicate ids and scales
// without statements are errors (an ErrorList of file:line: key: message).
func ParsePulse(name string, data []byte) (*Instrument, error) {
	var f pulseFile
	d, err := decodeStrict(name, data, &f)
	if err != nil {
		return nil, err
	}
	c := &converter{d: d}
	in := &Instrument{Name: f.Name, Languages: f.Languages, Anchors: map[string][5]string{}, Source: data}
	c.pulseHead(f, in)
	scales := map[string]int{}
	for i, s := range f.Scales {
		key := fmt.Sprintf("scales.%d", i)
		c.pulseID(key+".id", s.ID, scales)
		c.texts(key+".label", s.Label, in.Languages)
		in.Scales = append(in.Scales, PulseScale{ID: s.ID, Label: s.Label})
	}
	ids := map[string]int{}
	for i, s := range f.Statements {
		key := fmt.Sprintf("statements.%d", i)
		c.pulseID(key+".id", s.ID, ids)
		if _, ok := scales[s.Scale]; !ok {
			c.errorf(key+".scale", "unknown scale %q (declared: %s)", s.Scale, strings.Join(slices.Sorted(maps.Keys(scales)), ", "))
		} else {
			scales[s.Scale]++
		}
		c.texts(key+".text", s.Text, in.Languages)
		in.Statements = append(in.Statements, PulseStatement{ID: s.ID, Scale: s.Scale, Reverse: s.Reverse, Text: s.Text})
	}
	for i, s := range f.Scales {
		if n, ok := scales[s.ID]; ok && n == 0 && s.ID != "" {
			c.errorf(fmt.Sprintf("scales.%d.id", i), "scale %q has no statements", s.ID)
		}
	}
	if f.FreeText != nil {
		c.pulseID("free_text.id", f.FreeText.ID, ids)
		c.texts("free_text.text", f.FreeText.Text, in.Languages)
		in.FreeText = &PulseText{ID: f.FreeText.ID, Text: f.FreeText.Text}
	}
	if err := c.errs.err(); err != nil {
		return nil, err
	}
	return in, nil
}

// pulseHead checks the name, languages, anchors and the presence of scales
// and statements.
func (c *converter) pulseHead(f pulseFile, in *Instrument) {
	if f.Name == "" {
		c.errorf("name", "a pulse instrument needs a name")
	}
	if len(f.Languages) == 0 {
		c.errorf("languages", "a pulse instrument needs at least one language, e.g. [\"en\"]")
	}
	seen := map[string]bool{}
	for i, l := range f.Languages {
		if !langCode.MatchString(l) || seen[l] {
			c.errorf(fmt.Sprintf("languages.%d", i), "%q is not a new two- or three-letter language code", l)
		}
		seen[l] = true
	}
	for _, l := range slices.Sorted(maps.Keys(f.Anchors)) {
		labels := f.Anchors[l]
		if !seen[l] {
			c.errorf("anchors."+l, "language %q is not in languages", l)
		} else if len(labels) != 5 {
			c.errorf("anchors."+l, "anchors are the 5 labels of answers 1 to 5, got %d", len(labels))
		} else {
			in.Anchors[l] = [5]string(labels)
		}
	}
	for _, l := range f.Languages {
		if _, ok := f.Anchors[l]; !ok && seen[l] {
			c.errorf("anchors", "no anchors in %q", l)
		}
	}
	if len(f.Scales) == 0 {
		c.errorf("scales", "a pulse instrument needs at least one [[scales]]")
	}
	if len(f.Statements) == 0 || len(f.Statements) > 40 {
		c.errorf("statements", "a pulse instrument needs 1 to 40 [[statements]], got %d", len(f.Statements))
	}
}

// pulseID checks that id is a new lower-case identifier.
func (c *converter) pulseID(key, id string, seen map[string]int) {
	if !pulseID.MatchString(id) {
		c.errorf(key, "%q is not an id (lower-case letters, digits and _, starting with a letter, at most 40)", id)
		return
	}
	if _, dup := seen[id]; dup {
		c.errorf(key, "duplicate id %q", id)
		return
	}
	seen[id] = 0
}

// texts checks that t has a non-empty text of at most 300 characters in
// every language and no other.
func (c *converter) texts(key string, t map[string]string, langs []string) {
	for _, l := range langs {
		if strings.TrimSpace(t[l]) == "" {
			c.errorf(key, "no text in %q", l)
		}
	}
	for _, l := range slices.Sorted(maps.Keys(t)) {
		s := t[l]
		if !slices.Contains(langs, l) {
			c.errorf(key+"."+l, "language %q is not in languages", l)
		} else if len([]rune(s)) > 300 {
			c.errorf(key+"."+l, "a text has at most 300 characters")
		}
	}
}

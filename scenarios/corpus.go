package scenarios

import (
	"fmt"
	"io/fs"
	"strconv"

	"github.com/ccsim/ccsim/trainer"
)

// CorpusSuffix ends the name of a corpus file, e.g. failed-bot.corpus.toml.
const CorpusSuffix = ".corpus.toml"

// rpCorpusLine is one labelled trainee line, in a *.corpus.toml file
// ([[line]]) or in a script's own [[corpus]] section.
type rpCorpusLine struct {
	Text    string         `toml:"text"`
	Node    string         `toml:"node"`
	Variant string         `toml:"variant"`
	Set     map[string]any `toml:"set"`
	Reply   *string        `toml:"reply"`
	Fires   []string       `toml:"fires"`
	Near    string         `toml:"near"`
	Kind    string         `toml:"kind"`
}

type corpusFile struct {
	Line []rpCorpusLine `toml:"line"`
}

// LoadCorpus reads a corpus file (a list of [[line]] tables) from fsys.
func LoadCorpus(fsys fs.FS, p string) ([]trainer.CorpusLine, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("scenarios: %w", err)
	}
	return ParseCorpus(p, data)
}

// ParseCorpus decodes a corpus text strictly. Errors are an ErrorList of
// file:line: key: message entries; each line's Where is its file:line.
func ParseCorpus(name string, data []byte) ([]trainer.CorpusLine, error) {
	var f corpusFile
	d, err := decodeStrict(name, data, &f)
	if err != nil {
		return nil, err
	}
	c := converter{d: d}
	var out []trainer.CorpusLine
	for i, l := range f.Line {
		out = append(out, c.corpusLine(l, fmt.Sprintf("line.%d", i)))
	}
	if err := c.errs.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// corpusLine converts one line and checks its keys; set values that are
// strings are expressions, as in Options.Set.
func (c *converter) corpusLine(l rpCorpusLine, key string) trainer.CorpusLine {
	out := trainer.CorpusLine{Text: l.Text, Node: l.Node, Variant: l.Variant, Fires: l.Fires, Near: l.Near,
		Kind: l.Kind, Where: fmt.Sprintf("%s:%d", c.d.name, c.d.lines.lookup(key))}
	if l.Reply != nil {
		out.Reply, out.HasReply = *l.Reply, true
	}
	switch {
	case l.Text == "":
		c.errorf(key+".text", "a corpus line needs text")
	case l.Node == "":
		c.errorf(key+".node", "a corpus line needs the node where it is said")
	}
	known := false
	for _, k := range trainer.CorpusKinds {
		known = known || k == l.Kind
	}
	if !known {
		c.errorf(key+".kind", "unknown kind %q (want paraphrase, breach, near_miss, off_topic or salad)", l.Kind)
	}
	if l.Kind == trainer.KindParaphrase && (l.Reply == nil || *l.Reply == "") {
		c.errorf(key+".reply", "a paraphrase needs the reply it means")
	}
	if l.Kind == trainer.KindBreach && len(l.Fires) == 0 {
		c.errorf(key+".fires", "a breach needs the rules it fires")
	}
	if len(l.Set) > 0 {
		out.Set = map[string]string{}
		for k, v := range l.Set {
			switch x := v.(type) {
			case int64:
				out.Set[k] = strconv.FormatInt(x, 10)
			case bool:
				out.Set[k] = strconv.FormatBool(x)
			case string:
				out.Set[k] = x
			default:
				c.errorf(key+".set."+k, "set values are expressions (strings), integers or bools")
			}
		}
	}
	return out
}

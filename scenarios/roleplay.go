package scenarios

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/trainer"
)

//go:embed roleplays/*.roleplay.toml
var roleplayFS embed.FS

const roleplaySuffix = ".roleplay.toml"

// RoleplayNames lists the bundled role-play scripts by name, sorted.
func RoleplayNames() []string {
	entries, _ := fs.ReadDir(roleplayFS, "roleplays")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), roleplaySuffix); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// RoleplaySource returns the TOML text of the bundled role-play name.
func RoleplaySource(name string) ([]byte, bool) {
	if strings.ContainsAny(name, "/\\") {
		return nil, false
	}
	data, err := roleplayFS.ReadFile("roleplays/" + name + roleplaySuffix)
	return data, err == nil
}

// BundledRoleplay loads the bundled role-play name.
func BundledRoleplay(name string) (*trainer.Script, error) {
	data, ok := RoleplaySource(name)
	if !ok {
		return nil, fmt.Errorf("scenarios: no bundled role-play %q (have %s)", name, strings.Join(RoleplayNames(), ", "))
	}
	return ParseRoleplay(name+roleplaySuffix, data)
}

// LoadRoleplay reads and parses the role-play script at path in fsys.
func LoadRoleplay(fsys fs.FS, p string) (*trainer.Script, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("scenarios: %w", err)
	}
	return ParseRoleplay(p, data)
}

// ParseRoleplay decodes a *.roleplay.toml text strictly and validates the
// script. Errors are an ErrorList of file:line: key: message entries; lint
// findings that do not stop play are left to LintRoleplay.
func ParseRoleplay(name string, data []byte) (*trainer.Script, error) {
	sc, d, err := decodeRoleplay(name, data)
	if err != nil {
		return nil, err
	}
	if err := sc.Validate(); err != nil {
		var fl trainer.Findings
		if errors.As(err, &fl) {
			return nil, d.findingErrors(fl, i18n.English).err()
		}
		return nil, err
	}
	return sc, nil
}

// LintRoleplay runs every check on a role-play text: decoding, validation and
// trainer.Lint. It returns the errors and the warnings (their messages
// prefixed "warning: "), each in line order.
func LintRoleplay(name string, data []byte) (errs, warnings ErrorList) {
	errs, warnings = LintRoleplayIn(name, data, i18n.English)
	for _, w := range warnings {
		w.Msg = "warning: " + w.Msg
	}
	return errs, warnings
}

// LintRoleplayIn is LintRoleplay with the findings of trainer.Lint in
// language l and the warnings not prefixed. Decoding errors keep their
// file, line and key; the wording of TOML syntax errors, unknown keys and
// values of the wrong type is in language l too (a syntax error's own
// detail is the TOML library's).
func LintRoleplayIn(name string, data []byte, l i18n.Lang) (errs, warnings ErrorList) {
	sc, d, err := decodeRoleplay(name, data)
	if err != nil {
		var list ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				e.Msg = e.In(l)
			}
			return list, nil
		}
		return ErrorList{{File: name, Msg: err.Error()}}, nil
	}
	all := trainer.Lint(sc)
	errs = d.findingErrors(all.Errors(), l)
	for _, f := range all {
		if f.Severity == trainer.SevWarning {
			warnings = append(warnings, d.errorf(f.Path, "%s", f.In(l)))
		}
	}
	errs.err()
	warnings.err()
	return errs, warnings
}

func (d *doc) findingErrors(fl trainer.Findings, l i18n.Lang) ErrorList {
	var list ErrorList
	for _, f := range fl {
		list = append(list, d.errorf(f.Path, "%s", f.In(l)))
	}
	return list
}

func decodeRoleplay(name string, data []byte) (*trainer.Script, *doc, error) {
	var f rpFile
	d, err := decodeStrict(name, data, &f)
	if err != nil {
		return nil, nil, err
	}
	c := converter{d: d, src: strings.Split(string(data), "\n")}
	sc := c.script(&f)
	sum := sha256.Sum256(data)
	sc.Hash = hex.EncodeToString(sum[:8])
	if err := c.errs.err(); err != nil {
		return nil, nil, err
	}
	return sc, d, nil
}

// converter turns the TOML structs into a trainer.Script, collecting type errors.
type converter struct {
	d    *doc
	src  []string // source lines, to order keys of inline tables
	errs ErrorList
}

// errorf records an error at key; format is a decodeMessages key, so
// LintRoleplayIn can word it in German.
func (c *converter) errorf(key, format string, args ...any) {
	e := c.d.errorf(key, format, args...)
	e.format, e.args = format, args
	c.errs = append(c.errs, e)
}

// byLine returns the keys of a table in the order they are written.
func (c *converter) byLine(prefix string, keys []string) []string {
	sort.SliceStable(keys, func(i, j int) bool {
		li, lj := c.d.lines.lookup(prefix+"."+keys[i]), c.d.lines.lookup(prefix+"."+keys[j])
		if li != lj {
			return li < lj
		}
		return c.column(li, keys[i]) < c.column(lj, keys[j])
	})
	return keys
}

// column is where key is written on 1-based line n, for keys of one inline table.
func (c *converter) column(n int, key string) int {
	if n < 1 || n > len(c.src) {
		return 0
	}
	line := c.src[n-1]
	for _, pat := range []string{key + " =", key + "=", `"` + key + `"`} {
		if i := strings.Index(line, pat); i >= 0 {
			return i
		}
	}
	return len(line)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (c *converter) script(f *rpFile) *trainer.Script {
	s := f.Scenario
	sc := &trainer.Script{ID: s.ID, Title: s.Title, Version: s.Version, Start: s.Start,
		TimeLimitS: s.TimeLimitS, OnTimeLimit: s.OnTimeLimit, Seed: s.Seed, FreeTimeFactor: s.FreeTime,
		Lang: s.Lang, MatchThreshold: s.Threshold, MatchMargin: s.Margin, Synonyms: f.Synonyms,
		Persona: trainer.Persona{Name: f.Persona.Name, Brief: f.Persona.Brief, Facts: f.Persona.Facts}}
	for _, m := range s.Modes {
		sc.Modes = append(sc.Modes, trainer.Mode(m))
	}
	sc.Vars = c.vars(f.Vars)
	for _, k := range c.byLine("const", keys(f.Const)) {
		v := f.Const[k]
		if _, ok := v.(float64); ok {
			c.errorf("const."+k, "constants are integers, bools or strings")
		}
		sc.Consts = append(sc.Consts, trainer.Const{Name: k, Value: v})
	}
	sc.Handoff = c.handoff(f.Handoff)
	for _, k := range c.byLine("lexicon", keys(f.Lexicon)) {
		sc.Lexicon = append(sc.Lexicon, trainer.LexEntry{Name: k, Patterns: f.Lexicon[k]})
	}
	sc.Rubric = c.rubric(f.Rubric)
	for i, r := range f.Rule {
		sc.Rules = append(sc.Rules, c.rule(r, fmt.Sprintf("rule.%d", i)))
	}
	for i, t := range f.Trigger {
		sc.Triggers = append(sc.Triggers, trainer.Trigger{ID: t.ID, When: t.When, Once: t.Once,
			Effect: c.effect(t.rpEffect, fmt.Sprintf("trigger.%d", i))})
	}
	for i, t := range f.Tick {
		sc.Ticks = append(sc.Ticks, trainer.Tick{EveryS: t.EveryS, When: t.When,
			Effect: c.effect(t.rpEffect, fmt.Sprintf("tick.%d", i))})
	}
	for i, in := range f.Inject {
		sc.Injects = append(sc.Injects, trainer.Inject{ID: in.ID, Label: in.Label,
			Effect: c.effect(in.rpEffect, fmt.Sprintf("inject.%d", i))})
	}
	for _, id := range c.byLine("node", keys(f.Node)) {
		sc.Nodes = append(sc.Nodes, c.node(id, f.Node[id]))
	}
	for i, t := range f.Test {
		sc.Tests = append(sc.Tests, c.test(t, fmt.Sprintf("test.%d", i)))
	}
	for i, l := range f.Corpus {
		sc.Corpus = append(sc.Corpus, c.corpusLine(l, fmt.Sprintf("corpus.%d", i)))
	}
	return sc
}

func (c *converter) vars(m map[string]rpVar) []trainer.Var {
	var out []trainer.Var
	for _, name := range c.byLine("vars", keys(m)) {
		v := m[name]
		tv := trainer.Var{Name: name, Type: v.Type, InitExpr: v.InitExpr, Min: v.Min, Max: v.Max, Values: v.Values, Doc: v.Doc, Hidden: v.Hidden}
		switch x := v.Init.(type) {
		case nil, int64, bool, string:
			tv.Init = x
		case []any:
			list := make([]string, 0, len(x))
			for _, e := range x {
				s, ok := e.(string)
				if !ok {
					c.errorf("vars."+name+".init", "set members are strings")
				}
				list = append(list, s)
			}
			tv.Init = list
		default:
			c.errorf("vars."+name+".init", "init must be an integer, bool, string or list of strings")
		}
		out = append(out, tv)
	}
	return out
}

func (c *converter) handoff(h *rpHandoff) *trainer.Handoff {
	if h == nil {
		return nil
	}
	out := &trainer.Handoff{From: h.From, BotTranscript: h.BotTranscript}
	for _, name := range c.byLine("handoff.variants", keys(h.Variants)) {
		key := "handoff.variants." + name
		rv := h.Variants[name]
		v := trainer.Variant{Name: name, Weight: rv.Weight, Context: strings.HasPrefix(name, "with_context")}
		if rv.Context != nil {
			v.Context = *rv.Context
		}
		if len(rv.err) > 0 {
			c.errorf(key, rv.err[0].(string), rv.err[1:]...)
		}
		out.Variants = append(out.Variants, v)
	}
	for _, k := range c.byLine("handoff.context", keys(h.Context)) {
		out.Context = append(out.Context, trainer.KV{Key: k, Value: fmt.Sprint(h.Context[k])})
	}
	return out
}

func (c *converter) rubric(r rpRubric) trainer.Rubric {
	out := trainer.Rubric{PassPct: r.PassPct}
	for _, name := range c.byLine("rubric.bands", keys(r.Bands)) {
		out.Bands = append(out.Bands, trainer.Band{Name: name, MinPct: r.Bands[name]})
	}
	sort.SliceStable(out.Bands, func(i, j int) bool { return out.Bands[i].MinPct > out.Bands[j].MinPct })
	for _, d := range r.Dims {
		out.Dims = append(out.Dims, trainer.Dim{ID: d.ID, Label: d.Label, Weight: d.Weight, Max: d.Max, Auto: d.Auto})
	}
	return out
}

func (c *converter) rule(r rpRule, key string) trainer.Rule {
	switch r.Severity {
	case "", "minor", "major", "critical":
	default:
		c.errorf(key+".severity", "unknown severity %q (want minor, major or critical)", r.Severity)
	}
	tr := trainer.Rule{ID: r.ID, Kind: r.Kind, Examples: r.Examples, NearMisses: r.NearMisses, Dismissals: r.Dismissals, When: r.When,
		BeforeTag: r.BeforeTag, Dim: r.Dim, Penalty: r.Penalty, Critical: r.Severity == "critical", Debrief: r.Debrief, Better: r.Better}
	if r.Require != nil {
		tr.Require = *r.Require
		if tr.Kind == "" && tr.Require == "" {
			tr.Kind = trainer.RuleRequire
		}
	}
	if r.Forbid != nil {
		tr.Forbid = *r.Forbid
		if tr.Kind == "" && tr.Forbid == "" {
			tr.Kind = trainer.RuleForbid
		}
	}
	return tr
}

func (c *converter) effect(e rpEffect, key string) trainer.Effect {
	return trainer.Effect{Do: e.Do, Score: e.Score, Lines: c.lines(e.Say, e.Lines, key), Goto: e.Goto, Debrief: e.Debrief}
}

// lines converts `say` (one line) and `lines`; say comes first.
func (c *converter) lines(say string, ls []rpLine, key string) []trainer.Line {
	var out []trainer.Line
	if say != "" {
		out = append(out, trainer.Line{Text: []string{say}})
	}
	for i, l := range ls {
		tl := trainer.Line{When: l.When, Pick: l.Pick}
		switch x := l.Text.(type) {
		case string:
			tl.Text = []string{x}
		case []any:
			for _, e := range x {
				s, ok := e.(string)
				if !ok {
					c.errorf(fmt.Sprintf("%s.lines.%d.text", key, i), "text alternatives are strings")
				}
				tl.Text = append(tl.Text, s)
			}
		case nil:
		default:
			c.errorf(fmt.Sprintf("%s.lines.%d.text", key, i), "text is a string or a list of strings")
		}
		out = append(out, tl)
	}
	return out
}

func (c *converter) node(id string, n rpNode) *trainer.Node {
	key := "node." + id
	tn := &trainer.Node{ID: id, Tags: n.Tags, Debrief: n.Debrief, IncludeReplies: n.IncludeReplies,
		Next: n.Next, End: n.End, TimeoutS: n.TimeoutS,
		Enter: trainer.Effect{Do: n.Do, Score: n.Score, Lines: c.lines(n.Say, n.Lines, key)}}
	for i, r := range n.Reply {
		rk := fmt.Sprintf("%s.reply.%d", key, i)
		tn.Replies = append(tn.Replies, &trainer.Reply{ID: r.ID, Label: r.Label, Text: r.Text,
			Match:    trainer.Match{Any: r.Match.Any, All: r.Match.All, None: r.Match.None},
			Examples: r.Examples, When: r.When, Once: r.Once, Effect: c.effect(r.rpEffect, rk)})
	}
	if n.Fallback != nil {
		e := c.effect(*n.Fallback, key+".fallback")
		tn.Fallback = &e
	}
	if n.Clarify != nil {
		e := c.effect(*n.Clarify, key+".clarify")
		tn.Clarify = &e
	}
	if n.OnTimeout != nil {
		e := c.effect(*n.OnTimeout, key+".on_timeout")
		tn.OnTimeout = &e
	}
	for _, b := range n.Branch {
		tn.Branch = append(tn.Branch, trainer.Branch{When: b.When, Goto: b.Goto})
	}
	return tn
}

func (c *converter) test(t rpTest, key string) trainer.TestPlan {
	e := t.Expect
	tp := trainer.TestPlan{Name: t.Name, Seed: t.Seed, Variant: t.Variant, Mode: trainer.Mode(t.Mode),
		Replies: t.Replies, Choose: t.Choose, Runs: t.Runs,
		Expect: trainer.Expect{EndIn: e.EndIn, FiredNone: e.FiredNone, FiredAll: e.FiredAll, Node: e.Node,
			MinPct: e.MinPct, MaxPct: e.MaxPct, Pass: e.Pass, NoRuntimeErrors: e.NoRuntimeErrors,
			ReachAllEnds: e.ReachAllEnds, ReachAllNodes: e.ReachAllNodes}}
	if len(t.Set) > 0 {
		tp.Set = map[string]string{}
		for k, v := range t.Set {
			switch x := v.(type) {
			case int64:
				tp.Set[k] = strconv.FormatInt(x, 10)
			case bool:
				tp.Set[k] = strconv.FormatBool(x)
			case string:
				tp.Set[k] = strconv.Quote(x)
			default:
				c.errorf(key+".set."+k, "set values are integers, bools or strings")
			}
		}
	}
	return tp
}

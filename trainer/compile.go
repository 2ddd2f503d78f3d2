package trainer

import (
	"fmt"
	"regexp"
	"sort"
	"time"
)

// program is a Script compiled for play: names resolved to indices,
// expressions to closures, patterns to RE2 regexps.
type program struct {
	s        *Script
	findings Findings

	varSlot  map[string]int
	varTypes []typ
	initVals []Value
	initFns  []evalFn
	consts   map[string]Value
	lex      map[string]string
	patterns map[string]*rx

	replyIndex, ruleIndex, dimIndex, nodeIndex map[string]int
	reads, writes                              map[string]bool
	tags                                       map[string]bool

	nodes    []*cnode
	replies  []*creply
	rules    []*crule
	folds    map[int][]*ruleModel // a rule's cross-validation models, by rule index (foldModels)
	triggers []*ctrigger
	ticks    []*ctick
	injects  []*ceffect
	dims     []evalFn // auto formulas; nil where none
	nlines   int
	timeLim  int    // node index entered at the time limit, or -1
	pure     string // when set, where random draws are not allowed
	know     *knowledge
}

type cnode struct {
	n        *Node
	idx      int
	enter    ceffect
	own      []*creply
	replies  []*creply // own, then included
	fallback *ceffect
	clarify  *ceffect
	branch   []cbranch
	next     int // -1 when none
	timeout  *ceffect
}

type cbranch struct {
	when evalFn // nil for else
	to   int
}

type creply struct {
	r     *Reply
	idx   int
	node  *cnode
	when  evalFn
	m     matcher
	ex    []phrasing // examples, text and label, for similarity
	eff   ceffect
	utter string   // what the agent says when the reply is chosen in guided mode
	heard *reading // utter, read once; copy it with fresh() before use
	// verdicts are what utter does to each rule, judged once
	verdicts []ruleVerdict
}

type ceffect struct {
	e     *Effect
	do    []execFn
	score []dimPoints
	lines []cline
	to    int // -1 stays
}

type dimPoints struct{ dim, pts int }

type cline struct {
	l    *Line
	idx  int
	when evalFn
}

type crule struct {
	r               *Rule
	require, forbid *rx
	ex, near, dis   []phrasing
	keys            map[string]bool // a require rule's key words: a dismissal names one
	model           *ruleModel      // a forbid rule's learned model; nil without examples
	good, bad       []phrasing      // with a model: the examples of replies whose text passes it, breaks it
	when            evalFn
	dim             int
}

type ctrigger struct {
	t    *Trigger
	when evalFn
	eff  ceffect
}

type ctick struct {
	every time.Duration
	when  evalFn
	eff   ceffect
}

// Validate checks the script and compiles it for play. It returns Findings
// (every error, with key paths) when the script cannot be played.
func (s *Script) Validate() error {
	p := compile(s)
	if errs := p.findings.Errors(); len(errs) > 0 {
		return errs
	}
	s.prog = p
	return nil
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func compile(s *Script) *program {
	p := &program{s: s, varSlot: map[string]int{}, consts: map[string]Value{}, lex: map[string]string{},
		patterns: map[string]*rx{}, replyIndex: map[string]int{}, ruleIndex: map[string]int{},
		dimIndex: map[string]int{}, nodeIndex: map[string]int{}, reads: map[string]bool{},
		writes: map[string]bool{}, tags: map[string]bool{}, timeLim: -1}
	p.indexNames()
	p.compileConsts()
	p.compileVars()
	p.compileLexicon()
	p.compileHandoff()
	p.compileNodes()
	p.compileRules()
	p.compileUnderstanding()
	p.compileEvents()
	p.compileRubric()
	p.compileScenario()
	p.compileInits()
	return p
}

// indexNames gives every node, reply, rule and dimension its index and reports duplicates.
func (p *program) indexNames() {
	for i, n := range p.s.Nodes {
		path := "node." + n.ID
		if !idPattern.MatchString(n.ID) {
			p.errorf(path, "node id %q: use letters, digits, _ and -", n.ID)
		}
		if _, dup := p.nodeIndex[n.ID]; dup {
			p.errorf(path, "duplicate node %q", n.ID)
		}
		p.nodeIndex[n.ID] = i
		for _, t := range n.Tags {
			p.tags[t] = true
		}
		for j, r := range n.Replies {
			rp := fmt.Sprintf("%s.reply.%d.id", path, j)
			if r.ID == "" {
				p.errorf(rp, "reply needs an id")
				continue
			}
			if _, dup := p.replyIndex[r.ID]; dup {
				p.errorf(rp, "duplicate reply id %q (reply ids are unique in a script)", r.ID)
				continue
			}
			p.replyIndex[r.ID] = len(p.replyIndex)
		}
	}
	for i, r := range p.s.Rules {
		if r.ID == "" {
			p.errorf(fmt.Sprintf("rule.%d", i), "rule needs an id")
		} else if _, dup := p.ruleIndex[r.ID]; dup {
			p.errorf(fmt.Sprintf("rule.%d.id", i), "duplicate rule id %q", r.ID)
		}
		p.ruleIndex[r.ID] = i
	}
	for i, d := range p.s.Rubric.Dims {
		if _, dup := p.dimIndex[d.ID]; dup {
			p.errorf(fmt.Sprintf("rubric.dims.%d.id", i), "duplicate dimension %q", d.ID)
		}
		p.dimIndex[d.ID] = i
	}
}

func (p *program) compileConsts() {
	for _, c := range p.s.Consts {
		path := "const." + c.Name
		switch v := c.Value.(type) {
		case int64:
			p.consts[c.Name] = IntValue(v)
		case int:
			p.consts[c.Name] = IntValue(int64(v))
		case bool:
			p.consts[c.Name] = BoolValue(v)
		case string:
			p.consts[c.Name] = StrValue(v)
		default:
			p.errorf(path, "constant %q must be an integer, bool or string, not %T", c.Name, c.Value)
		}
	}
}

func (p *program) compileHandoff() {
	h := p.s.Handoff
	if h == nil {
		return
	}
	total := 0.0
	for i, v := range h.Variants {
		if v.Weight < 0 {
			p.errorf(fmt.Sprintf("handoff.variants.%s", v.Name), "weight %g is negative", v.Weight)
		}
		total += v.Weight
		_ = i
	}
	if len(h.Variants) > 0 && total <= 0 {
		p.errorf("handoff.variants", "variant weights must add up to more than 0")
	}
}

func (p *program) variantNames() []string {
	if p.s.Handoff == nil {
		return []string{""}
	}
	names := make([]string, 0, len(p.s.Handoff.Variants))
	for _, v := range p.s.Handoff.Variants {
		names = append(names, v.Name)
	}
	return names
}

// knownNames lists every name an expression may read, for suggestions.
func (p *program) knownNames() []string {
	names := []string{nameTurn, nameElapsed, nameVariant, nameContext, nameMode}
	for _, v := range p.s.Vars {
		names = append(names, v.Name)
	}
	for _, c := range p.s.Consts {
		names = append(names, c.Name)
	}
	return names
}

func (p *program) target(id, path string) int {
	i, ok := p.nodeIndex[id]
	if !ok {
		msg := fmt.Sprintf("unknown node %q", id)
		ids := make([]string, 0, len(p.s.Nodes))
		for _, n := range p.s.Nodes {
			ids = append(ids, n.ID)
		}
		if s := closest(id, ids); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		p.errorf(path, "%s", msg)
		return -1
	}
	return i
}

// cond compiles a bool condition at path; "" compiles to nil (always true).
func (p *program) cond(src, path string) evalFn {
	if src == "" {
		return nil
	}
	f, _, err := p.compileExpr(src, KindBool)
	if err != nil {
		p.errorf(path, "%v", err)
	}
	return f
}

func (p *program) effect(e *Effect, path string) ceffect {
	c := ceffect{e: e, to: -1}
	for i, st := range e.Do {
		f, err := p.compileStmt(st)
		if err != nil {
			p.errorf(fmt.Sprintf("%s.do.%d", path, i), "%v", err)
			continue
		}
		c.do = append(c.do, f)
	}
	dims := make([]string, 0, len(e.Score))
	for d := range e.Score {
		dims = append(dims, d)
	}
	sort.Strings(dims)
	for _, d := range dims {
		i, ok := p.dimIndex[d]
		if !ok {
			p.errorf(path+".score."+d, "unknown rubric dimension %q", d)
			continue
		}
		c.score = append(c.score, dimPoints{i, e.Score[d]})
	}
	for i := range e.Lines {
		c.lines = append(c.lines, p.line(&e.Lines[i], fmt.Sprintf("%s.lines.%d", path, i)))
	}
	if e.Goto != "" {
		c.to = p.target(e.Goto, path+".goto")
	}
	return c
}

func (p *program) line(l *Line, path string) cline {
	c := cline{l: l, idx: p.nlines, when: p.cond(l.When, path+".when")}
	p.nlines++
	switch l.Pick {
	case "", "sequence", "cycle", "once", "shuffle":
	default:
		p.errorf(path+".pick", "unknown pick %q (want sequence, cycle, once or shuffle)", l.Pick)
	}
	if len(l.Text) == 0 {
		p.errorf(path+".text", "line has no text")
	}
	return c
}

package trainer

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"time"

	"github.com/ccsim/ccsim/i18n"
	"golang.org/x/text/message"
)

// Errors returned by Session methods.
var (
	ErrEnded    = errors.New("trainer: session has ended")
	ErrPaused   = errors.New("trainer: session is paused")
	ErrNoReply  = errors.New("trainer: no such reply here")
	ErrNoInject = errors.New("trainer: no such inject")
)

// Options configures a Session. The zero value plays guided mode with the
// script's seed and a weighted draw of the hand-off variant; Now is required.
type Options struct {
	Mode    Mode              // ModeGuided when empty
	Seed    uint64            // 0 uses the script's seed
	Trainee string            // hashed into the random stream, so trainees in a room differ
	Variant string            // forces a hand-off variant; "" draws one by weight
	Set     map[string]string // initial values as expressions (a set variable: its members, "a, b"), overriding the script's
	Now     func() time.Time  // the clock; the session never reads the wall clock itself
	// At starts the session at this node instead of the script's start, for
	// corpora and tests; "" is the start node. Nodes before it are not visited.
	At string
	// Lang is the language of the texts the session writes itself (notes,
	// evidence, the debrief): "en" or "de"; "" is the script's lang.
	Lang i18n.Lang
}

// Session is one play of a Script: a pure state machine driven by Reply,
// Say, Tick, Inject, Pause, Resume and Quit. It keeps an append-only event
// log (Events) from which Replay rebuilds the identical session. A Session is
// not safe for concurrent use.
type Session struct {
	sc   *Script
	p    *program
	opt  Options
	mode Mode
	msg  *message.Printer // the session's own texts, in Options.Lang

	rng     *rand.PCG
	salt    uint64    // hash of the trainee id; with the seed it keys the choice order
	replay  []float64 // recorded draws still to be consumed (Replay only)
	reading bool

	start       time.Time     // wall time of Start
	paused      bool          //
	pausedAt    time.Duration // wall offset when paused
	pausedTotal time.Duration
	clock       time.Duration // active time of the step being processed

	vars        []Value
	variant     string
	context     bool
	node        *cnode
	nodeEntered time.Duration
	deadline    time.Duration // node timeout in active time; 0 when none
	nextTick    []time.Duration
	lastPrompt  time.Duration
	turn        int

	visits, lastVisit []int
	lineCount         []int
	fallbacks         []int
	replyCount        []int
	ruleFired         []bool
	ruleSaid          []bool
	trigPrev          []bool
	trigDone          []bool
	points            []int
	tagsSeen          map[string]bool
	utterances        []*analysis // what the agent said, read for said()
	agentEntry        int         // index in transcript of the agent's last line

	hits       []RuleHit
	path       []string
	turns      []TurnTime
	transcript []Entry
	events     []Event
	pending    *Event
	errs       []string
	emitted    []string
	outcome    string
	ended      bool
	limitFired bool
	notes      []Note
}

// Event is one entry of a session's append-only log. Replaying the events
// of a session rebuilds it exactly.
type Event struct {
	Kind   string     `json:"kind"`             // start, reply, say, tick, inject, pause, resume, quit
	AtMS   int64      `json:"at_ms"`            // wall milliseconds since start
	Reply  string     `json:"reply,omitempty"`  // reply id
	Text   string     `json:"text,omitempty"`   // free text
	Inject string     `json:"inject,omitempty"` // inject id
	Draws  []float64  `json:"draws,omitempty"`  // random draws in [0,1) made while applying the event
	Start  *StartInfo `json:"start,omitempty"`  // only on the start event
}

// StartInfo is what the start event records about the session.
type StartInfo struct {
	Script  string            `json:"script"`
	Version int               `json:"version"`
	Hash    string            `json:"hash,omitempty"`
	Time    time.Time         `json:"time"`
	Mode    Mode              `json:"mode"`
	Seed    uint64            `json:"seed,string"`
	Trainee string            `json:"trainee,omitempty"`
	Variant string            `json:"variant,omitempty"` // forced variant
	Set     map[string]string `json:"set,omitempty"`
	Lang    i18n.Lang         `json:"lang,omitempty"` // language of the session's own texts
}

// Entry is one line of the transcript.
type Entry struct {
	Speaker string `json:"speaker"` // customer, agent, bot, context, system, event
	Text    string `json:"text"`
	AtMS    int64  `json:"at_ms"` // active milliseconds since start
	Node    string `json:"node,omitempty"`
	// Reply is, on agent entries, the id of the reply the line was
	// understood as; "" when it was not understood (fallback or clarify).
	Reply string `json:"reply"`
	// Confidence is, on agent entries, how sure understanding was (0-1);
	// 1 for a reply picked in guided mode.
	Confidence float64 `json:"confidence"`
}

// Choice is a reply offered in guided mode.
type Choice struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Start begins a session of sc. It validates sc first if needed.
func Start(sc *Script, opt Options) (*Session, error) {
	return start(sc, opt, time.Time{}, nil)
}

func start(sc *Script, opt Options, at time.Time, draws []float64) (*Session, error) {
	if opt.Now == nil {
		return nil, errors.New("trainer: Options.Now is required")
	}
	if sc.prog == nil {
		if err := sc.Validate(); err != nil {
			return nil, err
		}
	}
	if opt.Mode == "" {
		opt.Mode = ModeGuided
	}
	if opt.Mode != ModeGuided && opt.Mode != ModeFree {
		return nil, fmt.Errorf("trainer: unknown mode %q", opt.Mode)
	}
	if opt.Seed == 0 {
		opt.Seed = sc.Seed
	}
	if opt.Lang == "" {
		opt.Lang = i18n.Lang(sc.Lang)
	}
	if _, err := i18n.Parse(string(opt.Lang)); err != nil {
		return nil, fmt.Errorf("trainer: %w", err)
	}
	s := newSession(sc, opt, draws)
	s.start = at
	if at.IsZero() {
		s.start = opt.Now()
	}
	if err := s.begin(); err != nil {
		return nil, err
	}
	return s, nil
}

func newSession(sc *Script, opt Options, draws []float64) *Session {
	p := sc.prog
	h := fnv.New64a()
	h.Write([]byte(opt.Trainee))
	s := &Session{sc: sc, p: p, opt: opt, mode: opt.Mode, rng: rand.NewPCG(opt.Seed, h.Sum64()),
		replay: draws, reading: draws != nil,
		visits: make([]int, len(p.nodes)), lastVisit: make([]int, len(p.nodes)),
		lineCount: make([]int, p.nlines), fallbacks: make([]int, len(p.nodes)),
		replyCount: make([]int, len(p.replies)), ruleFired: make([]bool, len(p.rules)),
		ruleSaid: make([]bool, len(p.rules)), trigPrev: make([]bool, len(p.triggers)),
		trigDone: make([]bool, len(p.triggers)), points: make([]int, len(p.dims)),
		tagsSeen: map[string]bool{}, vars: append([]Value(nil), p.initVals...)}
	s.salt = h.Sum64()
	s.msg = messages.Printer(opt.Lang)
	for i := range p.ticks {
		s.nextTick = append(s.nextTick, s.tickEvery(i))
	}
	return s
}

// begin records the start event, draws the variant, initialises variables and enters the start node.
func (s *Session) begin() error {
	info := &StartInfo{Script: s.sc.ID, Version: s.sc.Version, Hash: s.sc.Hash, Time: s.start,
		Mode: s.mode, Seed: s.opt.Seed, Trainee: s.opt.Trainee, Variant: s.opt.Variant, Set: s.opt.Set, Lang: s.opt.Lang}
	s.pending = &Event{Kind: "start", Start: info}
	if err := s.pickVariant(); err != nil {
		return err
	}
	for i, f := range s.p.initFns {
		if f != nil {
			v := f(s)
			if v.k == KindInt {
				lo, hi := s.sc.Vars[i].bounds()
				v.n = clampInt(v.n, lo, hi)
			}
			s.vars[i] = v
		}
	}
	if err := s.applySet(); err != nil {
		return err
	}
	s.showHandoff()
	at := s.sc.Start
	if s.opt.At != "" {
		if _, ok := s.p.nodeIndex[s.opt.At]; !ok {
			return fmt.Errorf("trainer: start at unknown node %q", s.opt.At)
		}
		at = s.opt.At
	}
	s.enter(s.p.nodeIndex[at], 0)
	s.checkTriggers()
	s.commit()
	return nil
}

func (s *Session) pickVariant() error {
	h := s.sc.Handoff
	if h == nil || len(h.Variants) == 0 {
		return nil
	}
	if s.opt.Variant != "" {
		for _, v := range h.Variants {
			if v.Name == s.opt.Variant {
				s.variant, s.context = v.Name, v.Context
				return nil
			}
		}
		return fmt.Errorf("trainer: unknown variant %q (have %v)", s.opt.Variant, s.p.variantNames())
	}
	total := 0.0
	for _, v := range h.Variants {
		total += v.Weight
	}
	x := s.draw() * total
	for _, v := range h.Variants {
		s.variant, s.context = v.Name, v.Context
		if x < v.Weight {
			break
		}
		x -= v.Weight
	}
	return nil
}

func (s *Session) applySet() error {
	names := make([]string, 0, len(s.opt.Set))
	for n := range s.opt.Set {
		names = append(names, n)
	}
	sortStrings(names)
	for _, name := range names {
		slot, ok := s.p.varSlot[name]
		if !ok {
			return fmt.Errorf("trainer: set: unknown variable %q", name)
		}
		if vt := s.p.varTypes[slot]; vt.k == KindSet {
			v, err := setLiteral(s.opt.Set[name], vt.dom)
			if err != nil {
				return fmt.Errorf("trainer: set %s: %v", name, err)
			}
			s.vars[slot] = v
			continue
		}
		f, t, err := s.p.compileExpr(s.opt.Set[name], KindInvalid)
		if err != nil || t.k != s.p.varTypes[slot].k {
			return fmt.Errorf("trainer: set %s: bad value %q", name, s.opt.Set[name])
		}
		s.vars[slot] = f(s)
	}
	return nil
}

func (s *Session) showHandoff() {
	h := s.sc.Handoff
	if h == nil || !s.context {
		return
	}
	for _, kv := range h.Context {
		s.say("context", kv.Key+": "+kv.Value)
	}
	for _, l := range h.BotTranscript {
		s.say("bot", l)
	}
}

// draw returns the next random number in [0,1), from the log when replaying,
// and records it on the pending event.
func (s *Session) draw() float64 {
	var d float64
	if s.reading && len(s.replay) > 0 {
		d, s.replay = s.replay[0], s.replay[1:]
	} else {
		if s.reading {
			s.runtimeErr("replay: the event log has fewer random draws than the script makes")
			s.reading = false
		}
		d = float64(s.rng.Uint64()>>11) / (1 << 53)
	}
	if s.pending != nil {
		s.pending.Draws = append(s.pending.Draws, d)
	}
	return d
}

// commit appends the pending event to the log.
func (s *Session) commit() {
	if s.pending != nil {
		s.events = append(s.events, *s.pending)
		s.pending = nil
	}
}

func (s *Session) runtimeErr(msg string) {
	where := ""
	if s.node != nil {
		where = " at node " + s.node.n.ID
	}
	s.errs = append(s.errs, fmt.Sprintf("turn %d%s: %s", s.turn, where, msg))
}

func (s *Session) emit(name string) {
	s.emitted = append(s.emitted, name)
	s.say("event", name)
}

func (s *Session) say(speaker, text string) {
	e := Entry{Speaker: speaker, Text: text, AtMS: s.clock.Milliseconds()}
	if s.node != nil {
		e.Node = s.node.n.ID
	}
	s.transcript = append(s.transcript, e)
}

package trainer

// Mode is how the trainee answers: by picking a reply or by typing freely.
type Mode string

// The two modes of play.
const (
	ModeGuided Mode = "guided" // numbered replies, picked by id
	ModeFree   Mode = "free"   // typed text, matched against reply patterns
)

// Script is a role-play: a customer persona, typed state, conversation nodes,
// timers, a rubric and compliance rules. Scripts are plain values; the
// scenarios package loads them from *.roleplay.toml. Call Validate before use
// (Start does it when needed); a validated Script is read-only and may be
// shared by many sessions.
type Script struct {
	ID          string
	Title       string
	Version     int
	Hash        string // hex digest of the source text, set by the loader; "" when unknown
	Start       string // id of the first node
	Modes       []Mode // playable modes; empty means both
	TimeLimitS  int    // session time limit in seconds of active (unpaused) time; 0 means none
	OnTimeLimit string // node entered at the time limit; "" ends with outcome "timed_out"
	Seed        uint64 // default session seed
	// FreeTimeFactor scales node timeouts, tick periods and the time limit
	// in free mode, where the trainee types; 0 means DefaultFreeTimeFactor.
	FreeTimeFactor float64
	Lang           string // language of the trainee's lines: "en" (also when "") or "de"
	// MatchThreshold is the confidence (0-1) a reply needs to be understood
	// in free mode; 0 means DefaultThreshold.
	MatchThreshold float64
	// MatchMargin is the lead in confidence (0-1) the best reply needs over
	// the best reply with a different effect, or the customer asks which was
	// meant; 0 means DefaultMargin.
	MatchMargin float64
	// Synonyms maps a canonical word to phrases read as that word before
	// matching, e.g. refund: ["money back", "reimburse"].
	Synonyms map[string][]string
	Persona  Persona
	Vars     []Var
	Consts   []Const
	Handoff  *Handoff // nil when the customer did not come from a bot
	Lexicon  []LexEntry
	Rubric   Rubric
	Rules    []Rule
	Triggers []Trigger
	Ticks    []Tick
	Injects  []Inject
	Nodes    []*Node // in file order
	Tests    []TestPlan
	Corpus   []CorpusLine // the author's labelled trainee lines, for RunCorpus

	prog *program // compiled by Validate
}

// Persona describes the customer the script plays.
type Persona struct {
	Name  string
	Brief string   // shown to the trainee before the session
	Facts []string // extra notes for the trainee, shown with the brief
}

// Var is a typed state variable. Int variables are clamped to [Min, Max] on every assignment.
type Var struct {
	Name     string
	Type     string   // "int", "bool", "str", "enum" or "set"
	Init     any      // int64, bool, string, or []string for a set; nil when InitExpr is used
	InitExpr string   // expression evaluated at start instead of Init
	Min, Max *int64   // bounds of an int; nil means unbounded
	Values   []string // allowed values of an enum or members of a set
	Doc      string   // what the variable means, for the watch and the docs
	Hidden   bool     // left out of the trainee's watch display
}

func (v *Var) bounds() (lo, hi int64) {
	lo, hi = -1<<62, 1<<62
	if v.Min != nil {
		lo = *v.Min
	}
	if v.Max != nil {
		hi = *v.Max
	}
	return lo, hi
}

// Const is a named constant usable in expressions.
type Const struct {
	Name  string
	Value any // int64, bool or string
}

// Handoff describes the bot conversation the customer comes from.
type Handoff struct {
	From          string // who handed over, e.g. "bot"
	Variants      []Variant
	BotTranscript []string
	Context       []KV // shown to the agent only in variants with Context set
}

// Variant is one way the hand-off can go, drawn by Weight unless forced.
type Variant struct {
	Name    string
	Weight  float64
	Context bool // the agent sees the context and bot transcript
}

// KV is one key and value of the hand-off context.
type KV struct{ Key, Value string }

// LexEntry is a named list of patterns, used in patterns as @Name.
type LexEntry struct {
	Name     string
	Patterns []string
}

// Rubric is how a session is scored.
type Rubric struct {
	PassPct int    // total percentage needed to pass
	Bands   []Band // named thresholds, e.g. gold 90
	Dims    []Dim
}

// Band is a named score threshold in percent.
type Band struct {
	Name   string
	MinPct int
}

// Dim is one weighted rubric dimension.
type Dim struct {
	ID     string
	Label  string
	Weight int
	Max    int    // points for a full score
	Auto   string // expression evaluated at the end that replaces earned points; "" for none
}

// Rule is a compliance rule: something the trainee must (Require) or must
// not (Forbid) say, given by a pattern, by example phrasings or both, scoped
// by a condition (When) or until a tagged node (BeforeTag).
type Rule struct {
	ID      string
	Kind    string // RuleRequire or RuleForbid; "" takes it from whichever of Require and Forbid is set
	Require string // pattern the trainee must have said
	Forbid  string // pattern the trainee must not say
	// Examples are phrasings that count as saying the thing: breaches of a
	// forbid rule, lines that satisfy a require rule.
	Examples []string
	// NearMisses are phrasings close to the examples that must not count.
	NearMisses []string
	// Dismissals are phrasings that refuse or brush aside what a require
	// rule asks for ("it doesn't matter whether I'm a bot", "never mind
	// that, here's my offer"): a line close to one fires the rule.
	Dismissals []string
	When       string // condition under which the rule applies; "" means always
	BeforeTag  string // the rule is checked on entering the first node with this tag
	Dim        string // rubric dimension the penalty comes off
	Penalty    int    // points taken off Dim when the rule fires
	Critical   bool   // a fired critical rule caps the total below the pass mark
	Debrief    string // what the debrief says when it fires
	Better     string // a better alternative, for the debrief
}

// Effect is what a reply, fallback, timeout, trigger, tick or inject does.
type Effect struct {
	Do      []string       // statements run in order
	Score   map[string]int // rubric points added, by dimension
	Lines   []Line         // customer lines said
	Goto    string         // node to go to; "" stays
	Debrief string         // note for the debrief when this effect happens
}

// Line is one thing the customer says, perhaps conditional, perhaps varied.
type Line struct {
	When string   // condition; "" means always
	Text []string // one text, or alternatives chosen by Pick
	Pick string   // "" or "sequence", "cycle", "once", "shuffle"
}

// Node is one point in the conversation.
type Node struct {
	ID             string
	Tags           []string
	Debrief        string
	Enter          Effect   // on entering: Do, Score and Lines (Goto unused)
	Replies        []*Reply // the agent's options here
	IncludeReplies []string // other nodes whose replies are offered here too, after these
	Fallback       *Effect  // free text that matches no reply
	Clarify        *Effect  // free text close to two replies with different effects; nil asks with their labels
	Branch         []Branch // conditional redirect on entry; the last entry has no When
	Next           string   // redirect after the lines
	End            string   // outcome; the session ends here
	TimeoutS       int      // seconds without a reply before OnTimeout
	OnTimeout      *Effect
}

// Branch is one arm of a conditional redirect.
type Branch struct {
	When string // "" for the else arm
	Goto string
}

// Reply is one thing the agent can say at a node.
type Reply struct {
	ID       string // unique in the script
	Label    string // button text in guided mode
	Text     string // what the agent says in guided mode; "" uses Examples[0], then Label
	Match    Match
	Examples []string // phrasings of this reply: free text is understood by its similarity to them
	When     string   // offered only while true
	Once     bool     // offered until chosen once
	Effect
}

// Match holds the free-mode patterns of a reply (RE2, after @lexicon expansion).
type Match struct {
	Any  []string // at least one must match (when not empty)
	All  []string // every one must match
	None []string // none may match
}

// Empty reports whether m has no patterns (a reply without patterns and
// examples is guided-only).
func (m Match) Empty() bool { return len(m.Any) == 0 && len(m.All) == 0 }

// The kinds of a Rule.
const (
	RuleRequire = "require"
	RuleForbid  = "forbid"
)

// kind returns RuleRequire or RuleForbid, or "" when it cannot be told.
func (r *Rule) kind() string {
	switch {
	case r.Kind != "":
		return r.Kind
	case r.Forbid != "":
		return RuleForbid
	case r.Require != "":
		return RuleRequire
	}
	return ""
}

// TestPlan is a scripted playthrough or a fuzz run (Runs > 0).
type TestPlan struct {
	Name    string
	Seed    uint64
	Variant string
	Mode    Mode
	Set     map[string]string // variable overrides at start, as expressions
	Replies []string          // free text, said in order
	Choose  []string          // reply ids, chosen in order (guided)
	Runs    int               // random playthroughs instead of the scripted inputs
	Expect  Expect
}

// Expect is what a TestPlan checks.
type Expect struct {
	EndIn           []string // outcome must be one of these
	FiredNone       []string // rules that must not fire
	FiredAll        []string // rules that must fire
	Node            string   // the session must end at or be waiting in this node
	MinPct, MaxPct  *float64 // bounds on the total score
	Pass            *bool
	NoRuntimeErrors bool
	ReachAllEnds    bool // fuzz: every outcome reached at least once
	ReachAllNodes   bool // fuzz: every node visited at least once
}

// node returns the node with id, or nil.
func (s *Script) node(id string) *Node {
	for _, n := range s.Nodes {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// HasMode reports whether the script can be played in mode m.
func (s *Script) HasMode(m Mode) bool {
	if len(s.Modes) == 0 {
		return true
	}
	for _, x := range s.Modes {
		if x == m {
			return true
		}
	}
	return false
}

// Outcomes returns the distinct end outcomes of the script in node order.
func (s *Script) Outcomes() []string {
	var out []string
	for _, n := range s.Nodes {
		if n.End != "" && indexOf(out, n.End) < 0 {
			out = append(out, n.End)
		}
	}
	return out
}

// Trigger fires its effect when its condition becomes true; it is checked
// after every change of state.
type Trigger struct {
	ID   string
	When string
	Once bool // fire at most once per session
	Effect
}

// Tick fires its effect every EveryS seconds of active time, while When holds.
type Tick struct {
	EveryS int
	When   string
	Effect
}

// Inject is an event the facilitator can fire live.
type Inject struct {
	ID    string
	Label string
	Effect
}

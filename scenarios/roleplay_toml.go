package scenarios

import "github.com/ccsim/ccsim/i18n"

// The TOML schema of *.roleplay.toml files. Every key is documented in
// docs/roleplay-format.md; unknown keys are errors.

type rpFile struct {
	Scenario rpScenario          `toml:"scenario"`
	Persona  rpPersona           `toml:"persona"`
	Vars     map[string]rpVar    `toml:"vars"`
	Const    map[string]any      `toml:"const"`
	Handoff  *rpHandoff          `toml:"handoff"`
	Lexicon  map[string][]string `toml:"lexicon"`
	Rubric   rpRubric            `toml:"rubric"`
	Rule     []rpRule            `toml:"rule"`
	Trigger  []rpTrigger         `toml:"trigger"`
	Tick     []rpTick            `toml:"tick"`
	Inject   []rpInject          `toml:"inject"`
	Node     map[string]rpNode   `toml:"node"`
	Test     []rpTest            `toml:"test"`
	Synonyms map[string][]string `toml:"synonyms"`
	Corpus   []rpCorpusLine      `toml:"corpus"`
}

type rpScenario struct {
	ID          string   `toml:"id"`
	Title       string   `toml:"title"`
	Version     int      `toml:"version"`
	Start       string   `toml:"start"`
	Modes       []string `toml:"modes"`
	TimeLimitS  int      `toml:"time_limit_s"`
	OnTimeLimit string   `toml:"on_time_limit"`
	Seed        uint64   `toml:"seed"`
	FreeTime    float64  `toml:"free_time_factor"`
	Lang        string   `toml:"lang"`
	Threshold   float64  `toml:"match_threshold"`
	Margin      float64  `toml:"match_margin"`
}

type rpPersona struct {
	Name  string   `toml:"name"`
	Brief string   `toml:"brief"`
	Facts []string `toml:"facts"`
}

type rpVar struct {
	Type     string   `toml:"type"`
	Init     any      `toml:"init"`
	InitExpr string   `toml:"init_expr"`
	Min      *int64   `toml:"min"`
	Max      *int64   `toml:"max"`
	Values   []string `toml:"values"`
	Doc      string   `toml:"doc"`
	Hidden   bool     `toml:"hidden"`
}

type rpHandoff struct {
	From          string               `toml:"from"`
	Variants      map[string]rpVariant `toml:"variants"`
	BotTranscript []string             `toml:"bot_transcript"`
	Context       map[string]any       `toml:"context"`
}

// rpVariant is a hand-off variant: a weight, or { weight = 0.5, context = true }.
type rpVariant struct {
	Weight  float64
	Context *bool
	err     []any // a problem: its format (a decodeMessages key), then its arguments
}

// UnmarshalTOML accepts a number or a table with weight and context.
func (v *rpVariant) UnmarshalTOML(data any) error {
	switch x := data.(type) {
	case float64:
		v.Weight = x
	case int64:
		v.Weight = float64(x)
	case map[string]any:
		for k, val := range x {
			switch k {
			case "weight":
				w, ok := val.(float64)
				if i, isInt := val.(int64); isInt {
					w, ok = float64(i), true
				}
				if !ok {
					v.err = []any{i18n.Key("weight must be a number")}
				}
				v.Weight = w
			case "context":
				b, ok := val.(bool)
				if !ok {
					v.err = []any{i18n.Key("context must be true or false")}
				}
				v.Context = &b
			default:
				v.err = []any{i18n.Key("unknown key %q (want weight or context)"), k}
			}
		}
	default:
		v.err = []any{i18n.Key("a variant is a weight or { weight = 0.5, context = true }")}
	}
	return nil
}

type rpRubric struct {
	PassPct int            `toml:"pass_pct"`
	Bands   map[string]int `toml:"bands"`
	Dims    []rpDim        `toml:"dims"`
}

type rpDim struct {
	ID     string `toml:"id"`
	Label  string `toml:"label"`
	Weight int    `toml:"weight"`
	Max    int    `toml:"max"`
	Auto   string `toml:"auto"`
}

type rpRule struct {
	ID         string   `toml:"id"`
	Kind       string   `toml:"kind"`
	Require    *string  `toml:"require"`
	Forbid     *string  `toml:"forbid"`
	Examples   []string `toml:"examples"`
	NearMisses []string `toml:"near_misses"`
	Dismissals []string `toml:"dismissals"`
	When       string   `toml:"when"`
	BeforeTag  string   `toml:"before_tag"`
	Dim        string   `toml:"dim"`
	Penalty    int      `toml:"penalty"`
	Severity   string   `toml:"severity"`
	Debrief    string   `toml:"debrief"`
	Better     string   `toml:"better"`
}

type rpEffect struct {
	Do      []string       `toml:"do"`
	Score   map[string]int `toml:"score"`
	Say     string         `toml:"say"`
	Lines   []rpLine       `toml:"lines"`
	Goto    string         `toml:"goto"`
	Debrief string         `toml:"debrief"`
}

type rpLine struct {
	When string `toml:"when"`
	Text any    `toml:"text"`
	Pick string `toml:"pick"`
}

type rpTrigger struct {
	ID   string `toml:"id"`
	When string `toml:"when"`
	Once bool   `toml:"once"`
	rpEffect
}

type rpTick struct {
	EveryS int    `toml:"every_s"`
	When   string `toml:"when"`
	rpEffect
}

type rpInject struct {
	ID    string `toml:"id"`
	Label string `toml:"label"`
	rpEffect
}

type rpNode struct {
	Tags           []string       `toml:"tags"`
	Debrief        string         `toml:"debrief"`
	Say            string         `toml:"say"`
	Lines          []rpLine       `toml:"lines"`
	Do             []string       `toml:"do"`
	Score          map[string]int `toml:"score"`
	Reply          []rpReply      `toml:"reply"`
	IncludeReplies []string       `toml:"include_replies"`
	Fallback       *rpEffect      `toml:"fallback"`
	Clarify        *rpEffect      `toml:"clarify"`
	Branch         []rpBranch     `toml:"branch"`
	Next           string         `toml:"next"`
	End            string         `toml:"end"`
	TimeoutS       int            `toml:"timeout_s"`
	OnTimeout      *rpEffect      `toml:"on_timeout"`
}

type rpBranch struct {
	When string `toml:"when"`
	Goto string `toml:"goto"`
}

type rpReply struct {
	ID       string   `toml:"id"`
	Label    string   `toml:"label"`
	Text     string   `toml:"text"`
	Match    rpMatch  `toml:"match"`
	Examples []string `toml:"examples"`
	When     string   `toml:"when"`
	Once     bool     `toml:"once"`
	rpEffect
}

type rpMatch struct {
	Any  []string `toml:"any"`
	All  []string `toml:"all"`
	None []string `toml:"none"`
}

type rpTest struct {
	Name    string         `toml:"name"`
	Seed    uint64         `toml:"seed"`
	Variant string         `toml:"variant"`
	Mode    string         `toml:"mode"`
	Set     map[string]any `toml:"set"`
	Replies []string       `toml:"replies"`
	Choose  []string       `toml:"choose"`
	Runs    int            `toml:"runs"`
	Expect  rpExpect       `toml:"expect"`
}

type rpExpect struct {
	EndIn           []string `toml:"end_in"`
	FiredNone       []string `toml:"fired_none"`
	FiredAll        []string `toml:"fired_all"`
	Node            string   `toml:"node"`
	MinPct          *float64 `toml:"min_pct"`
	MaxPct          *float64 `toml:"max_pct"`
	Pass            *bool    `toml:"pass"`
	NoRuntimeErrors bool     `toml:"no_runtime_errors"`
	ReachAllEnds    bool     `toml:"reach_all_ends"`
	ReachAllNodes   bool     `toml:"reach_all_nodes"`
}

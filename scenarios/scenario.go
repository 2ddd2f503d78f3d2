package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// Defaults applied to keys a scenario leaves out (documented in docs/model.md).
const (
	DefaultSeed         = 1
	DefaultReplications = 10
	DefaultThreshold    = 20 * time.Second
	DefaultTarget       = 0.8
	DefaultInterval     = 30 * time.Minute
)

// file is the TOML schema of a simulation scenario.
type file struct {
	Name         string            `toml:"name,omitempty"`
	Description  string            `toml:"description,omitempty"`
	Seed         *uint64           `toml:"seed"`
	Replications *int              `toml:"replications"`
	Horizon      duration          `toml:"horizon,omitempty"`
	Warmup       *duration         `toml:"warmup,omitempty"`
	ServiceLevel fileSL            `toml:"service_level"`
	Arrivals     fileArrivals      `toml:"arrivals"`
	Patience     *fileDist         `toml:"patience,omitempty"`
	Bot          *fileBot          `toml:"bot,omitempty"`
	Intents      []fileIntent      `toml:"intents"`
	Agents       []fileAgents      `toml:"agents"`
	Routing      *fileRouting      `toml:"routing,omitempty"`
	Channels     map[string]fileSL `toml:"channels,omitempty"`
	Retrials     *fileRetrials     `toml:"retrials,omitempty"`
	Callback     *fileCallback     `toml:"callback,omitempty"`
	Experience   *fileExperience   `toml:"experience,omitempty"`
	Costs        *fileCosts        `toml:"costs,omitempty"`
	Limits       *fileLimits       `toml:"limits,omitempty"`
}

// fileLimits raises (or lowers) the bounds on a run's work; 0 keeps the default.
type fileLimits struct {
	Replications int     `toml:"replications,omitzero"`
	Contacts     float64 `toml:"contacts,omitzero"`
	Intervals    int     `toml:"intervals,omitzero"`
	Tables       int     `toml:"tables,omitzero"`
}

// fileCosts is the cost model: amounts in one currency.
type fileCosts struct {
	AgentHour  float64 `toml:"agent_hour"`
	BotSession float64 `toml:"bot_session,omitzero"`
	Abandoned  float64 `toml:"abandoned,omitzero"`
	Currency   string  `toml:"currency,omitempty"`
}

type fileRouting struct {
	Policy        string   `toml:"policy,omitempty"`
	OverflowAfter duration `toml:"overflow_after,omitempty"`
}

type fileRetrials struct {
	Share float64   `toml:"share"`
	Delay *fileDist `toml:"delay"`
}

type fileCallback struct {
	OfferAbove duration `toml:"offer_above"`
	Accept     float64  `toml:"accept"`
}

type fileExperience struct {
	Base           *float64  `toml:"base"`
	Unresolved     *float64  `toml:"unresolved"`
	WaitTolerance  *duration `toml:"wait_tolerance"`
	WaitPerMinute  *float64  `toml:"wait_per_minute"`
	FailedBot      *float64  `toml:"failed_bot"`
	RepeatInfo     *float64  `toml:"repeat_info"`
	EmotionalBot   *float64  `toml:"emotional_bot"`
	DetractorBelow *float64  `toml:"detractor_below"`
	RepeatDelay    *fileDist `toml:"repeat_delay,omitempty"`
}

type fileShift struct {
	Start  clock       `toml:"start"`
	End    clock       `toml:"end"`
	Count  int         `toml:"count"`
	Breaks []fileBreak `toml:"breaks,omitempty"`
}

type fileBreak struct {
	Start  clock    `toml:"start"`
	Length duration `toml:"length"`
	Spread duration `toml:"spread,omitempty"`
}

type fileSL struct {
	Threshold  *duration `toml:"threshold"`
	Target     *float64  `toml:"target"`
	Definition string    `toml:"definition,omitempty"`
}

type fileArrivals struct {
	Rate           float64            `toml:"rate,omitzero"`
	Open           clock              `toml:"open,omitempty"`
	Close          clock              `toml:"close,omitempty"`
	Interval       duration           `toml:"interval,omitempty"`
	Profile        []float64          `toml:"profile,omitempty"`
	Overdispersion float64            `toml:"overdispersion,omitzero"`
	DayFactor      float64            `toml:"day_factor,omitzero"`
	Day            string             `toml:"day,omitempty"`
	Days           map[string]fileDay `toml:"days,omitempty"`
}

// fileDay is one day type's demand: a factor on the base profile, its own
// profile, or both.
type fileDay struct {
	Factor  float64   `toml:"factor,omitzero"`
	Profile []float64 `toml:"profile,omitempty"`
}

type fileBot struct {
	HandleTime       *fileDist `toml:"handle_time"`
	Capacity         int       `toml:"capacity,omitzero"`
	HangUp           float64   `toml:"hang_up,omitzero"`
	OptOut           float64   `toml:"opt_out,omitzero"`
	ContextTransfer  *bool     `toml:"context_transfer"`
	ContextSaving    float64   `toml:"context_saving,omitzero"`
	NoContextPenalty float64   `toml:"no_context_penalty,omitzero"`
	Emotional        string    `toml:"emotional,omitempty"`
}

type fileIntent struct {
	Name           string    `toml:"name,omitempty"`
	Share          *float64  `toml:"share"`
	BotContainment float64   `toml:"bot_containment,omitzero"`
	HandleTime     *fileDist `toml:"handle_time"`
	Skill          string    `toml:"skill,omitempty"`
	Channel        string    `toml:"channel,omitempty"`
	// Channels spreads the intent over channels by share: one intent per
	// channel after loading (channelParts).
	Channels  map[string]float64 `toml:"channels,omitempty"`
	Priority  int                `toml:"priority,omitzero"`
	Emotional float64            `toml:"emotional,omitzero"`
	Complex   bool               `toml:"complex,omitempty"`
	Repeat    float64            `toml:"repeat,omitzero"`
	BotRepeat float64            `toml:"bot_repeat,omitzero"`
}

type fileAgents struct {
	Group           string         `toml:"group"`
	Count           *int           `toml:"count,omitempty"`
	Counts          []int          `toml:"counts,omitempty"`
	Shifts          []fileShift    `toml:"shifts,omitempty"`
	Shrinkage       fractions      `toml:"shrinkage,omitempty"`
	Skills          map[string]int `toml:"skills,omitempty"`
	HandleFactor    *float64       `toml:"handle_time_factor,omitempty"`
	ChatConcurrency *int           `toml:"chat_concurrency,omitempty"`
	ChatStretch     float64        `toml:"chat_stretch,omitzero"`
	AIAdoption      float64        `toml:"ai_adoption,omitzero"`
	AIReduction     float64        `toml:"ai_reduction,omitzero"`
	CostPerHour     float64        `toml:"cost_per_hour,omitzero"`
}

// loader converts one decoded file, collecting every error with its line.
type loader struct {
	d    *doc
	fsys fs.FS // resolves files a scenario names (empirical values); may be nil
	dir  string
	errs ErrorList
}

// Load reads and validates the scenario at name in fsys. Errors are an
// ErrorList whose entries say file:line: key: problem.
func Load(fsys fs.FS, name string) (*sim.Scenario, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("scenarios: %w", err)
	}
	return parse(name, data, fsys, path.Dir(name))
}

// Parse reads and validates a scenario from TOML text; name labels errors.
// An empirical distribution cannot name a file here.
func Parse(name string, data []byte) (*sim.Scenario, error) {
	return parse(name, data, nil, "")
}

func parse(name string, data []byte, fsys fs.FS, dir string) (*sim.Scenario, error) {
	var f file
	d, err := decodeStrict(name, data, &f)
	if err != nil {
		return nil, err
	}
	l := &loader{d: d, fsys: fsys, dir: dir}
	sc := l.scenario(&f)
	if err := l.errs.err(); err != nil {
		return nil, err
	}
	if err := sc.Validate(); err != nil {
		var ve sim.ValidationErrors
		if !errors.As(err, &ve) {
			return nil, ErrorList{&Error{File: name, Msg: err.Error()}}
		}
		for _, fe := range ve {
			l.errs = append(l.errs, d.errorf(fe.Key, "%s", fe.Msg))
		}
		return nil, l.errs.err()
	}
	return sc, nil
}

func (l *loader) scenario(f *file) *sim.Scenario {
	sc := &sim.Scenario{
		Name:         f.Name,
		Seed:         DefaultSeed,
		Replications: DefaultReplications,
		Horizon:      f.Horizon.Duration,
	}
	if f.Name == "" {
		sc.Name = l.d.name
	}
	if f.Seed != nil {
		sc.Seed = *f.Seed
	}
	if f.Replications != nil {
		sc.Replications = *f.Replications
	}
	sc.Warmup = sc.Horizon / 10
	if f.Warmup != nil {
		sc.Warmup = f.Warmup.Duration
	}
	sc.ServiceLevel = sim.ServiceLevel{Threshold: DefaultThreshold, Target: DefaultTarget, Definition: sim.Definition(f.ServiceLevel.Definition)}
	if t := f.ServiceLevel.Threshold; t != nil {
		sc.ServiceLevel.Threshold = t.Duration
	}
	if t := f.ServiceLevel.Target; t != nil {
		sc.ServiceLevel.Target = *t
	}
	l.arrivals(f, sc)
	if f.Patience != nil {
		sc.Patience = l.dist("patience", f.Patience)
	}
	if f.Bot != nil {
		sc.Bot = l.bot(f.Bot)
	}
	l.intents(f, sc)
	for i := range f.Agents {
		sc.Groups = append(sc.Groups, l.group(i, &f.Agents[i]))
	}
	l.features(f, sc)
	return sc
}

func (l *loader) arrivals(f *file, sc *sim.Scenario) {
	a := f.Arrivals
	sc.Arrivals = sim.Arrivals{Rate: a.Rate, Open: a.Open.Duration, Close: a.Close.Duration, Interval: a.Interval.Duration, Profile: a.Profile,
		Overdispersion: a.Overdispersion, DayFactor: a.DayFactor}
	l.dayType(&a, sc)
	day := a.Profile != nil || sc.Arrivals.Profile != nil
	if day && !a.Interval.set {
		sc.Arrivals.Interval = DefaultInterval
	}
	if day && len(sc.Arrivals.Profile) == 0 {
		l.errs = append(l.errs, l.d.errorf("arrivals.profile", "is empty; give one number of contacts per interval"))
	}
	if !day && (a.Open.set || a.Close.set) {
		l.errs = append(l.errs, l.d.errorf("arrivals.profile", "open and close need a profile of contacts per interval"))
	}
	if day && (!a.Open.set || !a.Close.set) {
		l.errs = append(l.errs, l.d.errorf("arrivals", "a day profile needs open and close"))
	}
	if day && f.Horizon.set {
		l.errs = append(l.errs, l.d.errorf("horizon", "a day profile sets its own horizon; remove horizon"))
	}
	if !day && !f.Horizon.set {
		l.errs = append(l.errs, l.d.errorf("horizon", "a steady-state run (arrivals.rate) needs a horizon, e.g. horizon = \"100h\""))
	}
	if day {
		sc.Warmup = 0
		if f.Warmup != nil {
			l.errs = append(l.errs, l.d.errorf("warmup", "a day starts empty at opening; warmup applies to steady-state runs only"))
		}
	}
}

func (l *loader) bot(b *fileBot) *sim.Bot {
	bot := &sim.Bot{
		Capacity: b.Capacity, HangUp: b.HangUp, OptOut: b.OptOut, ContextTransfer: true,
		ContextSaving: b.ContextSaving, NoContextPenalty: b.NoContextPenalty,
	}
	if b.ContextTransfer != nil {
		bot.ContextTransfer = *b.ContextTransfer
	}
	switch b.Emotional {
	case "", "bot_first":
	case "human":
		bot.EmotionalToHuman = true
	default:
		l.errs = append(l.errs, l.d.errorf("bot.emotional", "must be \"human\" or \"bot_first\", got %q", b.Emotional))
	}
	if b.HandleTime == nil {
		l.errs = append(l.errs, l.d.errorf("bot.handle_time", "is required, e.g. handle_time = { dist = \"exponential\", mean = \"60s\" }"))
	} else {
		bot.HandleTime = l.dist("bot.handle_time", b.HandleTime)
	}
	return bot
}

func (l *loader) intents(f *file, sc *sim.Scenario) {
	for i, fi := range f.Intents {
		key := fmt.Sprintf("intents.%d", i)
		in := sim.Intent{Name: fi.Name, BotContainment: fi.BotContainment}
		switch {
		case fi.Share != nil:
			in.Share = *fi.Share
		case len(f.Intents) == 1:
			in.Share = 1
		default:
			l.errs = append(l.errs, l.d.errorf(key, "intent %q needs a share", fi.Name))
		}
		if fi.HandleTime == nil {
			l.errs = append(l.errs, l.d.errorf(key, "intent %q needs a handle_time distribution", fi.Name))
		} else {
			in.HandleTime = l.dist(key+".handle_time", fi.HandleTime)
		}
		in.Skill, in.Priority, in.Emotional, in.Complex, in.Repeat, in.BotRepeat = fi.Skill, fi.Priority, fi.Emotional, fi.Complex, fi.Repeat, fi.BotRepeat
		if fi.Channel != "" {
			ch, err := sim.ParseChannel(fi.Channel)
			if err != nil {
				l.errs = append(l.errs, l.d.errorf(key+".channel", "%v", err))
			}
			in.Channel = ch
		}
		sc.Intents = append(sc.Intents, l.channelParts(key, fi, in)...)
	}
}

package scenarios

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ccsim/ccsim/sim"
)

func TestBundledScenarios(t *testing.T) {
	names := Names()
	for _, want := range []string{"default", "erlang-c", "erlang-a", "human-only", "bot-no-context"} {
		if !contains(names, want) {
			t.Errorf("Names() = %v, missing %q", names, want)
		}
	}
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			sc, err := Bundled(n)
			if err != nil {
				t.Fatalf("Bundled(%q): %v", n, err)
			}
			if err := sc.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestDefaultScenario(t *testing.T) {
	sc, err := Bundled("default")
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.Intervals(); got != 24 {
		t.Errorf("default has %d intervals, want 24 (08:00-20:00 by 30 min)", got)
	}
	if got := sc.IntervalStart(0) + "-" + sc.IntervalStart(23); got != "08:00-19:30" {
		t.Errorf("default intervals span %s, want 08:00-19:30", got)
	}
	bot, human := 0, 0
	for _, in := range sc.Intents {
		if in.BotEligible() {
			bot++
		} else {
			human++
		}
	}
	if len(sc.Intents) < 5 || bot == 0 || human == 0 {
		t.Errorf("default has %d intents (%d bot-eligible, %d human-only), want >= 5 with both kinds", len(sc.Intents), bot, human)
	}
	noBot, err := Bundled("human-only")
	if err != nil {
		t.Fatal(err)
	}
	if noBot.Bot != nil || len(noBot.Intents) != len(sc.Intents) || !reflect.DeepEqual(noBot.Groups, sc.Groups) {
		t.Errorf("human-only should be default without the bot and with the same agents")
	}
	noCtx, err := Bundled("bot-no-context")
	if err != nil {
		t.Fatal(err)
	}
	if noCtx.Bot == nil || noCtx.Bot.ContextTransfer || !sc.Bot.ContextTransfer {
		t.Errorf("bot-no-context should differ from default by context_transfer = false")
	}
}

// base is a valid steady-state scenario; malformed cases edit it.
const base = `name = "t"
horizon = "10h"

[arrivals]
rate = 100

[[intents]]
name = "a"
share = 1
handle_time = { dist = "exponential", mean = "3m" }

[[agents]]
group = "g"
count = 5
`

// day is a valid day scenario.
const day = `name = "d"
[arrivals]
open = "08:00"
close = "09:00"
interval = "30m"
profile = [10, 20]
[[intents]]
name = "a"
handle_time = { dist = "exponential", mean = "3m" }
[[agents]]
group = "g"
counts = [2, 3]
`

func TestMalformed(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		line    int
		key     string // expected in the message
		message string // expected in the message
	}{
		{"unknown key with suggestion", strings.Replace(base, "horizon =", "horizn =", 1), 2, "horizn", `did you mean "horizon"`},
		{"unknown key in array table", strings.Replace(base, "share = 1", "shaer = 1", 1), 9, "intents.shaer", `did you mean "share"`},
		{"wrong type", strings.Replace(base, "count = 5", `count = "five"`, 1), 14, "count", "incompatible types"},
		{"negative rate", strings.Replace(base, "rate = 100", "rate = -3", 1), 5, "arrivals.rate", "positive"},
		{"shares not summing to 1", strings.Replace(base, "share = 1", "share = 0.7", 1), 7, "intents", "sum to 0.7"},
		{"probability above 1", strings.Replace(base, "share = 1\n", "share = 1\nbot_containment = 1.5\n", 1) + "[bot]\nhandle_time = { dist = \"exponential\", mean = \"1m\" }\n", 10, "intents.0.bot_containment", "probability"},
		{"unknown distribution", strings.Replace(base, `"exponential"`, `"weibull"`, 1), 10, "intents.0.handle_time.dist", `unknown distribution "weibull"`},
		{"missing mean", strings.Replace(base, `, mean = "3m"`, "", 1), 10, "intents.0.handle_time", "needs mean"},
		{"parameter not of distribution", strings.Replace(base, `mean = "3m" }`, `mean = "3m", cv = 0.5 }`, 1), 10, "intents.0.handle_time.cv", "not a parameter"},
		{"bad duration", strings.Replace(base, `"10h"`, `"10 hours"`, 1), 2, "horizon", "not a duration"},
		{"closing before opening", strings.Replace(day, `close = "09:00"`, `close = "07:00"`, 1), 4, "arrivals.close", "after opening"},
		{"profile length mismatch", strings.Replace(day, "profile = [10, 20]", "profile = [10, 20, 30]", 1), 6, "arrivals.profile", "has 3 values"},
		{"counts length mismatch", strings.Replace(day, "counts = [2, 3]", "counts = [2]", 1), 12, "agents.0.counts", "has 1 values"},
		{"negative count in counts", strings.Replace(day, "counts = [2, 3]", "counts = [2, -3]", 1), 12, "agents.0.counts.1", "negative"},
		{"bad time of day", strings.Replace(day, `open = "08:00"`, `open = "8am"`, 1), 3, "open", "not a time of day"},
		{"no agents", strings.Replace(base, "count = 5", "count = 0", 1), 12, "agents", "no agents"},
		{"duplicate intent", base + "[[intents]]\nname = \"a\"\nshare = 0\nhandle_time = { dist = \"exponential\", mean = \"1m\" }\n", 16, "intents.1.name", "duplicate"},
		{"bot eligible without bot", strings.Replace(base, "share = 1\n", "share = 1\nbot_containment = 0.5\n", 1), 10, "intents.0.bot_containment", "no [bot]"},
		{"warmup not shorter than horizon", strings.Replace(base, `horizon = "10h"`, "horizon = \"10h\"\nwarmup = \"12h\"", 1), 3, "warmup", "shorter than horizon"},
		{"definition misspelt", base + "[service_level]\ndefinition = \"ofered\"\n", 16, "service_level.definition", "offered, answered or excl_short_abandons"},
		{"horizon missing", strings.Replace(base, "horizon = \"10h\"\n", "", 1), 0, "horizon", "needs a horizon"},
		{"syntax error", strings.Replace(base, "rate = 100", "rate = = 100", 1), 5, "", "expected value"},
		{"both count and counts", strings.Replace(day, "counts = [2, 3]", "counts = [2, 3]\ncount = 4", 1), 10, "agents.0", "exactly one of count, counts or shifts"},
		{"empirical without values", strings.Replace(base, `{ dist = "exponential", mean = "3m" }`, `{ dist = "empirical" }`, 1), 10, "intents.0.handle_time", "needs values or file"},
		{"intent skill no group has", strings.Replace(strings.Replace(base, "share = 1\n", "share = 1\nskill = \"billing\"\n", 1), "count = 5", "count = 5\nskills = { general = 1 }", 1), 10, "intents.0.skill", `no agent group has skill "billing"`},
		{"skill known only to others", strings.Replace(base, "count = 5", "count = 5\nskills = { general = 1 }", 1), 7, "intents.0.skill", `no agent group has skill "(default)"`},
		{"shift outside opening hours", strings.Replace(day, "counts = [2, 3]", `shifts = [{ start = "07:00", end = "09:00", count = 2 }]`, 1), 12, "agents.0.shifts.0", "within opening hours"},
		{"break outside its shift", strings.Replace(day, "counts = [2, 3]", `shifts = [{ start = "08:00", end = "09:00", count = 2, breaks = [{ start = "08:50", length = "30m" }] }]`, 1), 12, "agents.0.shifts.0.breaks.0", "within its shift"},
		{"chat concurrency below 1", strings.Replace(base, "count = 5", "count = 5\nchat_concurrency = 0", 1), 15, "agents.0.chat_concurrency", "at least 1"},
		{"unknown channel", strings.Replace(base, "share = 1\n", "share = 1\nchannel = \"fax\"\n", 1), 10, "intents.0.channel", `unknown channel "fax"`},
		{"bad routing policy", base + "[routing]\npolicy = \"random\"\n", 16, "routing.policy", "longest_idle or group_priority"},
		{"overflow without delay", base + "[routing]\npolicy = \"group_priority\"\n", 15, "routing.overflow_after", "must be positive"},
		{"shrinkage of 1", strings.Replace(base, "count = 5", "count = 5\nshrinkage = 1.0", 1), 15, "agents.0.shrinkage.0", "fraction in [0, 1)"},
		{"retrials without delay", base + "[retrials]\nshare = 0.3\n", 15, "retrials.delay", "is required"},
		{"repeat without delay", strings.Replace(base, "share = 1\n", "share = 1\nrepeat = 0.1\n", 1), 10, "intents.0.repeat", "repeat_delay"},
		{"shifts in a steady state", strings.Replace(base, "count = 5", `shifts = [{ start = "08:00", end = "09:00", count = 2 }]`, 1), 14, "agents.0.shifts", "need a day profile"},
		{"uniform min above max", strings.Replace(base, `{ dist = "exponential", mean = "3m" }`, `{ dist = "uniform", min = "5m", max = "1m" }`, 1), 10, "intents.0.handle_time", "min <= max"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("s.toml", []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse succeeded, want an error")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is %T, want ErrorList", err, err)
			}
			e := list[0]
			if e.File != "s.toml" || (tc.line > 0 && e.Line != tc.line) {
				t.Errorf("error %q at %s:%d, want s.toml:%d", e, e.File, e.Line, tc.line)
			}
			if !strings.Contains(e.Key, tc.key) || !strings.Contains(e.Msg, tc.message) {
				t.Errorf("error = %q, want key %q and message containing %q", e, tc.key, tc.message)
			}
			if want := "s.toml:"; !strings.HasPrefix(e.Error(), want) {
				t.Errorf("Error() = %q, want prefix %q", e.Error(), want)
			}
		})
	}
}

func TestEmpiricalFile(t *testing.T) {
	src := strings.Replace(base, `{ dist = "exponential", mean = "3m" }`, `{ dist = "empirical", file = "aht.csv", column = "seconds" }`, 1)
	fsys := fstest.MapFS{
		"dir/s.toml":  {Data: []byte(src)},
		"dir/aht.csv": {Data: []byte("id,seconds\n1,100\n2,200\n3,300\n")},
		"dir/bad.csv": {Data: []byte("seconds\n100\nx\n")},
	}
	sc, err := Load(fsys, "dir/s.toml")
	if err != nil {
		t.Fatal(err)
	}
	e, ok := sc.Intents[0].HandleTime.(sim.Empirical)
	if !ok || !reflect.DeepEqual(e.Values, []float64{100, 200, 300}) {
		t.Errorf("handle time = %v, want empirical 100, 200, 300", sc.Intents[0].HandleTime)
	}
	fsys["dir/s.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(src, "aht.csv", "bad.csv", 1))}
	_, err = Load(fsys, "dir/s.toml")
	if err == nil || !strings.Contains(err.Error(), "bad.csv:3") {
		t.Errorf("Load with a bad CSV: %v, want an error naming bad.csv:3", err)
	}
}

// TestEncodeRoundTrip checks that every bundled scenario survives encode → parse.
func TestEncodeRoundTrip(t *testing.T) {
	for _, n := range Names() {
		sc, err := Bundled(n)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, sc)
	}
}

func roundTrip(t *testing.T, sc *sim.Scenario) {
	t.Helper()
	data, err := Encode(sc)
	if err != nil {
		t.Fatalf("Encode(%q): %v", sc.Name, err)
	}
	back, err := Parse("encoded.toml", data)
	if err != nil {
		t.Fatalf("Parse(Encode(%q)): %v\n%s", sc.Name, err, data)
	}
	if !reflect.DeepEqual(back, sc) {
		t.Errorf("Parse(Encode(%q)) differs:\n got %+v\nwant %+v", sc.Name, back, sc)
	}
}

// FuzzLoad parses arbitrary input: it must never panic, and whatever parses
// must survive an encode → parse round trip unchanged.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(day))
	f.Add([]byte(spreadSrc))
	for _, n := range Names() {
		src, _ := Source(n)
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := Parse("fuzz.toml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.toml") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		roundTrip(t, sc)
	})
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

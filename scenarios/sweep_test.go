package scenarios

import (
	"strings"
	"testing"
	"testing/fstest"
)

const gridSweep = `name = "containment"
base = "default"
replications = 4
seed = 11

[grid]
"intents.order_status.bot_containment" = [0.25, 0.4, 0.55]
bot.context_transfer = [true, false]
`

func TestLoadSweep(t *testing.T) {
	tests := []struct {
		name   string
		files  fstest.MapFS
		params []string
		labels []string // of the first and last point
		n      int
	}{
		{
			name:   "grid, last key fastest",
			files:  fstest.MapFS{"s.toml": {Data: []byte(gridSweep)}},
			params: []string{"intents.order_status.bot_containment", "bot.context_transfer"},
			labels: []string{"intents.order_status.bot_containment=0.25 bot.context_transfer=true", "intents.order_status.bot_containment=0.55 bot.context_transfer=false"},
			n:      6,
		},
		{
			name: "list of points, base file next to the sweep",
			files: fstest.MapFS{
				"dir/s.toml":     {Data: []byte("base = \"small.toml\"\n[[points]]\n\"agents.g.count\" = 4\n[[points]]\n\"agents.g.count\" = 6\n\"arrivals.rate\" = 120\n")},
				"dir/small.toml": {Data: []byte(base)},
			},
			params: []string{"agents.g.count", "arrivals.rate"},
			labels: []string{"agents.g.count=4", "agents.g.count=6 arrivals.rate=120"},
			n:      2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var name string
			for n := range tc.files {
				if strings.HasSuffix(n, "s.toml") {
					name = n
				}
			}
			sw, err := LoadSweep(tc.files, name)
			if err != nil {
				t.Fatal(err)
			}
			if len(sw.Points) != tc.n || strings.Join(sw.Params, ",") != strings.Join(tc.params, ",") {
				t.Fatalf("%d points, params %v; want %d, %v", len(sw.Points), sw.Params, tc.n, tc.params)
			}
			if got := sw.Points[0].Label() + " | " + sw.Points[tc.n-1].Label(); got != strings.Join(tc.labels, " | ") {
				t.Errorf("labels %q, want %q", got, strings.Join(tc.labels, " | "))
			}
			for i, p := range sw.Points {
				if p.Scenario == nil || p.Scenario.Validate() != nil {
					t.Errorf("point %d has no valid scenario", i)
				}
			}
		})
	}
	sw, _ := LoadSweep(fstest.MapFS{"s.toml": {Data: []byte(gridSweep)}}, "s.toml")
	if p := sw.Points[3]; p.Scenario.Intents[0].BotContainment != 0.4 || p.Scenario.Bot.ContextTransfer || p.Value("bot.context_transfer") != "false" {
		t.Errorf("point 3 = %s: scenario not overridden", p.Label())
	}
	if sw.Replications != 4 || *sw.Seed != 11 || sw.Name != "containment" {
		t.Errorf("sweep settings %d, %d, %q", sw.Replications, *sw.Seed, sw.Name)
	}
}

func TestSweepErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"grid and points", "base = \"default\"\n[grid]\n\"seed\" = [1]\n[[points]]\nseed = 2\n", "s.toml:4: points: give a [grid] or [[points]], not both"},
		{"nothing swept", "base = \"default\"\n", "s.toml: grid: is required"},
		{"no base", "[grid]\n\"seed\" = [1, 2]\n", "s.toml: base: is required"},
		{"unknown base", "base = \"nope\"\n[grid]\n\"seed\" = [1]\n", `s.toml:1: base: "nope": no such file next to the sweep, and no bundled scenario`},
		{"values not an array", "base = \"default\"\n[grid]\n\"seed\" = 3\n", "s.toml:3: grid.seed: must be a non-empty array"},
		{"unknown sweep key", "base = \"default\"\nreplicatons = 3\n[grid]\n\"seed\" = [1]\n", `s.toml:2: replicatons: unknown key (did you mean "replications"?)`},
		{"bad override value", "base = \"default\"\n[grid]\n\"seed\" = [1]\n\"intents.order_status.bot_containment\" = [0.3, 1.4]\n",
			"s.toml:4: grid.intents.order_status.bot_containment: point 1 (seed=1 intents.order_status.bot_containment=1.4): must be a probability"},
		{"unknown override key", "base = \"default\"\n[[points]]\n\"bot.contxt_transfer\" = false\n",
			`s.toml:3: points.0.bot.contxt_transfer: point 0 (bot.contxt_transfer=false): unknown key (did you mean "context_transfer"?)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadSweep(fstest.MapFS{"s.toml": {Data: []byte(tc.src)}}, "s.toml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("LoadSweep = %v, want %q", err, tc.want)
			}
		})
	}
}

package scenarios

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ccsim/ccsim/trainer"
)

// miniScript is a small valid role-play; the malformed cases edit it.
const miniScript = `[scenario]
id = "mini"
title = "Mini"
version = 1
start = "a"
modes = ["guided", "free"]

[vars]
mood = { type = "int", init = 0, min = -5, max = 5 }

[lexicon]
sorry = ["sorry", "apologi[sz]e"]

[rubric]
pass_pct = 50
dims = [ { id = "empathy", weight = 1, max = 2 } ]

[node.a]
say = "Hi."

[[node.a.reply]]
id = "apologise"
label = "Apologise"
match = { any = ["@sorry"] }
examples = ["so sorry"]
do = ["mood += 1"]
score = { empathy = 2 }
goto = "done"

[node.a.fallback]
say = "What?"
do = ["mood -= 1"]

[node.done]
end = "ok"
debrief = "Helped in one turn."
lines = [ { when = "mood > 0", text = "Thanks." } ]
`

func TestMiniScriptIsClean(t *testing.T) {
	errs, warns := LintRoleplay("mini.roleplay.toml", []byte(miniScript))
	if len(errs) > 0 || len(warns) > 0 {
		t.Fatalf("LintRoleplay(mini) = %v / %v, want no findings", errs, warns)
	}
}

// TestMalformedScripts edits the mini script to break it one way at a time;
// the line marked "# <-" is where the error must point.
func TestMalformedScripts(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown key", `label = "Apologise"`, `labl = "Apologise" # <-`, `unknown key (did you mean "label"?)`},
		{"missing goto target", `goto = "done"`, `goto = "dne" # <-`, `unknown node "dne" (did you mean "done"?)`},
		{"unknown lexicon", `match = { any = ["@sorry"] }`, `match = { any = ["@sory"] } # <-`, "unknown lexicon entry @sory (did you mean @sorry?)"},
		{"undefined variable", `do = ["mood += 1"]`, `do = ["moood += 1"] # <-`, `unknown variable "moood" (did you mean "mood"?)`},
		{"type error", `do = ["mood += 1"]`, `do = ["mood += true"] # <-`, `cannot assign bool to int "mood"`},
		{"condition not bool", `lines = [ { when = "mood > 0", text = "Thanks." } ]`, "lines = [ { when = \"mood + 1\", text = \"Thanks.\" } ] # <-", "is int, want bool"},
		{"bad regex", `match = { any = ["@sorry"] }`, `match = { any = ["(sorry"] } # <-`, "bad pattern"},
		{"duplicate reply id", `[node.a.fallback]`, "[[node.a.reply]]\nid = \"apologise\" # <-\nlabel = \"Again\"\n\n[node.a.fallback]", `duplicate reply id "apologise"`},
		{"unreachable node", `[node.done]`, "[node.orphan] # <-\nend = \"lost\"\n\n[node.done]", `unreachable node "orphan"`},
		{"dead end", `goto = "done"`, "goto = \"limbo\"\n\n[node.limbo] # <-\nsay = \"...\"\n", `dead end: node "limbo"`},
		{"cycle without end", `goto = "done"`, "goto = \"loop\"\n\n[node.loop] # <-\nsay = \"Again?\"\nfallback = { say = \"?\" }\n[[node.loop.reply]]\nid = \"again\"\nlabel = \"Again\"\nmatch = { any = [\"again\"] }\nexamples = [\"again\"]\n", `no path from node "loop" reaches an end`},
		{"branch without else", `goto = "done"`, "goto = \"b\"\n\n[node.b]\nbranch = [ { when = \"mood > 0\", goto = \"done\" } ] # <-\n", "branch has no else"},
		{"free-text node without fallback", "[node.a.fallback]\nsay = \"What?\"\ndo = [\"mood -= 1\"]\n", "", "free-text node \"a\" has no fallback"},
		{"example too close to another reply", `[node.a.fallback]`, "[[node.a.reply]]\nid = \"hello\"\nlabel = \"Hello\"\nmatch = { any = [\"hello\"] }\nexamples = [\"so sorry\"] # <-\n\n[node.a.fallback]", `example "so sorry" of reply "hello" is too close to reply "apologise"`},
		{"example vetoed by its own reply", "match = { any = [\"@sorry\"] }\nexamples = [\"so sorry\"]", "match = { any = [\"@sorry\"], none = [\"so\"] }\nexamples = [\"so sorry\"] # <-", `example "so sorry" of reply "apologise" is not understood even with it`},
		{"pass mark unreachable", "pass_pct = 50\ndims = [ { id = \"empathy\", weight = 1, max = 2 } ]", "pass_pct = 60 # <-\ndims = [ { id = \"empathy\", weight = 1, max = 4 } ]", "pass mark 60% is unreachable"},
		{"timeout without handler", `say = "Hi."`, "say = \"Hi.\"\ntimeout_s = 30 # <-", "timeout_s without on_timeout"},
		{"init out of range", `mood = { type = "int", init = 0, min = -5, max = 5 }`, `mood = { type = "int", init = 9, min = -5, max = 5 } # <-`, "init 9 is out of range [-5, 5]"},
		{"unknown dimension", `score = { empathy = 2 }`, `score = { empathi = 2 } # <-`, `unknown rubric dimension "empathi"`},
		{"random in a reply's when", `examples = ["so sorry"]`, "examples = [\"so sorry\"]\nwhen = \"chance(0.5)\" # <-", "chance() cannot be used in a reply's when"},
		{"unknown mode", `modes = ["guided", "free"]`, `modes = ["guided", "chat"] # <-`, `unknown mode "chat"`},
		{"TOML syntax", `title = "Mini"`, `title = "Mini # <-`, ""},
		{"duplicate node table", `[node.done]`, "[node.a] # <-\nsay = \"x\"\n\n[node.done]", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(miniScript, tc.old) {
				t.Fatalf("case edits %q, which the mini script lacks", tc.old)
			}
			src := strings.Replace(miniScript, tc.old, tc.new, 1)
			wantLine := markerLine(src)
			if wantLine == 0 { // a removal: the error is on the node's header
				wantLine = markerLine(strings.Replace(src, "[node.a]\n", "[node.a] # <-\n", 1))
			}
			errs, _ := LintRoleplay("bad.roleplay.toml", []byte(src))
			if len(errs) == 0 {
				t.Fatalf("LintRoleplay found no error, want %q at line %d", tc.want, wantLine)
			}
			for _, e := range errs {
				if strings.Contains(e.Msg, tc.want) {
					if e.Line != wantLine || e.File != "bad.roleplay.toml" {
						t.Errorf("error %q at %s:%d, want line %d", e.Msg, e.File, e.Line, wantLine)
					}
					return
				}
			}
			t.Errorf("errors = %v, want one containing %q at line %d", errs, tc.want, wantLine)
		})
	}
}

func markerLine(src string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "# <-") {
			return i + 1
		}
	}
	return 0
}

func TestParseRoleplayErrorsHaveLines(t *testing.T) {
	src := strings.Replace(miniScript, `goto = "done"`, `goto = "nowhere"`, 1)
	_, err := ParseRoleplay("x.roleplay.toml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("ParseRoleplay error = %v, want one located error", err)
	}
	if got, want := list[0].Error(), `x.roleplay.toml:28: node.a.reply.0.goto: unknown node "nowhere"`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

func TestLoadRoleplay(t *testing.T) {
	fsys := fstest.MapFS{"rp/mini.roleplay.toml": {Data: []byte(miniScript)}}
	sc, err := LoadRoleplay(fsys, "rp/mini.roleplay.toml")
	if err != nil {
		t.Fatal(err)
	}
	if sc.ID != "mini" || len(sc.Nodes) != 2 || sc.Nodes[0].ID != "a" || sc.Hash == "" {
		t.Errorf("LoadRoleplay = id %q, %d nodes, hash %q; want mini, 2 nodes in file order, a hash", sc.ID, len(sc.Nodes), sc.Hash)
	}
	if _, err := LoadRoleplay(fsys, "rp/missing.roleplay.toml"); err == nil {
		t.Error("LoadRoleplay(missing) succeeded")
	}
}

func TestBundledRoleplays(t *testing.T) {
	names := RoleplayNames()
	if len(names) < 2 {
		t.Fatalf("RoleplayNames() = %v, want at least 2", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			data, ok := RoleplaySource(name)
			if !ok {
				t.Fatalf("RoleplaySource(%q) missing", name)
			}
			errs, warns := LintRoleplay(name+".roleplay.toml", data)
			if len(errs) > 0 || len(warns) > 0 {
				t.Errorf("lint: %v\n%v", errs, warns)
			}
			sc, err := BundledRoleplay(name)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := trainer.Playtest(sc, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.Plans {
				for _, f := range p.Failures {
					t.Errorf("plan %q: %s", p.Name, f)
				}
			}
			if len(rep.MissedNodes) > 0 || len(rep.MissedEnds) > 0 {
				t.Errorf("never reached nodes %v, endings %v", rep.MissedNodes, rep.MissedEnds)
			}
			for _, mode := range []trainer.Mode{trainer.ModeGuided, trainer.ModeFree} {
				if !sc.HasMode(mode) {
					t.Errorf("%s is not playable in %s mode", name, mode)
				}
				reached := map[string]bool{}
				for seed := uint64(1); seed <= 400; seed++ {
					s, err := trainer.RandomPlay(sc, seed, mode, 300)
					if err != nil {
						t.Fatal(err)
					}
					reached[s.Outcome()] = true
				}
				for _, o := range sc.Outcomes() {
					if !reached[o] {
						t.Errorf("%s mode: no random playthrough reached outcome %q", mode, o)
					}
				}
			}
		})
	}
	if _, err := BundledRoleplay("nope"); err == nil {
		t.Error("BundledRoleplay(nope) succeeded")
	}
}

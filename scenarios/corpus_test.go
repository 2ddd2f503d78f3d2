package scenarios

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/trainer"
)

// TestCorpusAccuracy runs every bundled script's four labelled corpora and
// logs the figures per script and overall, with every line that failed:
// testdata/corpus (written apart from the scripts' examples; the
// development corpus, whose misses guided work on the matcher),
// testdata/corpus-fresh (written later by someone who did not write the
// scripts; held out at first, development data since its use log says so),
// testdata/corpus-blind (written by someone who saw neither the scripts'
// examples nor the other corpora; the test set until its failing lines were
// read, as its use log says) and testdata/corpus-unseen (written the same
// way, the test set now; its README logs every look).
//
// It asserts issue 12's targets where the engine reaches them and, where
// it does not yet, floors at today's figures, so that a change cannot move
// them away from the targets (paraphrases understood: at least 90 %;
// breaches firing their rules: at least 90 %; a rule firing on near misses:
// at most 5 %; word salad never understood). The gap to the targets is
// logged on every run and tracked in issue 12.
func TestCorpusAccuracy(t *testing.T) {
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) { corpusAccuracy(t, c) })
	}
}

// corpus is one labelled corpus of every bundled script and its floors.
type corpus struct {
	name, dir          string
	overall, perScript map[string]corpusFloor
}

var corpora = []corpus{
	{"development", "testdata/corpus",
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 90, maxFired: 100},
			trainer.KindBreach:     {minFired: 95, maxFired: 100, minNamed: 95},
			trainer.KindNearMiss:   {maxFired: 6}, // 4 of 78 lines
			trainer.KindOffTopic:   {minCorrect: 85, maxFired: 5},
			trainer.KindSalad:      {minCorrect: 100, maxFired: 0},
		},
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 80, maxFired: 100},
			trainer.KindBreach:     {minFired: 50, maxFired: 100},
			trainer.KindNearMiss:   {maxFired: 30},
			trainer.KindOffTopic:   {minCorrect: 60, maxFired: 20},
			trainer.KindSalad:      {minCorrect: 100, maxFired: 0},
		}},
	{"held-out", "testdata/corpus-fresh",
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 90, maxFired: 100},
			trainer.KindBreach:     {minFired: 88, maxFired: 100, minNamed: 87},
			trainer.KindNearMiss:   {maxFired: 5}, // 4 of 84 lines
			trainer.KindOffTopic:   {minCorrect: 85, maxFired: 5},
			trainer.KindSalad:      {minCorrect: 100, maxFired: 0},
		},
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 80, maxFired: 100},
			trainer.KindBreach:     {minFired: 30, maxFired: 100},
			trainer.KindNearMiss:   {maxFired: 29}, // 2 of 7 lines
			trainer.KindOffTopic:   {minCorrect: 60, maxFired: 34},
			trainer.KindSalad:      {minCorrect: 100, maxFired: 0},
		}},
	{"blind", "testdata/corpus-blind",
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 91, maxFired: 100}, // 133 of 145 lines
			trainer.KindBreach:     {minFired: 82, maxFired: 100, minNamed: 81},
			trainer.KindNearMiss:   {maxFired: 4}, // 3 of 85 lines
			trainer.KindOffTopic:   {minCorrect: 91, maxFired: 3},
			trainer.KindSalad:      {minCorrect: 87, maxFired: 0}, // 3 of 24 understood
		},
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 72, maxFired: 100},
			trainer.KindBreach:     {minFired: 50, maxFired: 100},
			trainer.KindNearMiss:   {maxFired: 15}, // 1 of 7 lines
			trainer.KindOffTopic:   {minCorrect: 33, maxFired: 34},
			trainer.KindSalad:      {minCorrect: 50, maxFired: 0},
		}},
	{"unseen", "testdata/corpus-unseen",
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 96, maxFired: 100}, // 125 of 129 lines
			trainer.KindBreach:     {minFired: 88, maxFired: 100, minNamed: 88},
			trainer.KindNearMiss:   {maxFired: 9}, // 6 of 72 lines
			trainer.KindOffTopic:   {minCorrect: 100, maxFired: 0},
			trainer.KindSalad:      {minCorrect: 100, maxFired: 0},
		},
		map[string]corpusFloor{
			trainer.KindParaphrase: {minCorrect: 87, maxFired: 100},
			trainer.KindBreach:     {minFired: 77, maxFired: 100},
			trainer.KindNearMiss:   {maxFired: 17}, // 1 of 6 lines
			trainer.KindOffTopic:   {minCorrect: 100, maxFired: 0},
			trainer.KindSalad:      {minCorrect: 100, maxFired: 0},
		}},
}

func corpusAccuracy(t *testing.T, c corpus) {
	var all []trainer.KindScore
	var table strings.Builder
	fmt.Fprintf(&table, "\n%s corpus (%s)\n%-20s %-11s %5s %7s %6s %6s\n", c.name, c.dir, "script", "kind", "lines", "correct", "fired", "named")
	for i, rep := range runCorpora(t, c) {
		name := RoleplayNames()[i]
		for _, k := range rep.Kinds {
			fmt.Fprintf(&table, "%-20s %-11s %5d %6.0f%% %5.0f%% %5.0f%%\n", name, k.Kind, k.Lines, k.Pct(k.Correct), k.Pct(k.Fired), k.Pct(k.Named))
			all = addKind(all, k)
			checkCorpusKind(t, name, k, c.perScript)
		}
		for _, f := range rep.Failures {
			t.Logf("%s: %s at %s: %q: want %s, got %s", f.Where, f.Kind, f.Node, f.Text, f.Want, f.Got)
		}
	}
	for _, k := range all {
		fmt.Fprintf(&table, "%-20s %-11s %5d %6.0f%% %5.0f%% %5.0f%%\n", "all", k.Kind, k.Lines, k.Pct(k.Correct), k.Pct(k.Fired), k.Pct(k.Named))
		checkCorpusKind(t, "all corpora", k, c.overall)
	}
	t.Log(table.String())
	for _, p := range (trainer.CorpusReport{Kinds: all}).Problems() {
		t.Logf("issue 12 target not met yet (%s corpus): %s", c.name, p)
	}
}

// runCorpora runs corpus c of every bundled script, in RoleplayNames order.
func runCorpora(t *testing.T, c corpus) []trainer.CorpusReport {
	t.Helper()
	var reps []trainer.CorpusReport
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatalf("BundledRoleplay(%q): %v", name, err)
		}
		lines, err := LoadCorpus(os.DirFS(c.dir), name+CorpusSuffix)
		if err != nil {
			t.Fatalf("LoadCorpus(%q): %v", name, err)
		}
		reps = append(reps, trainer.RunCorpus(sc, lines))
	}
	return reps
}

// corpusFloor is what TestCorpusAccuracy asserts for one kind of line: the
// least share correct, the least share that fires a rule, the largest share
// that fires one and the least share on which every rule the line names
// fired, in percent.
type corpusFloor struct{ minCorrect, minFired, maxFired, minNamed float64 }

func checkCorpusKind(t *testing.T, who string, k trainer.KindScore, floors map[string]corpusFloor) {
	t.Helper()
	f, ok := floors[k.Kind]
	if !ok {
		t.Errorf("%s: unknown corpus kind %q", who, k.Kind)
		return
	}
	correct, fired, named := k.Pct(k.Correct), k.Pct(k.Fired), k.Pct(k.Named)
	if correct < f.minCorrect || fired < f.minFired || fired > f.maxFired || named < f.minNamed {
		t.Errorf("%s: %s: %.0f%% of %d lines correct, %.0f%% fired a rule, %.0f%% fired every rule they name; want at least %.0f%% correct, %.0f%%–%.0f%% fired and %.0f%% their rules",
			who, k.Kind, correct, k.Lines, fired, named, f.minCorrect, f.minFired, f.maxFired, f.minNamed)
	}
}

func addKind(all []trainer.KindScore, k trainer.KindScore) []trainer.KindScore {
	for i := range all {
		if all[i].Kind == k.Kind {
			all[i].Lines += k.Lines
			all[i].Correct += k.Correct
			all[i].Fired += k.Fired
			all[i].Named += k.Named
			return all
		}
	}
	return append(all, k)
}

func TestParseCorpus(t *testing.T) {
	tests := []struct {
		name, src string
		wantErr   string // substring of the error; "" for none
		check     func(t *testing.T, lines []trainer.CorpusLine)
	}{
		{name: "reply absent, empty and given", src: `
[[line]]
text = "hello"
node = "a"
kind = "near_miss"
near = "r"

[[line]]
text = "blue cheese"
node = "a"
reply = ""
kind = "off_topic"

[[line]]
text = "sorry"
node = "a"
reply = "own_it"
set = { verified = "false", n = 3, b = true }
kind = "paraphrase"
`, check: func(t *testing.T, lines []trainer.CorpusLine) {
			if len(lines) != 3 {
				t.Fatalf("got %d lines, want 3", len(lines))
			}
			if lines[0].HasReply || !lines[1].HasReply || lines[2].Reply != "own_it" {
				t.Errorf("HasReply/Reply = %v %v %q, want false true own_it", lines[0].HasReply, lines[1].HasReply, lines[2].Reply)
			}
			if got := lines[2].Set; got["verified"] != "false" || got["n"] != "3" || got["b"] != "true" {
				t.Errorf("Set = %v, want verified=false n=3 b=true", got)
			}
			if got, want := lines[2].Where, "c.corpus.toml:14"; got != want {
				t.Errorf("Where = %q, want %q", got, want)
			}
		}},
		{name: "unknown key", src: "[[line]]\ntext = \"x\"\nnode = \"a\"\nkind = \"salad\"\nreplies = \"y\"\n", wantErr: "c.corpus.toml:5"},
		{name: "unknown kind", src: "[[line]]\ntext = \"x\"\nnode = \"a\"\nkind = \"parafrase\"\nreply = \"r\"\n", wantErr: "unknown kind"},
		{name: "paraphrase without reply", src: "[[line]]\ntext = \"x\"\nnode = \"a\"\nkind = \"paraphrase\"\n", wantErr: "needs the reply"},
		{name: "breach without rules", src: "[[line]]\ntext = \"x\"\nnode = \"a\"\nkind = \"breach\"\n", wantErr: "needs the rules"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines, err := ParseCorpus("c.corpus.toml", []byte(tc.src))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseCorpus error = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseCorpus: %v", err)
			}
			tc.check(t, lines)
		})
	}
}

package scenarios

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/trainer"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the corpus tables in ../README.md")

// TestReadmeCorpusTables checks that the README's tables of understanding
// per script (between <!-- corpus:NAME:start --> and <!-- corpus:NAME:end -->)
// are what the corpora give now; -update-readme rewrites them.
func TestReadmeCorpusTables(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, c := range corpora {
		start, end := "<!-- corpus:"+c.dir+":start -->\n", "<!-- corpus:"+c.dir+":end -->"
		i, j := strings.Index(readme, start), strings.Index(readme, end)
		if i < 0 || j < i {
			t.Fatalf("README.md lacks %q ... %q", start, end)
		}
		want := corpusTable(t, c)
		if got := readme[i+len(start) : j]; got != want {
			if *updateReadme {
				readme = readme[:i+len(start)] + want + readme[j:]
				continue
			}
			t.Errorf("README.md's %s table is out of date (go test ./scenarios -run TestReadmeCorpusTables -update-readme):\ngot\n%s\nwant\n%s", c.name, got, want)
		}
	}
	if *updateReadme {
		if err := os.WriteFile("../README.md", []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// corpusTable is the markdown table of a corpus per script and overall.
func corpusTable(t *testing.T, c corpus) string {
	var b strings.Builder
	b.WriteString("| script | lines | paraphrases understood | breaches that fire their rules | near misses that fire a rule | off-topic not understood | word salad not understood |\n|---|---|---|---|---|---|---|\n")
	var all []trainer.KindScore
	row := func(name string, ks []trainer.KindScore) {
		get := func(kind string) trainer.KindScore {
			for _, k := range ks {
				if k.Kind == kind {
					return k
				}
			}
			return trainer.KindScore{Kind: kind}
		}
		lines := 0
		for _, k := range ks {
			lines += k.Lines
		}
		pct := func(k trainer.KindScore, n int) string {
			if k.Lines == 0 {
				return "–"
			}
			return fmt.Sprintf("%.0f%%", k.Pct(n))
		}
		p, br, nm, ot, sa := get(trainer.KindParaphrase), get(trainer.KindBreach), get(trainer.KindNearMiss), get(trainer.KindOffTopic), get(trainer.KindSalad)
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s |\n", name, lines, pct(p, p.Correct), pct(br, br.Named),
			pct(nm, nm.Fired), pct(ot, ot.Correct), pct(sa, sa.Correct))
	}
	for i, rep := range runCorpora(t, c) {
		for _, k := range rep.Kinds {
			all = addKind(all, k)
		}
		row("`"+RoleplayNames()[i]+"`", rep.Kinds)
	}
	row("**all**", all)
	return b.String()
}

package scenarios

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/trainer"
)

var updateOrder = flag.Bool("update-order", false, "rewrite trainer/order_LANG.txt from the bundled scripts' phrasings")

// scriptSentences are the phrasings of the bundled scripts in a language:
// customer lines, reply texts, labels and examples, rule examples, near
// misses and dismissals. Never the corpora.
func scriptSentences(t *testing.T, lang string) []string {
	var out []string
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatal(err)
		}
		if l := sc.Lang; l != lang && !(l == "" && lang == "en") {
			continue
		}
		for _, n := range sc.Nodes {
			for _, l := range n.Enter.Lines {
				out = append(out, l.Text...)
			}
			for _, r := range n.Replies {
				out = append(out, r.Examples...)
				out = append(out, r.Text, r.Label)
				for _, l := range r.Effect.Lines {
					out = append(out, l.Text...)
				}
			}
		}
		for _, r := range sc.Rules {
			out = append(append(append(out, r.Examples...), r.NearMisses...), r.Dismissals...)
		}
	}
	return out
}

// TestOrderModelData rebuilds the embedded word-order counts from the
// bundled scripts with -update-order; without it, it checks that the
// embedded counts were built from enough sentences to be a model.
func TestOrderModelData(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		sents := scriptSentences(t, lang)
		var b bytes.Buffer
		if err := trainer.BuildOrderModel(&b, sents); err != nil {
			t.Fatal(err)
		}
		path := "../trainer/order_" + lang + ".txt"
		if *updateOrder {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(got, []byte("\n")); n < 1000 {
			t.Errorf("%s has %d bigram lines, want a model built from the scripts (go test ./scenarios -run TestOrderModelData -update-order)", path, n)
		}
		t.Logf("%s: %d sentences", lang, len(sents))
	}
}

// orderLine is a corpus line and its script's language.
type orderLine struct{ lang, text string }

// TestCalibrateOrder is how OrderThresholds were chosen: the corpora's
// paraphrases, breaches and near misses of at least five words (never in
// the counts) must stay sentences, and the same lines with their words
// shuffled should be word salad. It sweeps the threshold and logs, per
// language, real lines taken for salad and shuffled lines caught; the
// default must cost no more than the sweep's best plus one, the cost being
// thirty times the share of real lines lost plus the share of shuffled
// lines missed (a real answer not understood is far worse than a salad
// understood: the trainee did nothing wrong),
// for each language.
func TestCalibrateOrder(t *testing.T) {
	var real []orderLine
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatal(err)
		}
		lang := sc.Lang
		if lang == "" {
			lang = "en"
		}
		for _, dir := range []string{"testdata/corpus", "testdata/corpus-fresh"} {
			lines, err := LoadCorpus(os.DirFS(dir), name+CorpusSuffix)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range lines {
				if (l.Kind == trainer.KindParaphrase || l.Kind == trainer.KindBreach || l.Kind == trainer.KindNearMiss) &&
					len(strings.Fields(l.Text)) >= 8 {
					real = append(real, orderLine{lang, l.Text})
				}
			}
		}
	}
	rnd := rand.New(rand.NewPCG(7, 7))
	shuffled := make([]orderLine, len(real))
	for i, l := range real {
		ws := strings.Fields(l.text)
		rnd.Shuffle(len(ws), func(a, b int) { ws[a], ws[b] = ws[b], ws[a] })
		shuffled[i] = orderLine{l.lang, strings.Join(ws, " ")}
	}
	for _, lang := range []string{"en", "de"} {
		var b strings.Builder
		fmt.Fprintf(&b, "\n%s threshold  real lines taken for salad  shuffled lines caught\n", lang)
		cost := func(th float64) float64 {
			r, rn, rof := orderShare(real, lang, th)
			s, sn, sof := orderShare(shuffled, lang, th)
			c := 30*r + (100 - s)
			fmt.Fprintf(&b, "%12.2f  %5.1f%% (%d of %d)  %16.1f%% (%d of %d)  cost %.1f\n", th, r, rn, rof, s, sn, sof, c)
			return c
		}
		best := 1e9
		for _, th := range []float64{-0.7, -0.6, -0.5, -0.4, -0.3, -0.2, -0.1, 0} {
			best = min(best, cost(th))
		}
		def := cost(trainer.OrderThresholds[lang])
		t.Logf("%s\ndefault %.2f: cost %.1f (best %.1f)", b.String(), trainer.OrderThresholds[lang], def, best)
		if def > best+1 {
			t.Errorf("%s: default cost %.1f, the sweep's best %.1f: recalibrate OrderThresholds", lang, def, best)
		}
	}
}

// orderShare is the share (and count) of a language's lines whose order
// score is below th.
func orderShare(ls []orderLine, lang string, th float64) (share float64, n, of int) {
	for _, l := range ls {
		if l.lang == lang {
			of++
			if s, _ := trainer.OrderScore(lang, l.text); s < th {
				n++
			}
		}
	}
	return pct(n, of), n, of
}

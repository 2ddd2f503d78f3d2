package trainer

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Word order. Word salad made of sentence words ("how for i contacting
// thanks can us, help?") has the function words of a sentence but not its
// order. A bigram model over word classes tells the two apart: each of a
// language's most frequent words is its own class, every other word is
// "C" (content) or "N" (a number), punctuation ends a clause. A line's
// order score is the mean, over its class bigrams, of log p(b | a) - log
// p(b): how much better the bigram model predicts each word than word
// frequency alone. Sentences score above 0; the same words shuffled score
// below. The counts are built from the bundled scripts' phrasings (go test
// ./scenarios -run TestOrderModelData -update-order) and embedded.

//go:embed order_*.txt
var orderFiles embed.FS

// OrderThresholds are, by language, the order score below which a line
// of at least orderMinWords words is word salad. They were chosen on the
// labelled corpora (which the counts do not contain) against the same lines
// shuffled (scenarios' TestCalibrateOrder, a real line lost costing thirty
// shuffled lines missed): of their paraphrases, breaches and near misses of
// eight words or more, 1 of 653 English and none of 239 German fall below
// them; of the same lines shuffled, 84 % of the English and 34 % of the
// German do. German is stricter: its counts come from a third as many
// sentences, and its verb-final clauses ("weil Max das nicht kann") read as
// disorder more often.
var OrderThresholds = map[string]float64{"en": -0.3, "de": -0.6}

// orderMinWords is the fewest words a line needs to be judged by its order:
// shorter lines have too few bigrams to tell, and function-word pairs the
// scripts never use ("ok so here are your options") weigh too much in them.
const orderMinWords = 8

// orderFunctionWords is how many of the most frequent words are classes of
// their own.
const orderFunctionWords = 160

// orderSmoothing is added to every count (add-k smoothing).
const orderSmoothing = 0.1

// orderToken reads numbers with their separators as one word ("14.99",
// "9.14pm", "3-5", "10:30"), so their dots and colons do not end a clause.
var orderToken = regexp.MustCompile(`\p{N}+(?:[.,:/-]\p{N}+)*\p{L}*|[\p{L}\p{N}']+|[.,!?;:]`)

// orderModel holds class bigram counts.
type orderModel struct {
	class      map[string]string // function word -> itself
	bi         map[[2]string]float64
	from, to   map[string]float64 // counts of a class as first and as second of a bigram
	total, cls float64            // bigrams; classes
	threshold  float64            // OrderThresholds of its language
}

var (
	orderOnce   sync.Once
	orderModels map[string]*orderModel
	orderErr    error
)

// orderFor returns the embedded model of a language (nil when it has none).
func orderFor(lang string) *orderModel {
	orderOnce.Do(func() {
		orderModels = map[string]*orderModel{}
		for _, l := range []string{"en", "de"} {
			data, err := orderFiles.ReadFile("order_" + l + ".txt")
			if err != nil {
				orderErr = err
				return
			}
			m, err := parseOrder(bytes.NewReader(data))
			if err != nil {
				orderErr = fmt.Errorf("order_%s.txt: %w", l, err)
				return
			}
			m.threshold = OrderThresholds[l]
			orderModels[l] = m
		}
	})
	if orderErr != nil {
		panic("trainer: embedded word-order model: " + orderErr.Error()) // a build defect, caught by every test
	}
	return orderModels[lang]
}

// classes maps a line to its class sequence, with <s> and </s>, one
// clause end between clauses and none at the ends; and counts its words.
func (m *orderModel) classes(text string) ([]string, int) {
	out, words := []string{"<s>"}, 0
	for _, t := range orderToken.FindAllString(strings.ToLower(text), -1) {
		c := orderClass(m.class, t)
		if c == "|" && (out[len(out)-1] == "|" || out[len(out)-1] == "<s>") {
			continue
		}
		if c != "|" {
			words++
		}
		out = append(out, c)
	}
	if out[len(out)-1] == "|" {
		out = out[:len(out)-1]
	}
	return append(out, "</s>"), words
}

// orderClass is a token's class given the function words.
func orderClass(function map[string]string, t string) string {
	switch {
	case len(t) == 1 && strings.ContainsAny(t, ".,!?;:"):
		return "|"
	case function[t] != "":
		return t
	case t[0] >= '0' && t[0] <= '9':
		return "N"
	}
	return "C"
}

// score is the line's order score (see above) and its word count.
func (m *orderModel) score(text string) (float64, int) {
	cs, words := m.classes(text)
	k := orderSmoothing
	sum := 0.0
	for i := 1; i < len(cs); i++ {
		a, b := cs[i-1], cs[i]
		cond := (m.bi[[2]string{a, b}] + k) / (m.from[a] + k*m.cls)
		marg := (m.to[b] + k) / (m.total + k*m.cls)
		sum += math.Log(cond) - math.Log(marg)
	}
	return sum / float64(len(cs)-1), words
}

// salad reports whether a line is word salad by its order.
func (m *orderModel) salad(text string) bool {
	if m == nil {
		return false
	}
	s, words := m.score(text)
	return words >= orderMinWords && s < m.threshold
}

// BuildOrderModel counts the class bigrams of sentences and writes them in
// the embedded format: a line "function WORD…" and one line per bigram,
// "A B COUNT", sorted.
func BuildOrderModel(w io.Writer, sentences []string) error {
	freq := map[string]int{}
	for _, s := range sentences {
		for _, t := range orderToken.FindAllString(strings.ToLower(s), -1) {
			if c := orderClass(nil, t); c != "|" && c != "N" {
				freq[t]++ // numbers are class N, never function words
			}
		}
	}
	words := make([]string, 0, len(freq))
	for t := range freq {
		words = append(words, t)
	}
	sort.Slice(words, func(i, j int) bool {
		return freq[words[i]] > freq[words[j]] || freq[words[i]] == freq[words[j]] && words[i] < words[j]
	})
	m := &orderModel{class: map[string]string{}}
	for _, t := range words[:min(orderFunctionWords, len(words))] {
		m.class[t] = t
	}
	counts := map[[2]string]int{}
	for _, s := range sentences {
		cs, _ := m.classes(s)
		for i := 1; i < len(cs); i++ {
			counts[[2]string{cs[i-1], cs[i]}]++
		}
	}
	fn := words[:min(orderFunctionWords, len(words))]
	sort.Strings(fn)
	if _, err := fmt.Fprintf(w, "function %s\n", strings.Join(fn, " ")); err != nil {
		return err
	}
	keys := make([][2]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		if _, err := fmt.Fprintf(w, "%s %s %d\n", k[0], k[1], counts[k]); err != nil {
			return err
		}
	}
	return nil
}

// parseOrder reads a model written by BuildOrderModel.
func parseOrder(r io.Reader) (*orderModel, error) {
	m := &orderModel{class: map[string]string{}, bi: map[[2]string]float64{}, from: map[string]float64{}, to: map[string]float64{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if line == 1 {
			if len(f) == 0 || f[0] != "function" {
				return nil, fmt.Errorf("line 1: want \"function WORD…\"")
			}
			for _, t := range f[1:] {
				m.class[t] = t
			}
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want \"A B COUNT\"", line)
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("line %d: count %q is not a positive integer", line, f[2])
		}
		c := float64(n)
		m.bi[[2]string{f[0], f[1]}] += c
		m.from[f[0]] += c
		m.to[f[1]] += c
		m.total += c
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if line == 0 {
		return nil, fmt.Errorf("empty model")
	}
	m.cls = float64(len(m.class) + 5) // function words, C, N, |, <s>, </s>
	return m, nil
}

// OrderScore is a line's word-order score in a language ("en" or "de")
// and its word count; for calibration.
func OrderScore(lang, text string) (float64, int) {
	m := orderFor(lang)
	if m == nil {
		return 0, 0
	}
	return m.score(text)
}

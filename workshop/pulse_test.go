package workshop

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/scenarios"
)

// tinyPulse has one plain and one reverse-scored trust statement and one fear statement.
const tinyPulse = `name = "tiny"
languages = ["en"]
[anchors]
en = ["1", "2", "3", "4", "5"]
[[scales]]
id = "trust"
label = { en = "Trust" }
[[scales]]
id = "fear"
label = { en = "Fear" }
[[statements]]
id = "a"
scale = "trust"
text = { en = "A." }
[[statements]]
id = "b"
scale = "trust"
reverse = true
text = { en = "B." }
[[statements]]
id = "f"
scale = "fear"
text = { en = "F." }
[free_text]
id = "help"
text = { en = "Help?" }
`

func tiny(tb testing.TB) *scenarios.Instrument {
	tb.Helper()
	in, err := scenarios.ParsePulse("tiny.pulse.toml", []byte(tinyPulse))
	if err != nil {
		tb.Fatal(err)
	}
	return in
}

// TestScoredReverse: a reverse-scored statement counts 6 minus the answer.
func TestScoredReverse(t *testing.T) {
	in := tiny(t)
	for a := 1; a <= 5; a++ {
		if got := Scored(in.Statements[0], a); got != a {
			t.Errorf("Scored(plain, %d) = %d, want %d", a, got, a)
		}
		if got := Scored(in.Statements[1], a); got != 6-a {
			t.Errorf("Scored(reverse, %d) = %d, want %d", a, got, 6-a)
		}
	}
}

// TestRespondentIndex against hand-worked examples: (scored − 1) / 4 × 100,
// averaged over the scale's answered statements.
func TestRespondentIndex(t *testing.T) {
	in := tiny(t)
	cases := []struct {
		name    string
		answers map[string]int
		scale   string
		want    float64
		ok      bool
	}{
		{"agree with a, disagree with reverse b", map[string]int{"a": 5, "b": 1}, "trust", 100, true},
		{"a=2 (25), b=4 reversed to 2 (25)", map[string]int{"a": 2, "b": 4}, "trust", 25, true},
		{"a=4 (75), b=3 (50)", map[string]int{"a": 4, "b": 3}, "trust", 62.5, true},
		{"b skipped: a=3 alone", map[string]int{"a": 3}, "trust", 50, true},
		{"fear f=4", map[string]int{"a": 1, "f": 4}, "fear", 75, true},
		{"nothing on the scale", map[string]int{"a": 1}, "fear", 0, false},
	}
	for _, tc := range cases {
		got, ok := RespondentIndex(in, tc.scale, tc.answers)
		if ok != tc.ok || got != tc.want {
			t.Errorf("%s: RespondentIndex = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

// fiveRespondents are the hand-worked before/after answers of the paired
// test: trust indices before 25, 50, 0, 100, 37.5 and after 75, 62.5, 25,
// 100, 62.5, so differences 50, 12.5, 25, 0, 25.
func fiveRespondents(round string) []PulseAnswer {
	ab := [][4]int{{2, 4, 4, 2}, {3, 3, 4, 3}, {1, 5, 2, 4}, {5, 1, 5, 1}, {2, 3, 3, 2}}
	var out []PulseAnswer
	for i, x := range ab {
		r := string(rune('p' + i))
		out = append(out, PulseAnswer{Round: round, Respondent: r, Phase: "before", Answers: map[string]int{"a": x[0], "b": x[1], "f": 3}},
			PulseAnswer{Round: round, Respondent: r, Phase: "after", Answers: map[string]int{"a": x[2], "b": x[3], "f": 2}})
	}
	return out
}

// TestPairedChange: the change of the trust index is the mean of the paired
// differences, 22.5, with the t-interval 22.5 ± t(0.975, 4) · s/√5, where
// s² = (27.5² + 10² + 2.5² + 22.5² + 2.5²) / 4 = 343.75 and t(0.975, 4) =
// 2.776445 (tables): ± 23.0209.
func TestPairedChange(t *testing.T) {
	in := tiny(t)
	d := RoundData{Round: PulseRound{ID: "R1"}, Answers: fiveRespondents("R1")}
	// A sixth respondent who answered only before counts in "before" but
	// not in the paired change.
	d.Answers = append(d.Answers, PulseAnswer{Round: "R1", Respondent: "z", Phase: "before", Answers: map[string]int{"a": 5, "b": 1}})
	s := Summarize(in, d, "en", 0)
	tr := s.Scales[0]
	if tr.Scale != "trust" || tr.Change == nil || tr.Before == nil || tr.After == nil {
		t.Fatalf("trust summary %+v, want before, after and change", tr)
	}
	half := 2.7764451051977987 * math.Sqrt(343.75/5)
	want := Interval{Mean: 22.5, CI95: [2]float64{22.5 - half, 22.5 + half}, N: 5}
	if got := *tr.Change; math.Abs(got.Mean-want.Mean) > 1e-9 || math.Abs(got.CI95[0]-want.CI95[0]) > 1e-6 ||
		math.Abs(got.CI95[1]-want.CI95[1]) > 1e-6 || got.N != 5 {
		t.Errorf("trust change = %+v, want %+v", got, want)
	}
	if got := tr.Before.Mean; math.Abs(got-(25+50+0+100+37.5+100)/6) > 1e-9 || tr.Before.N != 6 {
		t.Errorf("trust before = %v from %d, want 52.08 from 6", got, tr.Before.N)
	}
	if got := tr.After.Mean; got != 65 {
		t.Errorf("trust after = %v, want 65", got)
	}
	if fe := s.Scales[1]; fe.Change == nil || fe.Change.Mean != -25 || fe.Change.CI95 != [2]float64{-25, -25} {
		t.Errorf("fear change = %+v, want exactly −25 (every f from 3 to 2)", fe.Change)
	}
	if s.Before != 6 || s.After != 5 || s.Paired != 5 || s.Hidden {
		t.Errorf("respondents %d/%d/%d hidden %v, want 6/5/5 and nothing hidden", s.Before, s.After, s.Paired, s.Hidden)
	}
	if c := s.Statements[0].Before; c == nil || *c != [5]int{1, 2, 1, 0, 2} {
		t.Errorf("distribution of a before = %v, want [1 2 1 0 2]", c)
	}
}

// TestAnonymityThreshold: four respondents show no figure at all, not even
// their number or their free text; five show them.
func TestAnonymityThreshold(t *testing.T) {
	in := tiny(t)
	all := fiveRespondents("R1")
	four := RoundData{Round: PulseRound{ID: "R1"}, Answers: all[:8], Texts: []PulseText{{"R1", "after", "more time"}}}
	s := Summarize(in, four, "en", 0)
	js, _ := json.Marshal(s)
	if !s.Hidden || s.Before != 0 || s.After != 0 || s.Paired != 0 || len(s.Texts) != 0 {
		t.Errorf("four respondents: %s, want everything withheld", js)
	}
	for _, sc := range s.Scales {
		if sc.Before != nil || sc.After != nil || sc.Change != nil {
			t.Errorf("four respondents: scale %s shows %+v", sc.Scale, sc)
		}
	}
	for _, st := range s.Statements {
		if st.Before != nil || st.After != nil {
			t.Errorf("four respondents: statement %s shows a distribution", st.ID)
		}
	}
	if strings.Contains(string(js), "more time") || strings.Contains(string(js), `"mean"`) {
		t.Errorf("four respondents: the JSON carries a figure or text: %s", js)
	}
	five := RoundData{Round: PulseRound{ID: "R1"}, Answers: all, Texts: four.Texts}
	if s := Summarize(in, five, "en", 0); s.Hidden || len(s.Texts) != 1 || s.Scales[0].Before == nil {
		t.Errorf("five respondents: %+v, want the figures and the text", s)
	}
	if s := Summarize(in, five, "en", 6); !s.Hidden || s.Scales[0].Before != nil {
		t.Errorf("five respondents under a threshold of 6: figures shown")
	}
	for _, n := range []int{1, 4, -1} {
		if _, err := CheckMinGroup(n); err == nil {
			t.Errorf("CheckMinGroup(%d) accepted a threshold below %d", n, MinGroup)
		}
	}
	if n, err := CheckMinGroup(0); n != MinGroup || err != nil {
		t.Errorf("CheckMinGroup(0) = %d, %v; want %d", n, err, MinGroup)
	}
}

// TestTeamHistory: three workshops of a team, given out of order, come
// back oldest first with the trend of the "before" trust index: 25, 50, 65
// at rounds 0, 1, 2 fit the slope (−1·−21.67 + 0 + 1·18.33)/2 = 20.
func TestTeamHistory(t *testing.T) {
	in := tiny(t)
	mk := func(id string, ms int64, a int) RoundData {
		d := RoundData{Round: PulseRound{ID: id, Team: "Team A", Kind: KindWorkshop, CreatedMS: ms, Instrument: in.Source}}
		for i := range 5 {
			d.Answers = append(d.Answers, PulseAnswer{Round: id, Respondent: string(rune('a' + i)), Phase: "before", Answers: map[string]int{"a": a, "b": 6 - a}})
		}
		return d
	}
	// a=2 → 25; a=3 → 50; the third round mixes 4s and 3s: (75·3 + 50·2)/5 = 65.
	third := mk("W3", 3000, 4)
	for i := 3; i < 5; i++ {
		third.Answers[i].Answers = map[string]int{"a": 3, "b": 3}
	}
	h, err := BuildHistory("Team A", []RoundData{third, mk("W1", 1000, 2), mk("W2", 2000, 3)}, "en", 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var before []float64
	for _, r := range h.Rounds {
		ids = append(ids, r.Round.ID)
		before = append(before, r.Scales[0].Before.Mean)
	}
	if strings.Join(ids, ",") != "W1,W2,W3" || before[0] != 25 || before[1] != 50 || before[2] != 65 {
		t.Errorf("rounds %v with trust before %v, want W1,W2,W3 with 25, 50, 65", ids, before)
	}
	tr := h.Trend[0]
	if tr.Scale != "trust" || tr.Rounds != 3 || tr.Slope == nil || math.Abs(*tr.Slope-20) > 1e-9 || *tr.First != 25 || *tr.Last != 65 {
		t.Errorf("trust trend %+v, want slope 20 over 3 rounds from 25 to 65", tr)
	}
	if fe := h.Trend[1]; fe.Scale != "fear" || fe.Rounds != 0 || fe.Slope != nil {
		t.Errorf("fear trend %+v, want no rounds (nobody answered f)", fe)
	}
}

// TestIntervalCut: an interval reaching past the possible values is cut to
// them: indices 100, 100, 100, 100, 50 have the t-interval 90 ± 27.8,
// shown as [62.2, 100].
func TestIntervalCut(t *testing.T) {
	in := tiny(t)
	d := RoundData{Round: PulseRound{ID: "R"}}
	for i, a := range []int{5, 5, 5, 5, 3} {
		d.Answers = append(d.Answers, PulseAnswer{Respondent: string(rune('a' + i)), Phase: "before", Answers: map[string]int{"a": a}})
	}
	b := Summarize(in, d, "en", 0).Scales[0].Before
	half := 2.7764451051977987 * math.Sqrt(500.0/5)
	if b == nil || b.Mean != 90 || math.Abs(b.CI95[0]-(90-half)) > 1e-6 || b.CI95[1] != 100 {
		t.Errorf("trust before = %+v, want 90 in [%.4f, 100]", b, 90-half)
	}
}

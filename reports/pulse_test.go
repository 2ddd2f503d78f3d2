package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/workshop"
)

const testPulse = `name = "t"
languages = ["en"]
[anchors]
en = ["1", "2", "3", "4", "5"]
[[scales]]
id = "trust"
label = { en = "Trust" }
[[statements]]
id = "a"
scale = "trust"
text = { en = "A." }
`

// pulseHistory is a team history of two rounds: W1 with n respondents
// answering a=2 before and a=4 after, W2 with five answering a=3 before.
func pulseHistory(t *testing.T, n int) workshop.History {
	t.Helper()
	w1 := workshop.RoundData{Round: workshop.PulseRound{ID: "W1", Title: "Kick-off", CreatedMS: 1, Instrument: []byte(testPulse)},
		Texts: []workshop.PulseText{{Round: "W1", Phase: "after", Text: "secret wish"}}}
	w2 := workshop.RoundData{Round: workshop.PulseRound{ID: "W2", CreatedMS: 2, Instrument: []byte(testPulse)}}
	for i := range n {
		k := fmt.Sprint(i)
		w1.Answers = append(w1.Answers, workshop.PulseAnswer{Respondent: k, Phase: "before", Answers: map[string]int{"a": 2}},
			workshop.PulseAnswer{Respondent: k, Phase: "after", Answers: map[string]int{"a": 4}})
	}
	for i := range 5 {
		w2.Answers = append(w2.Answers, workshop.PulseAnswer{Respondent: fmt.Sprint(i), Phase: "before", Answers: map[string]int{"a": 3}})
	}
	h, err := workshop.BuildHistory("Blue", []workshop.RoundData{w1, w2}, "en", 0)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestPulseExportsAnonymous: a round of four respondents leaves its CSV
// cells empty and puts no figure or free text in the JSON or the chart;
// five show the indices 25 before, 75 after, change +50.
func TestPulseExportsAnonymous(t *testing.T) {
	for _, n := range []int{4, 5} {
		h := pulseHistory(t, n)
		var cb, jb bytes.Buffer
		if err := WritePulseCSV(&cb, h); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&cb).ReadAll()
		if err != nil || len(rows) != 3 {
			t.Fatalf("n=%d: %d CSV rows, %v; want a header and 2 rounds", n, len(rows), err)
		}
		w1 := strings.Join(rows[1][7:19], ",")
		want := ",,,,,,,,,,,"
		if n == 5 {
			want = "25.0,25.0,25.0,5,75.0,75.0,75.0,5,50.0,50.0,50.0,5"
		}
		if w1 != want {
			t.Errorf("n=%d: W1 cells %q, want %q", n, w1, want)
		}
		if err := WritePulseJSON(&jb, h); err != nil {
			t.Fatal(err)
		}
		var back struct {
			Rounds []struct {
				Scales []map[string]any `json:"scales"`
				Texts  []string         `json:"free_text"`
			} `json:"rounds"`
		}
		if err := json.Unmarshal(jb.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		got := len(back.Rounds[0].Scales[0]) > 2 || len(back.Rounds[0].Texts) > 0
		if got != (n == 5) {
			t.Errorf("n=%d: W1 in JSON %+v, want figures and text only from 5", n, back.Rounds[0])
		}
		c := PulseChart(h, i18n.English)
		before := c.Panels[0].Series[0]
		if shown := !math.IsNaN(before.Y[0]); shown != (n == 5) || before.Y[1] != 50 {
			t.Errorf("n=%d: chart before %v, want W1 only from 5, W2 50", n, before.Y)
		}
		for _, f := range []Format{PNG, SVG} {
			var img bytes.Buffer
			if err := Render(&img, c, f); err != nil || img.Len() == 0 {
				t.Errorf("n=%d: Render(%s) = %v", n, f, err)
			}
		}
	}
}

// TestDebriefHTMLPulse: the room debrief's HTML shows the pulse's scale
// indices and change from five respondents, and only the withheld note and
// no text from four.
func TestDebriefHTMLPulse(t *testing.T) {
	for _, n := range []int{4, 5} {
		h := pulseHistory(t, n)
		var buf bytes.Buffer
		if err := WriteDebriefHTML(&buf, workshop.Debrief{Pulse: &h.Rounds[0]}); err != nil {
			t.Fatal(err)
		}
		out := html.UnescapeString(buf.String())
		shown := strings.Contains(out, "+50 [+50, +50] (n=5)") && strings.Contains(out, "secret wish")
		withheld := strings.Contains(out, "fewer than 5 respondents") && !strings.Contains(out, "secret wish") && !strings.Contains(out, "(n=")
		if (n == 5 && !shown) || (n == 4 && !withheld) {
			t.Errorf("n=%d: debrief HTML pulse section:\n%s", n, out[strings.Index(out, "Pulse"):])
		}
	}
}

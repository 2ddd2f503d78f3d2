package reports

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/i18n/i18ntest"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
)

// TestMessages fails when a text the HTML debrief prints has no German
// translation, or a translation is for a text nothing prints.
func TestMessages(t *testing.T) {
	i18ntest.Check(t, messages, ".")
}

// TestWriteDebriefHTMLGerman renders a room debrief with one finished
// session in German: the headings and labels are German, the trainee's name
// and words stay as they are, and no English heading is left.
func TestWriteDebriefHTMLGerman(t *testing.T) {
	db := &trainer.Debrief{Outcome: "geklaert", Title: "Zählerstand", Score: trainer.Score{TotalPct: 85, Pass: true, Band: "silver"},
		Rules:      []trainer.RuleHit{{ID: "erst-pruefen", Critical: true, Penalty: 3, Debrief: "Identität prüfen."}},
		Transcript: []trainer.Entry{{Speaker: "customer", Text: "Hallo"}, {Speaker: "agent", Text: "Guten Tag"}}}
	d := workshop.Debrief{Trainees: []workshop.TraineeDebrief{{Seat: 1, Name: "Ann", Script: "zaehlerstand", Mode: "free", Debrief: db}}}
	var b bytes.Buffer
	if err := WriteDebriefHTMLIn(&b, d, i18n.German); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`<html lang="de">`, "<h1>Auswertung: ", "<h2>Ausgänge</h2>", "<h2>Punkte</h2>", "<td>ja</td>", "(kritisch)",
		"<h2>Verletzte Regeln</h2>", "<th>gesamt %</th>", "<h2>Gesprächsverläufe</h2>", "<b>Kunde</b>", "<b>Fachkraft</b>", "Ann", "Guten Tag"} {
		if !strings.Contains(page, want) {
			t.Errorf("German debrief page lacks %q:\n%s", want, page)
		}
	}
	for _, english := range []string{">Outcomes<", ">Scores<", ">Rules fired<", ">Transcripts<", ">customer<", ">yes<", "(critical)", `lang="en"`} {
		if strings.Contains(page, english) {
			t.Errorf("German debrief page contains %q", english)
		}
	}
	b.Reset()
	if err := WriteDebriefHTML(&b, d); err != nil || !strings.Contains(b.String(), "<h2>Outcomes</h2>") || !strings.Contains(b.String(), "<b>customer</b>") {
		t.Errorf("English page changed (%v):\n%s", err, b.String())
	}
}

// TestPulseGerman renders the pulse chart and the debrief's pulse section
// in German: the chart's title, axes and series, and the section's heading,
// withheld note and intervals (a semicolon between the bounds).
func TestPulseGerman(t *testing.T) {
	c := PulseChart(pulseHistory(t, 5), i18n.German)
	p := c.Panels[0]
	if !strings.HasPrefix(c.Title, "Puls des Teams ") || p.XLabel != "Runde" || p.YLabel != "Index (0–100)" ||
		p.Series[0].Label != "vorher" || p.Series[1].Label != "nachher" {
		t.Errorf("German chart: title %q, axes %q/%q, series %q/%q", c.Title, p.XLabel, p.YLabel, p.Series[0].Label, p.Series[1].Label)
	}
	for n, want := range map[int]string{4: "Zahlen aus weniger als 5 Antworten werden nicht gezeigt.", 5: "+50 [+50; +50] (n=5)"} {
		h := pulseHistory(t, n)
		var b bytes.Buffer
		if err := WriteDebriefHTMLIn(&b, workshop.Debrief{Pulse: &h.Rounds[0]}, i18n.German); err != nil {
			t.Fatal(err)
		}
		out := html.UnescapeString(b.String())
		if !strings.Contains(out, "<h2>Puls: Indizes 0–100, vorher und nachher</h2>") || !strings.Contains(out, want) || strings.Contains(out, "before") {
			t.Errorf("n=%d: German debrief pulse section lacks %q or has English:\n%s", n, want, out)
		}
	}
}

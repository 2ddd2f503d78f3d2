package reports

import (
	"bytes"
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

package trainer

import (
	"strings"
	"testing"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/i18n/i18ntest"
)

// TestMessages fails when a text the package prints has no German
// translation, a translation is for a text nothing prints, or the verbs of a
// translation differ from its key's.
func TestMessages(t *testing.T) {
	all := i18n.Catalog{}
	for _, c := range []i18n.Catalog{messages, lintMessages} {
		for k, v := range c {
			if _, dup := all[k]; dup {
				t.Errorf("%q is in two catalogues", k)
			}
			all[k] = v
		}
	}
	i18ntest.Check(t, all, ".")
}

// TestDebriefGerman renders a debrief with a fired rule, a note and a
// transcript in German and checks that no English heading is left.
func TestDebriefGerman(t *testing.T) {
	d := Debrief{Title: "Zählerstand", Lang: i18n.German, Ended: true, Outcome: "geklaert", Turns: 3, ElapsedS: 95,
		Score:      Score{TotalPct: 62.5, PassPct: 70},
		Rules:      []RuleHit{{ID: "r", Critical: true, Turn: 2, Node: "n", Penalty: 2, Dim: "d", Debrief: "x", Evidence: "(bis zum Ende nicht gesagt)", Better: "y"}},
		Notes:      []Note{{Turn: 1, Node: "n", Text: "Notiz"}},
		Path:       []string{"a", "b"},
		Transcript: []Entry{{Speaker: "customer", Text: "Hallo"}, {Speaker: "agent", Text: "äh"}}}
	got := d.Text()
	for _, want := range []string{"Auswertung: Zählerstand", "Ausgang: geklaert nach 3 Zügen, 1:35", "Punkte: 62,5 % NICHT BESTANDEN (Bestehensgrenze 70 %, keine Stufe)",
		"Verletzte Regeln:", " KRITISCH (Zug 2, n, -2 d)", "Beleg: (bis zum Ende nicht gesagt)", "besser: y", "Hinweise:", "Weg: a → b",
		"Gesprächsverlauf:", "Kunde:", "Sie:", "(nicht verstanden)"} {
		if !strings.Contains(got, want) {
			t.Errorf("German debrief lacks %q:\n%s", want, got)
		}
	}
	for _, english := range []string{"Debrief", "Outcome", "Score", "Rules", "Notes", "Path", "Transcript", "turn", "customer", "agent"} {
		if strings.Contains(got, english) {
			t.Errorf("German debrief contains the English %q:\n%s", english, got)
		}
	}
}

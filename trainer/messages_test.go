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

// TestLintGermanExpressionsAndPatterns checks that an expression error
// (nested: expression, column, unknown variable with a suggestion) and a
// pattern normalisation defeats are worded in German through Finding.In,
// names and sources as written, and stay English in Msg.
func TestLintGermanExpressionsAndPatterns(t *testing.T) {
	sc := testScript()
	sc.Nodes[1].Branch[0].When = "moood >= 5"
	sc.Nodes[0].Replies[2].Match.Any = []string{"skip;"}
	want := map[string][2]string{
		"node.b.branch.0.when": {`expression "moood >= 5": column 1: unknown variable "moood" (did you mean "mood"?)`,
			`Ausdruck "moood >= 5": Spalte 1: unbekannte Variable "moood" (meinten Sie "mood"?)`},
		"node.a.reply.2.match.any.0": {`pattern "skip;" can never match normalised text: normalisation removes ';'`,
			`Muster "skip;" passt nie auf normalisierten Text: die Normalisierung entfernt ';'`},
	}
	found := map[string]bool{}
	for _, f := range Lint(sc) {
		w, ok := want[f.Path]
		if !ok {
			continue
		}
		found[f.Path] = true
		if f.Msg != w[0] || f.In(i18n.English) != w[0] {
			t.Errorf("%s: Msg = %q, want %q", f.Path, f.Msg, w[0])
		}
		if got := f.In(i18n.German); got != w[1] {
			t.Errorf("%s: In(German) = %q, want %q", f.Path, got, w[1])
		}
	}
	for path := range want {
		if !found[path] {
			t.Errorf("no finding at %s", path)
		}
	}
}

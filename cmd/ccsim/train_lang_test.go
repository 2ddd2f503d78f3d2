package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/scenarios"
)

// englishFixed are words of the trainer's own English texts (header, help,
// prompts, watch, debrief) that must not appear on a German screen.
var englishFixed = regexp.MustCompile(`\b(Customer|Mode|seed|Type|quit ends|You|hand-off|time limit|Pick a number|mood|trust|patience|` +
	`Debrief|Outcome|after|turns|Score|PASS|FAIL|pass mark|no band|weight|Rules|broken|Notes|Better|Path|Time per turn|Transcript|customer|agent|not understood|evidence|better)\b`)

// TestTrainGermanScreen plays the German meter-reading role-play in the
// terminal with --lang de (piped, so without colour): a wrong number, help,
// four replies and the debrief. Every text the trainer writes itself must be
// German; the script's own lines are German too.
func TestTrainGermanScreen(t *testing.T) {
	stdin := "9\n/help\nkontext_nutzen\nidentitaet\nkorrigieren\nlastschrift_stoppen\n"
	for _, args := range [][]string{
		{"train", "zaehlerstand", "--lang", "de", "--seed", "5", "--variant", "with_context"},
		{"train", "zaehlerstand", "--seed", "5", "--variant", "with_context"}, // the script's lang is the default
	} {
		out, errOut, code := ccsimIn(t, stdin, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
		}
		for _, want := range []string{
			"Kunde: Birgit Kowalski.", "Modus: geführt · Startwert 5 · Übergabe: with_context · Zeitlimit ",
			"Tippen Sie die Nummer Ihrer Antwort. /quit beendet die Sitzung.", "[Übergabe] ", "Stimmung ", "Vertrauen ", "Geduld ",
			"Wählen Sie eine Zahl von 1 bis 4 (oder /quit).", "zeigt die Auswertung.", "Sie: Ich sehe hier",
			"Auswertung: Zählerstand", "Ausgang: geklaert nach 4 Zügen", "Punkte: 85,0 % BESTANDEN (Bestehensgrenze 70 %, Silber)", "Besser wäre gewesen:", "Zug 1, eroeffnung", "Bot:",
			"Regeln: keine verletzt.", "Weg: eroeffnung → pruefung", "Zeit je Zug:", "Gesprächsverlauf:", "Kunde:", "Sie:",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: screen lacks %q:\n%s", args, want, out)
			}
		}
		if m := englishFixed.FindAllString(out, -1); len(m) > 0 {
			t.Errorf("%v: English on the German screen: %q\n%s", args, m, out)
		}
	}
}

// TestTrainLangFlag checks --lang en on a German script (the trainer's texts
// in English) and a bad --lang.
func TestTrainLangFlag(t *testing.T) {
	out, errOut, code := ccsimIn(t, "/quit\n", "train", "zaehlerstand", "--lang", "en", "--seed", "5")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"Customer: Birgit Kowalski.", "Mode: guided · seed 5", "Debrief: Zählerstand", "Outcome: quit after 0 turns"} {
		if !strings.Contains(out, want) {
			t.Errorf("--lang en: output lacks %q:\n%s", want, out)
		}
	}
	_, errOut, code = ccsimIn(t, "", "train", "zaehlerstand", "--lang", "fr")
	if code != 2 || !strings.Contains(errOut, "--lang must be en or de") {
		t.Errorf("--lang fr: exit %d, stderr %q; want 2 and a message naming --lang", code, errOut)
	}
}

// TestScriptLintGerman lints a broken script with --lang de: the findings
// of the linter and the summary are German, the key paths and names as
// written, and the default stays English.
func TestScriptLintGerman(t *testing.T) {
	src := `[scenario]
id = "kaputt"
title = "Kaputt"
version = 1
start = "a"
lang = "de"

[vars]
unbenutzt = { type = "int", init = 0, min = 0, max = 5 }

[rubric]
pass_pct = 70
dims = [ { id = "d", weight = 1, max = 2 } ]

[node.a]
say = "Hallo"

[[node.a.reply]]
id = "r"
label = "Antwort"
match = { any = ["hallo"] }
examples = ["Hallo"]
score = { d = 2 }
goto = "ende"

[node.a.fallback]
say = "Hm?"

[node.ende]
end = "ok"
debrief = "Gut."

[node.verloren]
end = "nie"
debrief = "Nie erreicht."
`
	path := t.TempDir() + "/kaputt.roleplay.toml"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := ccsimIn(t, "", "script", "lint", "--lang", "de", path)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		`:9: vars.unbenutzt: Warnung: Variable "unbenutzt" wird nie gelesen oder geschrieben`,
		`:33: node.verloren: unerreichbarer Knoten "verloren": keine Antwort, kein branch, next, timeout, trigger oder inject führt hierher`,
		"kaputt.roleplay.toml: 1 Fehler, 1 Warnung(en)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("German lint lacks %q:\n%s", want, out)
		}
	}
	out, errOut, _ := ccsimIn(t, "", "script", "lint", path)
	if !strings.Contains(out, `warning: variable "unbenutzt" is never read or written`) || !strings.Contains(out, "1 error(s), 1 warning(s)") ||
		!strings.Contains(errOut, "ccsim: script: problems found") {
		t.Errorf("English lint changed:\n%s%s", out, errOut)
	}
	scriptLintGermanDecoding(t, src)
}

// scriptLintGermanDecoding lints a misspelt key, a broken table header, a
// misspelt variable in an expression and a pattern normalisation defeats with
// --lang de: file, line and key stay, the wording and the closing line are
// German, the TOML library's detail is kept inside the German sentence.
func scriptLintGermanDecoding(t *testing.T, src string) {
	t.Helper()
	dir := t.TempDir()
	expr := strings.NewReplacer(`init = 0`, `init_expr = "stimmng + 1"`, `["hallo"]`, `["hallo;"]`).Replace(src)
	for _, tc := range []struct{ name, src string }{
		{"schluessel", strings.Replace(src, "title =", "titel =", 1)},
		{"syntax", strings.Replace(src, "[node.ende]", "[node.ende", 1)},
		{"ausdruck", expr},
	} {
		path := dir + "/" + tc.name + ".roleplay.toml"
		if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := ccsimIn(t, "", "script", "lint", "--lang", "de", path)
		if code != 1 || !strings.Contains(errOut, "ccsim: script: Probleme gefunden") {
			t.Errorf("%s: exit %d, stderr %q; want 1 and the German closing line", tc.name, code, errOut)
		}
		for _, want := range lintGermanWants[tc.name] {
			if !strings.Contains(out, path+want) {
				t.Errorf("%s: output lacks %q:\n%s", tc.name, path+want, out)
			}
		}
		if m := englishLint.FindAllString(out+errOut, -1); len(m) > 0 {
			t.Errorf("%s: English in German lint: %q\n%s%s", tc.name, m, out, errOut)
		}
	}
}

// lintGermanWants are the lines scriptLintGermanDecoding expects, after the file name.
var lintGermanWants = map[string][]string{
	"schluessel": {`:3: scenario.titel: unbekannter Schlüssel (meinten Sie "title"?)`},
	"syntax":     {`:30: node.a.fallback: TOML-Syntaxfehler: expected '.' or ']' to end table name`},
	"ausdruck": {`:9: vars.unbenutzt.init_expr: Ausdruck "stimmng + 1": Spalte 1: unbekannte Variable "stimmng"`,
		`:21: node.a.reply.0.match.any.0: Muster "hallo;" passt nie auf normalisierten Text: die Normalisierung entfernt ';'`},
}

// englishLint are the English words of lint's own texts.
var englishLint = regexp.MustCompile(`\b(unknown|did you mean|warning|error\(s\)|problems found|expression|column|pattern|never match|normalised|normalisation)\b`)

// englishAuthor are words of the fixed English texts of script test and
// script stats that must not appear with --lang de.
var englishAuthor = regexp.MustCompile(`\b(coverage|nodes|replies|endings|best score|outcomes|never reached|runs|blind|guided strategies|default fuzz|corpus|lines right|right|rule fired|want|got|FAIL|ends|branches|guided-only|examples|customer lines|words|variables|rules|critical|triggers|ticks|injects|lexicon|test plans|problems found|anywhere|time limit|else|ended|at node|did not fire|pass)\b`)

// TestScriptTestStatsGerman runs script test, script graph and script stats
// on the German meter-reading role-play in German: every fixed text is German, the
// script's own names (plan names, outcomes) as written; without --lang the
// report stays English.
func TestScriptTestStatsGerman(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"script", "test", "zaehlerstand", "--lang", "de", "--runs", "20"},
			[]string{"zaehlerstand-voicebot (v1)", "  ok   fuzz: geführt (400 Läufe)", "  ok   blinde Strategien im geführten Modus (", "  Abdeckung: Knoten 8/8, Antworten 13/13, Enden 3/3, beste Punktzahl ", "  Ausgänge: aufgelegt "}},
		{[]string{"script", "graph", "zaehlerstand", "--format", "mermaid"}, // the script's lang is the default
			[]string{"start((Start)) --> n0", "anywhere[/überall/]", `|"sonst"|`}},
		{[]string{"script", "stats", "zaehlerstand", "--lang", "de"},
			[]string{"Knoten           8 (3 Enden, 1 Verzweigungen)", "Antworten        13 (0 nur geführt, ", "Kundensätze      27 (", "Regeln           3 (1 kritisch)", "Testpläne        8", "Ausgänge         geklaert"}},
	} {
		out, errOut, code := ccsimIn(t, "", tc.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", tc.args, code, errOut)
		}
		for _, want := range tc.want {
			if !strings.Contains(out, want) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, want, out)
			}
		}
		ids := strings.NewReplacer("  anywhere[", "  [", "  anywhere -", "  -") // mermaid's node id, not text
		if m := englishAuthor.FindAllString(ids.Replace(out), -1); len(m) > 0 {
			t.Errorf("%v: English in the German report: %q\n%s", tc.args, m, out)
		}
	}
	out, _, _ := ccsimIn(t, "", "script", "stats", "zaehlerstand")
	if !strings.Contains(out, "nodes            8 (3 ends, 1 branches)") {
		t.Errorf("English stats changed:\n%s", out)
	}
	scriptTestFailsGerman(t)
}

// scriptTestFailsGerman runs script test --lang de on the meter-reading
// role-play with a plan whose expectations are wrong: the failures and the
// closing line are German, the script's names and TOML values as written.
func scriptTestFailsGerman(t *testing.T) {
	t.Helper()
	data, ok := scenarios.RoleplaySource("zaehlerstand")
	if !ok {
		t.Fatal("no bundled zaehlerstand")
	}
	src := strings.Replace(string(data), `expect = { end_in = ["geklaert"], fired_none = ["keine-schuld", "nicht-neu-fragen", "erst-pruefen"], pass = true }`,
		`expect = { end_in = ["aufgelegt"], fired_all = ["keine-schuld"], pass = false }`, 1)
	path := t.TempDir() + "/falsch.roleplay.toml"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := ccsimIn(t, "", "script", "test", path, "--lang", "de", "--runs", "10")
	for _, want := range []string{"  FEHL mit Übergabe: Kontext nutzen",
		`       endete "geklaert" bei Knoten ende_geklaert (Weg eroeffnung>pruefung>`, "erwartet einer von [aufgelegt]",
		`       Regel "keine-schuld" griff nicht`, "       bestanden = true, erwartet false"} {
		if !strings.Contains(out, want) {
			t.Errorf("failing script test --lang de lacks %q:\n%s", want, out)
		}
	}
	if code != 1 || !strings.Contains(errOut, "ccsim: script: Probleme gefunden") {
		t.Errorf("failing script test --lang de: exit %d, stderr %q", code, errOut)
	}
	if m := englishAuthor.FindAllString(out+errOut, -1); len(m) > 0 {
		t.Errorf("English in the failing German report: %q\n%s", m, out)
	}
}

// TestScriptExplainGerman explains a German line with --lang de: the labels,
// headings, views and targets are German; the explanation of why a rule
// fires (the trainer's evidence) is left out of the check.
func TestScriptExplainGerman(t *testing.T) {
	out, errOut, code := ccsimIn(t, "", "script", "explain", "zaehlerstand", "--lang", "de", "--top", "3", "ich sehe den zählerstand")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{`"ich sehe den zählerstand"`, "  Begriffe: ich seh zaehlerstand",
		"  verstanden als schuld_geben (0,", // the confidence moves whenever examples are added; the decimal comma is what is checked
		"  Wert   Wort  Zeich Sicht          Ziel", "Formulierung", "Zeile", "Regel keine-schuld knapp verfehlt", "Antwort schuld_geben"} {
		if !strings.Contains(out, want) {
			t.Errorf("German explain lacks %q:\n%s", want, out)
		}
	}
	var own []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "  löst ") {
			own = append(own, l)
		}
	}
	english := regexp.MustCompile(`\b(terms|understood|ambiguous|fires|satisfies|score|word|char|view|target|phrasing|line|clause|reply|rule|near miss)\b`)
	if m := english.FindAllString(strings.Join(own, "\n"), -1); len(m) > 0 {
		t.Errorf("English in German explain: %q\n%s", m, out)
	}
}

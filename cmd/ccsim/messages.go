package main

import "github.com/ccsim/ccsim/i18n"

// messages is the German catalogue of the command line's texts for
// trainees, facilitators and authors (ccsim train, ccsim script, ccsim pulse).
var messages = i18n.Catalog{
	// ccsim script lint
	"warning: %s":                      "Warnung: %s",
	"%s: %d error(s), %d warning(s)\n": "%s: %d Fehler, %d Warnung(en)\n",
	"script: problems found":           "script: Probleme gefunden",

	// ccsim script graph
	"script graph: --format must be dot or mermaid, not %q": "script graph: --format muss dot oder mermaid sein, nicht %q",

	// ccsim script test
	"ok  ":                    "ok  ",
	"FAIL":                    "FEHL",
	" (%d runs)":              " (%d Läufe)",
	"blind guided strategies": "blinde Strategien im geführten Modus",
	"default fuzz":            "Zufallsläufe (Vorgabe)",
	"  coverage: nodes %d/%d, replies %d/%d, endings %d/%d, best score %.1f%%\n": "  Abdeckung: Knoten %d/%d, Antworten %d/%d, Enden %d/%d, beste Punktzahl %.1f %%\n",
	"  outcomes: %s\n":                                              "  Ausgänge: %s\n",
	"  never reached nodes: %s\n":                                   "  nie erreichte Knoten: %s\n",
	"  never reached endings: %s\n":                                 "  nie erreichte Enden: %s\n",
	"  never reached replies: %s\n":                                 "  nie gewählte Antworten: %s\n",
	"  corpus: %d of %d lines right\n":                              "  Korpus: %d von %d Zeilen richtig\n",
	"    %-10s every rule a line names fired on %3.0f%%\n":          "    %-10s jede genannte Regel griff bei %3.0f %%\n",
	"    %-10s %3d lines, %3.0f%% right, a rule fired on %3.0f%%\n": "    %-10s %3d Zeilen, %3.0f %% richtig, eine Regel griff bei %3.0f %%\n",
	"    %s: %s at %s: %q\n       want %s\n       got  %s\n":        "    %s: %s bei %s: %q\n       erwartet %s\n       erhalten %s\n",
	"  FAIL corpus %s\n":                                            "  FEHL Korpus %s\n",

	// ccsim script explain
	"script explain: --top must be at least 1, got %d": "script explain: --top muss mindestens 1 sein, nicht %d",
	"script explain: %v":                      "script explain: %v",
	"%q\n  terms: %s\n":                       "%q\n  Begriffe: %s\n",
	"  key words of %s: %s\n":                 "  Schlüsselwörter von %s: %s\n",
	"  model of %s: %.2f (fires from %.2f)\n": "  Modell von %s: %.2f (greift ab %.2f)\n",
	"  understood as %s (%.2f)\n":             "  verstanden als %s (%.2f)\n",
	"  ambiguous: %s (%.2f) or %s (%.2f)\n":   "  mehrdeutig: %s (%.2f) oder %s (%.2f)\n",
	"  not understood (best %s, %.2f)\n":      "  nicht verstanden (am nächsten %s, %.2f)\n",
	"  fires %s: %s\n":                        "  löst %s aus: %s\n",
	"  satisfies %s\n":                        "  erfüllt %s\n",
	"score":                                   "Wert",
	"word":                                    "Wort",
	"char":                                    "Zeich",
	"view":                                    "Sicht",
	"target":                                  "Ziel",
	"phrasing":                                "Formulierung",
	"clause %s":                               "Satzteil %s",
	"line":                                    "Zeile",
	"negated words":                           "verneinte Wörter",
	"reply %s":                                "Antwort %s",
	"rule %s":                                 "Regel %s",
	"rule %s dismissal":                       "Regel %s abgetan",
	"rule %s near miss":                       "Regel %s knapp verfehlt",

	// ccsim train
	"Customer: %s. %s\n": "Kunde: %s. %s\n",
	"Customer":           "Kunde",
	"Mode: %s · seed %s": "Modus: %s · Startwert %s",
	"guided":             "geführt",
	"free":               "frei",
	" · hand-off: %s":    " · Übergabe: %s",
	" · time limit %s":   " · Zeitlimit %s",
	"Type your replies. /quit ends the session.\n":                                               "Tippen Sie Ihre Antworten. /quit beendet die Sitzung.\n",
	"Type the number of your reply. /quit ends the session.\n":                                   "Tippen Sie die Nummer Ihrer Antwort. /quit beendet die Sitzung.\n",
	"  Type the number of your reply. /quit ends the session and shows the debrief.\n":           "  Tippen Sie die Nummer Ihrer Antwort. /quit beendet die Sitzung und zeigt die Auswertung.\n",
	"  Type what you would say to the customer. /quit ends the session and shows the debrief.\n": "  Tippen Sie, was Sie der Kundin oder dem Kunden sagen würden. /quit beendet die Sitzung und zeigt die Auswertung.\n",
	"  Pick a number from 1 to %d (or /quit).\n":                                                 "  Wählen Sie eine Zahl von 1 bis %d (oder /quit).\n",
	"You:":          "Sie:",
	"[hand-off] %s": "[Übergabe] %s",
	"mood":          "Stimmung",
	"trust":         "Vertrauen",
	"patience":      "Geduld",
	"  That line is longer than %d KB and was not sent; say it in shorter lines.\n": "  Diese Zeile ist länger als %d KB und wurde nicht gesendet; bitte in kürzeren Zeilen schreiben.\n",

	// ccsim train --pulse
	"Before we start: how far do you agree? (1 = %s … 5 = %s; Enter skips)":       "Bevor es losgeht: Wie weit stimmen Sie zu? (1 = %s … 5 = %s; Enter überspringt)",
	"Now that you are done: how far do you agree? (1 = %s … 5 = %s; Enter skips)": "Jetzt, am Ende: Wie weit stimmen Sie zu? (1 = %s … 5 = %s; Enter überspringt)",
	"  %s (Enter skips)\n": "  %s (Enter überspringt)\n",
	"  Type a number from 1 to 5, or press Enter to skip.\n":              "  Tippen Sie eine Zahl von 1 bis 5, oder Enter zum Überspringen.\n",
	"Your answers are not stored (no --db given).\n":                      "Ihre Antworten werden nicht gespeichert (kein --db angegeben).\n",
	"Thank you. Your answers are stored without your name.\n":             "Danke. Ihre Antworten werden ohne Ihren Namen gespeichert.\n",
	"Results of round %s appear once at least %d people have answered.\n": "Ergebnisse der Runde %s erscheinen, sobald mindestens %d Personen geantwortet haben.\n",
	"Round %s so far:\n": "Runde %s bisher:\n",

	"train: pulse round %q belongs to team %q, is not a terminal round or was asked with another instrument; choose another --round": "train: Pulsrunde %q gehört zu Team %q, ist keine Terminal-Runde oder wurde mit einem anderen Fragebogen gestellt; wählen Sie eine andere --round",

	// ccsim pulse (and the round train --pulse shows)
	"pulse: --min-group: %v": "pulse: --min-group: %v",
	"pulse: --db %s: %v":     "pulse: --db %s: %v",
	"pulse: unknown subcommand %q (teams, show, export, chart, open)":                                   "pulse: unbekannter Unterbefehl %q (teams, show, export, chart, open)",
	"pulse: name the team with --team (see ccsim pulse teams)":                                          "pulse: nennen Sie das Team mit --team (siehe ccsim pulse teams)",
	"pulse: team %q has no pulse rounds in %s":                                                          "pulse: Team %q hat keine Pulsrunden in %s",
	"pulse: --format is csv or json, not %q":                                                            "pulse: --format ist csv oder json, nicht %q",
	"pulse: chart needs --out FILE.png or FILE.svg":                                                     "pulse: chart braucht --out DATEI.png oder DATEI.svg",
	"pulse: open needs --team (at most 60 characters)":                                                  "pulse: open braucht --team (höchstens 60 Zeichen)",
	"No pulse rounds yet.\n":                                                                            "Noch keine Pulsrunden.\n",
	"%s\t%d rounds\n":                                                                                   "%s\t%d Runden\n",
	"Stand-alone pulse %s opened. Share the code, or the link /pulse/%s on your ccsim serve address.\n": "Eigenständiger Puls %s geöffnet. Teilen Sie den Code oder den Link /pulse/%s unter der Adresse Ihres ccsim serve.\n",
	"Pulse of team %s: %d rounds. Indices 0–100; figures need at least %d respondents.\n":               "Puls des Teams %s: %d Runden. Indizes 0–100; Zahlen brauchen mindestens %d Antwortende.\n",
	"Trend of the before index: %s needs two rounds with enough respondents.\n":                         "Trend des Vorher-Index: %s braucht zwei Runden mit genug Antwortenden.\n",
	"Trend of the before index: %s %+.1f points per round over %d rounds (%.0f → %.0f).\n":              "Trend des Vorher-Index: %s %+.1f Punkte je Runde über %d Runden (%.0f → %.0f).\n",
	"workshop":      "Workshop",
	"standalone":    "eigenständig",
	"terminal":      "Terminal",
	"fewer than %d": "weniger als %d",
	"  respondents: %s before, %s after, %s with both\n":      "  Antwortende: %s vorher, %s nachher, %s mit beidem\n",
	"  %-16s before %-16s after %-16s change %s\n":            "  %-16s vorher %-16s nachher %-16s Veränderung %s\n",
	"  One thing that would help (in no particular order):\n": "  Was helfen würde (in zufälliger Reihenfolge):\n",
	"%+.1f [%+.1f, %+.1f]":                                    "%+.1f [%+.1f; %+.1f]",
	"%.0f [%.0f, %.0f]":                                       "%.0f [%.0f; %.0f]",
}

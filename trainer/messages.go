package trainer

import "github.com/ccsim/ccsim/i18n"

// messages is the German catalogue of the texts a session and its debrief
// write themselves; the script's own lines are in the script's language.
var messages = i18n.Catalog{
	// the session's notes, evidence and advice
	"Time limit reached.":         "Zeitlimit erreicht.",
	"(not said before a %q step)": "(nicht gesagt vor einem Schritt %q)",
	"(not said by the end)":       "(bis zum Ende nicht gesagt)",
	"rule %s fired":               "Regel %s verletzt",
	"the call stopped here":       "hier endete das Gespräch",
	"facilitator: %s":             "Moderation: %s",
	"the session ended in a script error: %s; the score does not count":        "die Sitzung endete mit einem Fehler im Skript: %s; die Punkte zählen nicht",
	"the session ended in a script error; the score does not count":            "die Sitzung endete mit einem Fehler im Skript; die Punkte zählen nicht",
	"the script had an error during the session: %s; the score does not count": "im Skript trat während der Sitzung ein Fehler auf: %s; die Punkte zählen nicht",

	// the text debrief
	"Debrief: %s\n":                         "Auswertung: %s\n",
	"(not finished)":                        "(nicht beendet)",
	"Outcome: %s after %d turns, %s":        "Ausgang: %s nach %d Zügen, %s",
	" (hand-off: %s)":                       " (Übergabe: %s)",
	"\nPath: %s\n":                          "\nWeg: %s\n",
	"Time per turn:":                        "Zeit je Zug:",
	"Script error: %s\n":                    "Fehler im Skript: %s\n",
	"\nTranscript:\n":                       "\nGesprächsverlauf:\n",
	"  (not understood)":                    "  (nicht verstanden)",
	"customer":                              "Kunde",
	"agent":                                 "Sie",
	"system":                                "System",
	"context":                               "Kontext",
	"bot":                                   "Bot",
	"gold":                                  "Gold",
	"silver":                                "Silber",
	"bronze":                                "Bronze",
	"FAIL":                                  "NICHT BESTANDEN",
	"PASS":                                  "BESTANDEN",
	"no band":                               "keine Stufe",
	"Score: %.1f%% %s (pass mark %d%%, %s)": "Punkte: %.1f %% %s (Bestehensgrenze %d %%, %s)",
	", capped by a critical rule":           ", gedeckelt durch eine kritische Regel",
	"  Not passed: %s.\n":                   "  Nicht bestanden: %s.\n",
	"  weight %d\n":                         "  Gewicht %d\n",
	"\nNotes:\n":                            "\nHinweise:\n",
	"  turn %d, %s: %s\n":                   "  Zug %d, %s: %s\n",
	"\nBetter would have been:\n":           "\nBesser wäre gewesen:\n",
	"at %s":                                 "bei %s",
	"turn %d, %s":                           "Zug %d, %s",
	": %s, e.g. %q\n":                       ": %s, z. B. %q\n",
	"\nNot understood (the customer could not use these lines):\n": "\nNicht verstanden (mit diesen Sätzen konnte die Kundschaft nichts anfangen):\n",
	"  turn %d, %s: %q\n":                "  Zug %d, %s: %q\n",
	"\nRules: none broken.\n":            "\nRegeln: keine verletzt.\n",
	"\nRules broken:\n":                  "\nVerletzte Regeln:\n",
	" CRITICAL":                          " KRITISCH",
	"  %s%s (turn %d, %s, -%d %s): %s\n": "  %s%s (Zug %d, %s, -%d %s): %s\n",
	"    evidence: %s\n":                 "    Beleg: %s\n",
	"    you said: “%s”\n":               "    Sie sagten: „%s“\n",
	"    better: %s\n":                   "    besser: %s\n",
}

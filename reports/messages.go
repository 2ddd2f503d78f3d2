package reports

import "github.com/ccsim/ccsim/i18n"

// messages is the German catalogue of the room debrief's HTML export
// (debrief.html.tmpl's {{t "…"}} and the speaker names). The CSV export's
// column names are keys for spreadsheets and stay as they are.
var messages = i18n.Catalog{
	"Debrief":                            "Auswertung",
	"Room":                               "Raum",
	"trainee(s)":                         "Teilnehmende",
	"Outcomes":                           "Ausgänge",
	"outcome":                            "Ausgang",
	"trainees":                           "Teilnehmende",
	"Scores":                             "Punkte",
	"trainee":                            "Teilnehmer/in",
	"script":                             "Skript",
	"mode":                               "Modus",
	"total %":                            "gesamt %",
	"band":                               "Stufe",
	"pass":                               "bestanden",
	"yes":                                "ja",
	"no":                                 "nein",
	"not started":                        "nicht begonnen",
	"Rules fired":                        "Verletzte Regeln",
	"rule":                               "Regel",
	"penalty":                            "Abzug",
	"what happened":                      "was passiert ist",
	"better":                             "besser",
	"(critical)":                         "(kritisch)",
	"Path heatmap":                       "Wege (Heatmap)",
	"node":                               "Knoten",
	"total":                              "gesamt",
	"Trust pulse (1 disagree – 5 agree)": "Vertrauenspuls (1 stimme nicht zu – 5 stimme zu)",
	"statement":                          "Aussage",
	"before":                             "vorher",
	"after":                              "nachher",
	"Removed trainees (left out of every figure above)": "Entfernte Teilnehmende (in keiner Zahl oben enthalten)",
	"removed":     "entfernt",
	"Transcripts": "Gesprächsverläufe",
	"customer":    "Kunde",
	"agent":       "Fachkraft",
	"bot":         "Bot",
	"system":      "System",
	"context":     "Kontext",
}

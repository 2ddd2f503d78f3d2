package reports

import "github.com/ccsim/ccsim/i18n"

// messages is the German catalogue of the room debrief's HTML export
// (debrief.html.tmpl's {{t "…"}} and the speaker names). The CSV export's
// column names are keys for spreadsheets and stay as they are.
var messages = i18n.Catalog{
	"Debrief":       "Auswertung",
	"Room":          "Raum",
	"trainee(s)":    "Teilnehmende",
	"Outcomes":      "Ausgänge",
	"outcome":       "Ausgang",
	"trainees":      "Teilnehmende",
	"Scores":        "Punkte",
	"trainee":       "Teilnehmer/in",
	"script":        "Skript",
	"mode":          "Modus",
	"total %":       "gesamt %",
	"band":          "Stufe",
	"pass":          "bestanden",
	"yes":           "ja",
	"no":            "nein",
	"not started":   "nicht begonnen",
	"Rules fired":   "Verletzte Regeln",
	"rule":          "Regel",
	"penalty":       "Abzug",
	"what happened": "was passiert ist",
	"better":        "besser",
	"(critical)":    "(kritisch)",
	"Path heatmap":  "Wege (Heatmap)",
	"node":          "Knoten",
	"total":         "gesamt",
	"Pulse: indices 0–100, before and after":                "Puls: Indizes 0–100, vorher und nachher",
	"Figures from fewer than %d respondents are not shown.": "Zahlen aus weniger als %d Antworten werden nicht gezeigt.",
	"scale":                       "Skala",
	"change (95% CI, paired)":     "Veränderung (95 % CI, gepaart)",
	"%.0f (n=%d)":                 "%.0f (n=%d)",
	"%+.0f [%+.0f, %+.0f] (n=%d)": "%+.0f [%+.0f; %+.0f] (n=%d)",
	"One thing that would help (in no particular order)": "Was helfen würde (in zufälliger Reihenfolge)",

	// the pulse chart (PulseChart)
	"Pulse of team %s: index 0–100 per round (95%% CI)": "Puls des Teams %s: Index 0–100 je Runde (95 %% CI)",
	"round":                             "Runde",
	"index (0–100)":                     "Index (0–100)",
	"no rounds with enough respondents": "keine Runde mit genug Antworten",
	"before":                            "vorher",
	"after":                             "nachher",
	"Removed trainees (left out of every figure above)": "Entfernte Teilnehmende (in keiner Zahl oben enthalten)",
	"removed":     "entfernt",
	"Transcripts": "Gesprächsverläufe",
	"customer":    "Kunde",
	"agent":       "Fachkraft",
	"bot":         "Bot",
	"system":      "System",
	"context":     "Kontext",
}

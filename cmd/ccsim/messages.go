package main

import "github.com/ccsim/ccsim/i18n"

// messages is the German catalogue of the command line's texts for
// trainees and authors (ccsim train, ccsim script lint).
var messages = i18n.Catalog{
	// ccsim script lint
	"warning: %s":                      "Warnung: %s",
	"%s: %d error(s), %d warning(s)\n": "%s: %d Fehler, %d Warnung(en)\n",

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
}

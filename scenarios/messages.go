package scenarios

import "github.com/ccsim/ccsim/i18n"

// decodeMessages is the German catalogue of the decoding errors a script's
// author reads from ccsim script lint --lang de (syntax, unknown keys, values
// of the wrong type): the file, line and key stay as written, and a TOML
// syntax error keeps the TOML library's own detail.
var decodeMessages = i18n.Catalog{
	"unknown key":                    "unbekannter Schlüssel",
	"unknown key (did you mean %q?)": "unbekannter Schlüssel (meinten Sie %q?)",
	"TOML syntax error: %s":          "TOML-Syntaxfehler: %s",

	// values of the wrong type
	"constants are integers, bools or strings":                  "Konstanten sind ganze Zahlen, Wahrheitswerte oder Texte",
	"set members are strings":                                   "Elemente einer Menge sind Texte",
	"init must be an integer, bool, string or list of strings":  "init muss eine ganze Zahl, ein Wahrheitswert, ein Text oder eine Liste von Texten sein",
	"unknown severity %q (want minor, major or critical)":       "unbekannte Schwere %q (erlaubt: minor, major oder critical)",
	"text alternatives are strings":                             "Textvarianten sind Texte",
	"text is a string or a list of strings":                     "text ist ein Text oder eine Liste von Texten",
	"set values are integers, bools or strings":                 "Werte von set sind ganze Zahlen, Wahrheitswerte oder Texte",
	"weight must be a number":                                   "weight muss eine Zahl sein",
	"context must be true or false":                             "context muss true oder false sein",
	"unknown key %q (want weight or context)":                   "unbekannter Schlüssel %q (erlaubt: weight oder context)",
	"a variant is a weight or { weight = 0.5, context = true }": "eine Variante ist ein Gewicht oder { weight = 0.5, context = true }",
}

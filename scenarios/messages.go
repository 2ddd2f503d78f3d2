package scenarios

import "github.com/ccsim/ccsim/i18n"

// decodeMessages is the German catalogue of the decoding errors a script's
// author reads from ccsim script lint --lang de: the file, line and key stay
// as written, and a TOML syntax error keeps the TOML library's own detail.
var decodeMessages = i18n.Catalog{
	"unknown key":                    "unbekannter Schlüssel",
	"unknown key (did you mean %q?)": "unbekannter Schlüssel (meinten Sie %q?)",
	"TOML syntax error: %s":          "TOML-Syntaxfehler: %s",
}

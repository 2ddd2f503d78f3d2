// Package i18n holds what the message catalogues of ccsim share: the
// languages a trainee, facilitator or author can read (English and German),
// how one is chosen (a flag, a script's declaration or a browser's
// Accept-Language), and printers over golang.org/x/text/message catalogues.
//
// Each package keeps its own catalogue next to its code: a Catalog maps the
// English format string, which is also the key, to its German translation.
// Code prints through a *message.Printer from Catalog.Printer, so English
// needs no table and a key missing in German shows up in Check, which each
// package's tests run over its sources.
package i18n

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Lang is a language a user reads: "en" or "de".
type Lang string

// The languages with catalogues.
const (
	English Lang = "en"
	German  Lang = "de"
)

// Langs lists the supported languages, English first.
var Langs = []Lang{English, German}

// Parse reads a --lang value; "" is English.
func Parse(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(strings.TrimSpace(s))); l {
	case "":
		return English, nil
	case English, German:
		return l, nil
	}
	return "", fmt.Errorf("i18n: unknown language %q: want en or de", s)
}

// FromAcceptLanguage picks the supported language a browser prefers most
// from an Accept-Language header, English when it names neither.
func FromAcceptLanguage(header string) Lang { return FromAcceptLanguageOr(header, English) }

// FromAcceptLanguageOr is FromAcceptLanguage with def for a header that
// names neither English nor German (or is missing or malformed).
func FromAcceptLanguageOr(header string, def Lang) Lang {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil {
		return def
	}
	for _, t := range tags {
		base, _ := t.Base()
		switch base.String() {
		case "de":
			return German
		case "en":
			return English
		}
	}
	return def
}

// Tag is the language's BCP 47 tag.
func (l Lang) Tag() language.Tag {
	if l == German {
		return language.German
	}
	return language.English
}

// Catalog maps English format strings (the keys) to their German
// translations, with the same verbs in the same order (or indexed, %[2]s).
type Catalog map[string]string

// Text is key's text in language l, unformatted (a label such as "score %"
// that is not a format): the German entry, or the key itself.
func (c Catalog) Text(l Lang, key string) string {
	if v, ok := c[key]; ok && l == German {
		return v
	}
	return key
}

// Printer prints in language l: German through the catalogue, English
// (and any key the catalogue lacks) as the key itself.
func (c Catalog) Printer(l Lang) *message.Printer {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for k, v := range c {
		if err := b.SetString(language.German, k, v); err != nil {
			panic(fmt.Sprintf("i18n: catalogue entry %q: %v", k, err)) // a programmer error, caught by every test
		}
	}
	return message.NewPrinter(l.Tag(), message.Catalog(b))
}

package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"regexp"
	"slices"

	"github.com/ccsim/ccsim/i18n"
)

// assets are the pages, scripts and styles, embedded in the binary.
//
//go:embed static
var assets embed.FS

// staticFiles serves /static/… from the embedded assets.
func staticFiles() http.Handler {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic("web: " + err.Error())
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}

// page serves one embedded HTML page in the language lang picks for the
// request (localize).
func page(name string, lang func(*http.Request) i18n.Lang) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := assets.ReadFile("static/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Vary", "Accept-Language")
		w.Write(localize(data, lang(r)))
	})
}

// i18nText is an element marked data-i18n, its text and what follows.
var i18nText = regexp.MustCompile(`(<[^>]*\bdata-i18n\b[^>]*>)([^<]*)(<)`)

// localize writes a page in language l: the lang attribute, the text of
// every element marked data-i18n from pageMessages, and, before the first
// script, /i18n/messages.js with the catalogue for the scripts' t("…").
func localize(page []byte, l i18n.Lang) []byte {
	out := i18nText.ReplaceAllFunc(page, func(m []byte) []byte {
		g := i18nText.FindSubmatch(m)
		return slices.Concat(g[1], []byte(html.EscapeString(pageMessages.Text(l, string(g[2])))), g[3])
	})
	out = bytes.Replace(out, []byte(`<html lang="en">`), []byte(`<html lang="`+string(l)+`">`), 1)
	return bytes.Replace(out, []byte(`<script src="/static/common.js"`),
		[]byte(`<script src="/i18n/messages.js?lang=`+string(l)+`" defer></script>`+"\n"+`<script src="/static/common.js"`), 1)
}

// messagesJS serves the page catalogue for the requested language as a
// script that sets self.MSG (English: empty, the keys are the texts).
func (s *Server) messagesJS(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r, s.Lang)
	msg := i18n.Catalog{} // the scripts fill in %s and %d themselves
	if l == i18n.German {
		msg = pageMessages
	}
	data, err := json.Marshal(msg)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Vary", "Accept-Language")
	fmt.Fprintf(w, "\"use strict\";\nself.MSG = %s;\n", data)
}

package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/i18n/i18ntest"
)

// TestPageMessages fails when a text the trainee's pages mark or print has
// no German translation, or a translation is for a text no page uses.
func TestPageMessages(t *testing.T) {
	i18ntest.Check(t, pageMessages, "static")
	i18ntest.Check(t, apiMessages, ".")
}

// TestLocalizedPages asks for the join and play pages and the scripts'
// catalogue with Accept-Language: de, ?lang=de and neither.
func TestLocalizedPages(t *testing.T) {
	ts := newTestServer(t, "")
	get := func(path, acceptLang string) string {
		req, _ := http.NewRequest("GET", ts.http.URL+path, nil)
		if acceptLang != "" {
			req.Header.Set("Accept-Language", acceptLang)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	de := get("/join", "de-DE,de;q=0.9,en;q=0.5")
	for _, want := range []string{`<html lang="de">`, `<h1 data-i18n>Einem Workshop-Raum beitreten</h1>`, `>Beitrittscode</span>`, `>Beitreten</button>`,
		`>Raum beitreten</a>`, `<script src="/i18n/messages.js?lang=de" defer></script>`} {
		if !strings.Contains(de, want) {
			t.Errorf("German join page lacks %q:\n%s", want, de)
		}
	}
	if strings.Contains(de, "Join a workshop room") || strings.Contains(de, ">Join<") {
		t.Errorf("German join page has English left:\n%s", de)
	}
	if play := get("/play/ABCD?lang=de", "en"); !strings.Contains(play, `>Verbleibende Zeit<`) || !strings.Contains(play, `messages.js?lang=de`) {
		t.Errorf("?lang=de does not win over Accept-Language: en:\n%s", play)
	}
	if start := get("/", "de"); !strings.Contains(start, ">Dashboard öffnen<") || !strings.Contains(start, ">Contact-Center-Simulation und Rollenspiel-Training im Browser.<") {
		t.Errorf("the German start page is not German:\n%s", start)
	}
	if en := get("/join", ""); !strings.Contains(en, `<html lang="en">`) || !strings.Contains(en, `>Join a workshop room<`) {
		t.Errorf("the join page without Accept-Language is not English:\n%s", en)
	}
	js := get("/i18n/messages.js?lang=de", "")
	if !strings.Contains(js, `self.MSG = {`) || !strings.Contains(js, `"Send":"Senden"`) {
		t.Errorf("German messages.js = %s", js)
	}
	if js := get("/i18n/messages.js", ""); !strings.Contains(js, "self.MSG = {};") {
		t.Errorf("English messages.js = %s, want an empty catalogue", js)
	}
}

// TestRequestLang checks the order: ?lang=, then Accept-Language, then the
// server's default (ccsim serve --lang).
func TestRequestLang(t *testing.T) {
	tests := []struct {
		name, url, accept string
		def, want         i18n.Lang
	}{
		{"nothing asked, no default", "/join", "", "", i18n.English},
		{"nothing asked, German default", "/join", "", i18n.German, i18n.German},
		{"French browser, German default", "/join", "fr-FR,fr;q=0.9", i18n.German, i18n.German},
		{"English browser wins over the default", "/join", "en-GB", i18n.German, i18n.English},
		{"German browser", "/join", "de-AT,de;q=0.9", i18n.English, i18n.German},
		{"?lang wins", "/join?lang=en", "de", i18n.German, i18n.English},
		{"bad ?lang is ignored", "/join?lang=xx", "de", i18n.English, i18n.German},
	}
	for _, tc := range tests {
		r := httptest.NewRequest("GET", tc.url, nil)
		if tc.accept != "" {
			r.Header.Set("Accept-Language", tc.accept)
		}
		if got := requestLang(r, tc.def); got != tc.want {
			t.Errorf("%s: requestLang = %q, want %q", tc.name, got, tc.want)
		}
	}
}

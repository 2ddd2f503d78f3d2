package web

import (
	"net/http"

	"github.com/ccsim/ccsim/i18n"
)

// requestLang is the language a request asks for: ?lang=en|de, else the
// browser's Accept-Language, else English.
func requestLang(r *http.Request) i18n.Lang {
	if q := r.URL.Query().Get("lang"); q != "" {
		if l, err := i18n.Parse(q); err == nil {
			return l
		}
	}
	return i18n.FromAcceptLanguage(r.Header.Get("Accept-Language"))
}

package web

import (
	"net/http"

	"github.com/ccsim/ccsim/i18n"
	"golang.org/x/text/message"
)

// requestLang is the language a request asks for: ?lang=en|de, else the
// browser's Accept-Language, else def (Server.Lang).
func requestLang(r *http.Request, def i18n.Lang) i18n.Lang {
	if q := r.URL.Query().Get("lang"); q != "" {
		if l, err := i18n.Parse(q); err == nil {
			return l
		}
	}
	if def == "" {
		def = i18n.English
	}
	return i18n.FromAcceptLanguageOr(r.Header.Get("Accept-Language"), def)
}

// printer prints the server's own texts (its API's errors) in the
// language the request asks for.
func (s *Server) printer(r *http.Request) *message.Printer {
	return apiMessages.Printer(requestLang(r, s.Lang))
}

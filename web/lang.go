package web

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/workshop"
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

// pageLang picks the language of page file per request: a trainee's join
// (?code=) and play pages follow their room (roomPageLang), the others
// requestLang.
func (s *Server) pageLang(file string) func(*http.Request) i18n.Lang {
	var code func(*http.Request) string
	switch file {
	case "join.html":
		code = func(r *http.Request) string { return r.URL.Query().Get("code") }
	case "play.html":
		code = func(r *http.Request) string { return r.PathValue("code") }
	default:
		return func(r *http.Request) i18n.Lang { return requestLang(r, s.Lang) }
	}
	return func(r *http.Request) i18n.Lang { return s.roomPageLang(r, s.roomLang(r.Context(), code(r))) }
}

// roomPageLang is the language of a request that follows a room (a
// trainee's pages and socket, the room's exported debrief): ?lang=en|de,
// else room (the room's language, "" when the facilitator left it to each
// browser), else requestLang.
func (s *Server) roomPageLang(r *http.Request, room i18n.Lang) i18n.Lang {
	if q := r.URL.Query().Get("lang"); q != "" {
		if l, err := i18n.Parse(q); err == nil {
			return l
		}
	}
	if room != "" {
		return room
	}
	return requestLang(r, s.Lang)
}

// roomLang is the language room code was opened with, "" when it has none
// or there is no such room. A room in memory answers from there; an
// archived one is read from the store, not loaded.
func (s *Server) roomLang(ctx context.Context, code string) i18n.Lang {
	code = workshop.NormalizeCode(code)
	if !workshop.ValidCode(code) || s.db == nil {
		return ""
	}
	s.mu.Lock()
	h := s.rooms[code]
	s.mu.Unlock()
	if h != nil {
		return h.lang
	}
	rec, ok, err := s.db.Room(ctx, code)
	if err != nil || !ok {
		return ""
	}
	var cfg workshop.Config
	if json.Unmarshal(rec.Config, &cfg) != nil {
		return ""
	}
	return i18n.Lang(cfg.Lang)
}

package web

import (
	"net/http"
	"strings"

	"github.com/ccsim/ccsim/workshop"
)

// The facilitator's browser proves it holds the room's secret with a
// cookie, so that no address, link or page it shows carries the secret:
// the cookie is HttpOnly (page scripts cannot read it), SameSite=Strict
// (no other site can make the browser send it) and scoped to one room by
// its name. API clients may send the secret in an Authorization header
// instead.

// facCookieAge is how long a facilitator's browser stays signed in to a room, in seconds.
const facCookieAge = 30 * 24 * 3600

// facCookieName is the name of the cookie that holds room code's secret.
func facCookieName(code string) string { return "ccsim_fac_" + code }

// setFacilitatorCookie signs the browser of r in to room code.
func setFacilitatorCookie(w http.ResponseWriter, r *http.Request, code, tok string) {
	http.SetCookie(w, &http.Cookie{Name: facCookieName(code), Value: tok, Path: "/", MaxAge: facCookieAge,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

// facilitatorToken is the room secret r presents for room code: its
// Authorization header, else its facilitator cookie.
func facilitatorToken(r *http.Request, code string) string {
	if tok := bearer(r); tok != "" {
		return tok
	}
	if c, err := r.Cookie(facCookieName(code)); err == nil {
		return strings.TrimSpace(c.Value)
	}
	return ""
}

// facilitatorSession exchanges the room secret (in the body, never in the
// address) for the facilitator cookie: the page that asked can then drop
// the secret from its address and links.
func (s *Server) facilitatorSession(w http.ResponseWriter, r *http.Request) {
	tok, ok := s.readSecret(w, r)
	if !ok {
		return
	}
	code := workshop.NormalizeCode(r.PathValue("code"))
	h := s.facHub(code, tok)
	if h == nil {
		s.limits.fail(r)
		writeError(w, http.StatusForbidden, "that is not this room's secret")
		return
	}
	setFacilitatorCookie(w, r, code, tok)
	writeJSON(w, http.StatusOK, map[string]string{"code": code})
}

// facilitator guards a handler with the room's secret: 403 without it.
func (s *Server) facilitator(next func(http.ResponseWriter, *http.Request, *hub)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		code := workshop.NormalizeCode(r.PathValue("code"))
		h := s.facHub(code, facilitatorToken(r, code))
		if h == nil {
			writeError(w, http.StatusForbidden, "facilitator token required")
			return
		}
		next(w, r, h)
	}
}

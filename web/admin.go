package web

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// Creating rooms needs the server's admin token when Server.AdminToken is
// set (ccsim serve always sets one: given, or generated and printed once at
// start). A browser exchanges it once, in a POST body, for an HttpOnly,
// SameSite=Strict cookie, as facilitators do with a room's secret.

// adminCookie is the name of the cookie that holds the admin token.
const adminCookie = "ccsim_admin"

// adminOK reports whether r presents the admin token (header or cookie);
// always true when the server has none.
func (s *Server) adminOK(r *http.Request) bool {
	if s.AdminToken == "" {
		return true
	}
	tok := bearer(r)
	if tok == "" {
		if c, err := r.Cookie(adminCookie); err == nil {
			tok = c.Value
		}
	}
	return tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(s.AdminToken)) == 1
}

// adminStatus tells the workshop page whether it must ask for the admin token.
func (s *Server) adminStatus(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]bool{"required": s.AdminToken != "", "signed_in": s.AdminToken != "" && s.adminOK(r)})
}

// adminSession exchanges the admin token for the admin cookie. A wrong
// token counts as a failure for the address's rate limit.
func (s *Server) adminSession(w http.ResponseWriter, r *http.Request) {
	tok, ok := s.readSecret(w, r)
	if !ok {
		return
	}
	if s.AdminToken == "" || subtle.ConstantTimeCompare([]byte(tok), []byte(s.AdminToken)) != 1 {
		s.limits.fail(r)
		writeError(w, http.StatusForbidden, "that is not this server's admin token")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: adminCookie, Value: tok, Path: "/", MaxAge: facCookieAge,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	writeJSON(w, http.StatusOK, map[string]bool{"signed_in": true})
}

// readSecret reads the {"token": …} body of a sign-in (admin or
// facilitator) within the address's rate limit; false means the request
// was answered already.
func (s *Server) readSecret(w http.ResponseWriter, r *http.Request) (string, bool) {
	if !s.allow(w, r, limitJoin) {
		return "", false
	}
	var req struct {
		Token string `json:"token"`
	}
	if !readJSON(w, r, &req) {
		return "", false
	}
	return strings.TrimSpace(req.Token), true
}

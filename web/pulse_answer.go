package web

import (
	"net/http"
	"strings"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/workshop"
)

// pulseCookie marks a browser that has answered stand-alone pulse code.
func pulseCookie(code string) string { return "ccsim_pulse_" + code }

// standalone returns the stand-alone round with ?code and its instrument;
// false when it answered the request already.
func (s *Server) standalone(w http.ResponseWriter, r *http.Request) (workshop.PulseRound, *scenarios.Instrument, bool) {
	if !s.allow(w, r, limitJoin) {
		return workshop.PulseRound{}, nil, false
	}
	code := workshop.NormalizeCode(r.PathValue("code"))
	rd, found, err := s.db.PulseRound(r.Context(), code)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return rd, nil, false
	}
	if found && rd.Kind == workshop.KindStandalone {
		in, err := scenarios.ParsePulse(code+scenarios.PulseSuffix, rd.Instrument)
		if err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return rd, nil, false
		}
		return rd, in, true
	}
	s.limits.fail(r)
	writeError(w, http.StatusNotFound, s.printer(r).Sprintf("there is no open stand-alone pulse with this code"))
	return workshop.PulseRound{}, nil, false
}

// pulseForm answers the questions of a stand-alone pulse in the language
// the request asks for (requestLang).
func (s *Server) pulseForm(w http.ResponseWriter, r *http.Request) {
	rd, in, ok := s.standalone(w, r)
	if !ok {
		return
	}
	_, err := r.Cookie(pulseCookie(rd.ID))
	writeJSON(w, http.StatusOK, map[string]any{"title": rd.Title, "team": rd.Team, "answered": err == nil,
		"form": workshop.Form(in, "before", string(requestLang(r, s.Lang)))})
}

// pulseAnswerBody is one person's answers to a stand-alone pulse.
type pulseAnswerBody struct {
	Answers []int  `json:"answers"` // one per statement, 1 to 5, 0 skipped
	Text    string `json:"text"`
}

// pulseAnswer stores one person's answers under a new respondent key and
// marks the browser (a cookie) so that it is not asked again.
func (s *Server) pulseAnswer(w http.ResponseWriter, r *http.Request) {
	rd, in, ok := s.standalone(w, r)
	if !ok {
		return
	}
	if _, err := r.Cookie(pulseCookie(rd.ID)); err == nil {
		writeError(w, http.StatusConflict, s.printer(r).Sprintf("this browser has already answered this pulse"))
		return
	}
	var body pulseAnswerBody
	if !readJSON(w, r, &body) {
		return
	}
	b, err := workshop.StandaloneAnswer(rd, in, body.Answers, strings.TrimSpace(body.Text))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := s.db.Commit(r.Context(), b); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	http.SetCookie(w, &http.Cookie{Name: pulseCookie(rd.ID), Value: "1", Path: "/", MaxAge: 90 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	writeJSON(w, http.StatusOK, map[string]bool{"stored": true})
}

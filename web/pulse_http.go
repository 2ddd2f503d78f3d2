package web

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/workshop"
)

// pulseRoutes serves the team pulse history and the stand-alone pulse.
// The history needs the admin token, or the facilitator cookie of a room
// of that team (named by ?room=); a stand-alone pulse is answered by anyone
// with its code, which is its only secret.
func (s *Server) pulseRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/pulse/teams", s.pulseTeams)
	mux.HandleFunc("GET /api/pulse/history", s.pulseHistory)
	mux.HandleFunc("GET /api/pulse/export/{file}", s.pulseExport)
	mux.HandleFunc("POST /api/pulses", s.openPulse)
	mux.HandleFunc("GET /api/pulses/{code}/form", s.pulseForm)
	mux.HandleFunc("POST /api/pulses/{code}/answers", s.pulseAnswer)
}

// pulseAllowed reports whether r may read team's history: with the admin
// token, or as the facilitator of room ?room= whose team it is.
func (s *Server) pulseAllowed(r *http.Request, team string) bool {
	if s.adminOK(r) {
		return true
	}
	code := workshop.NormalizeCode(r.URL.Query().Get("room"))
	h := s.facHub(code, facilitatorToken(r, code))
	return h != nil && h.Config.Team == team // Config never changes: safe to read here
}

// pulseTeams lists the teams with pulse rounds (admin only).
func (s *Server) pulseTeams(w http.ResponseWriter, r *http.Request) {
	if !s.adminOK(r) {
		writeError(w, http.StatusForbidden, s.printer(r).Sprintf("this needs the server's admin token (printed by ccsim serve at start)"))
		return
	}
	rounds, err := s.db.PulseRounds(r.Context(), "")
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	teams := workshop.Teams(rounds)
	if teams == nil {
		teams = []workshop.TeamCount{}
	}
	writeJSON(w, http.StatusOK, teams)
}

// history reads and summarises ?team= in the language the request asks for; false when it answered
// the request already (not allowed, no such team, a store error).
func (s *Server) history(w http.ResponseWriter, r *http.Request) (workshop.History, bool) {
	team := r.URL.Query().Get("team")
	if team == "" {
		writeError(w, http.StatusBadRequest, s.printer(r).Sprintf("name a team (?team=…)"))
		return workshop.History{}, false
	}
	if !s.pulseAllowed(r, team) {
		writeError(w, http.StatusForbidden, s.printer(r).Sprintf("this team's history needs the admin token, or the facilitator sign-in of one of the team's rooms"))
		return workshop.History{}, false
	}
	rounds, err := s.db.PulseHistory(r.Context(), team)
	if err == nil && len(rounds) == 0 {
		writeError(w, http.StatusNotFound, s.printer(r).Sprintf("this team has no pulse rounds yet"))
		return workshop.History{}, false
	}
	var h workshop.History
	if err == nil {
		h, err = workshop.BuildHistory(team, rounds, string(requestLang(r, s.Lang)), s.MinGroup)
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return h, false
	}
	return h, true
}

// pulseHistory answers a team's history as JSON.
func (s *Server) pulseHistory(w http.ResponseWriter, r *http.Request) {
	if h, ok := s.history(w, r); ok {
		writeJSON(w, http.StatusOK, h)
	}
}

// pulseExport downloads a team's history as CSV, JSON, PNG or SVG.
func (s *Server) pulseExport(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	types := map[string]string{"history.csv": "text/csv; charset=utf-8", "history.json": "application/json",
		"history.png": "image/png", "history.svg": "image/svg+xml"}
	ctype, known := types[file]
	if !known {
		http.NotFound(w, r)
		return
	}
	h, ok := s.history(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	var err error
	switch ext := strings.TrimPrefix(file, "history."); ext {
	case "csv":
		err = reports.WritePulseCSV(&buf, h)
	case "json":
		err = reports.WritePulseJSON(&buf, h)
	default:
		err = reports.Render(&buf, reports.PulseChart(h, requestLang(r, s.Lang)), reports.Format(ext))
	}
	writeDownload(w, ctype, "pulse-"+slugName(h.Team)+"-"+file, buf.Bytes(), err)
}

// slugName makes a team label part of a file name.
func slugName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, s)
}

// pulseRequest opens a stand-alone pulse.
type pulseRequest struct {
	Team       string `json:"team"`
	Title      string `json:"title"`
	Instrument string `json:"instrument"` // a pasted *.pulse.toml; "" for the bundled one
}

// openPulse opens a stand-alone pulse for a team (admin only) and answers
// its code and link.
func (s *Server) openPulse(w http.ResponseWriter, r *http.Request) {
	if !s.adminOK(r) {
		writeError(w, http.StatusForbidden, s.printer(r).Sprintf("this needs the server's admin token (printed by ccsim serve at start)"))
		return
	}
	var req pulseRequest
	if !readJSON(w, r, &req) {
		return
	}
	req.Team, req.Title = strings.TrimSpace(req.Team), strings.TrimSpace(req.Title)
	if err := workshop.CheckTeam(req.Team); err != nil || req.Team == "" || len([]rune(req.Title)) > 80 {
		writeError(w, http.StatusBadRequest, s.printer(r).Sprintf("a stand-alone pulse needs a team label (at most 60 characters) and a title of at most 80"))
		return
	}
	if strings.TrimSpace(req.Instrument) == "" {
		req.Instrument = s.Instrument
	}
	in, err := instrumentOf(req.Instrument)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	round := workshop.NewStandalone(req.Team, req.Title, in, s.Now().UnixMilli())
	if err := s.db.Commit(r.Context(), &workshop.Batch{PulseRounds: []workshop.PulseRound{round}}); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"code": round.ID, "link": "/pulse/" + round.ID})
}

// instrumentOf parses a pasted instrument, or the bundled one for "".
func instrumentOf(src string) (*scenarios.Instrument, error) {
	if strings.TrimSpace(src) == "" {
		return scenarios.BundledPulse("")
	}
	return scenarios.ParsePulse("instrument"+scenarios.PulseSuffix, []byte(src))
}

package web

import (
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
)

func (s *Server) roomRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/roleplays", s.listRoleplays)
	mux.HandleFunc("GET /api/admin", s.adminStatus)
	mux.HandleFunc("POST /api/admin/session", s.adminSession)
	mux.HandleFunc("POST /api/rooms", s.createRoom)
	mux.HandleFunc("POST /api/join", s.joinRoom)
	mux.HandleFunc("POST /api/rooms/{code}/actions", s.facilitator(s.roomAction))
	mux.HandleFunc("GET /api/rooms/{code}/debrief", s.facilitator(s.roomDebrief))
	mux.HandleFunc("GET /api/rooms/{code}/export/{file}", s.facilitator(s.roomExport))
	mux.HandleFunc("POST /api/rooms/{code}/session", s.facilitatorSession)
	mux.HandleFunc("GET /api/rooms/{code}/status", s.facilitator(s.roomStatusAPI))
	mux.HandleFunc("GET /api/rooms/{code}/qr.svg", s.facilitator(s.roomQR))
	mux.HandleFunc("GET /ws/room", s.serveRoomWS)
}

// listRoleplays lists the bundled role-plays.
func (s *Server) listRoleplays(w http.ResponseWriter, r *http.Request) {
	type item struct {
		Name  string   `json:"name"`
		Title string   `json:"title"`
		Modes []string `json:"modes"`
	}
	out := []item{}
	for _, name := range scenarios.RoleplayNames() {
		sc, err := scenarios.BundledRoleplay(name)
		if err != nil {
			continue
		}
		it := item{Name: name, Title: sc.Title}
		for _, m := range []trainer.Mode{trainer.ModeGuided, trainer.ModeFree} {
			if sc.HasMode(m) {
				it.Modes = append(it.Modes, string(m))
			}
		}
		out = append(out, it)
	}
	writeJSON(w, http.StatusOK, out)
}

// created is the answer to opening a room. The token (the room's secret)
// is shown only here; the answer also sets the facilitator cookie, so the
// links carry no secret.
type created struct {
	Code       string `json:"code"`
	Token      string `json:"token"`
	Facilitate string `json:"facilitate"` // the control view
	Project    string `json:"project"`    // the projector view: join code, QR code, status
	Join       string `json:"join"`
}

// createRoom opens a workshop room.
func (s *Server) createRoom(w http.ResponseWriter, r *http.Request) {
	if !s.allow(w, r, limitCreate) {
		return
	}
	if !s.adminOK(r) {
		s.limits.fail(r)
		writeError(w, http.StatusUnauthorized, "opening a room needs the server's admin token (printed by ccsim serve at start)")
		return
	}
	var req workshop.Request
	if !readJSON(w, r, &req) {
		return
	}
	if req.MinGroup != 0 || s.MinGroup > workshop.MinGroup {
		req.MinGroup = max(req.MinGroup, s.MinGroup) // a room may raise the server's threshold, never lower it
	}
	if strings.TrimSpace(req.Instrument) == "" {
		req.Instrument = s.Instrument
	}
	cfg, scripts, err := workshop.Prepare(req)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	h, tok, err := s.openRoom(r.Context(), cfg, scripts)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	setFacilitatorCookie(w, r, h.Code, tok)
	writeJSON(w, http.StatusCreated, created{Code: h.Code, Token: tok,
		Facilitate: "/facilitate/" + h.Code, Project: "/project/" + h.Code, Join: "/join?code=" + h.Code})
}

// openRoom stores a new room with a fresh code and token and starts its hub.
func (s *Server) openRoom(ctx context.Context, cfg workshop.Config, scripts []*trainer.Script) (*hub, string, error) {
	var bd *workshop.Backdrop
	if cfg.Backdrop != nil {
		var err error
		if bd, err = workshop.NewBackdrop(*cfg.Backdrop, cfg.Seed); err != nil {
			return nil, "", err
		}
	}
	tok := workshop.NewToken()
	s.mu.Lock()
	code := workshop.NewCode()
	for s.codeTaken(code) {
		code = workshop.NewCode()
	}
	room := workshop.New(code, workshop.HashToken(tok), cfg, scripts, s.Now)
	room.CreatedMS = s.Now().UnixMilli()
	room.Backdrop = bd
	h := newHub(room, s.db, s.Log)
	h.serverTime = s.ServerTime
	s.rooms[code] = h // reserve the code
	s.mu.Unlock()
	b := &workshop.Batch{Rooms: []workshop.RoomRecord{room.Record()}}
	if err := s.db.Commit(ctx, b); err != nil {
		s.mu.Lock()
		delete(s.rooms, code)
		s.mu.Unlock()
		return nil, "", err
	}
	s.startHub(h)
	s.Log.Info("room opened", "room", code, "scripts", len(scripts))
	return h, tok, nil
}

// joinRoom seats a trainee and returns their resume token.
func (s *Server) joinRoom(w http.ResponseWriter, r *http.Request) {
	if !s.allow(w, r, limitJoin) {
		return
	}
	var req workshop.JoinRequest
	if !readJSON(w, r, &req) {
		return
	}
	code := workshop.NormalizeCode(req.Code)
	h := s.hub(code)
	if !workshop.ValidCode(code) || h == nil {
		s.limits.fail(r)
		writeError(w, http.StatusNotFound, s.printer(r).Sprintf("no room with that code"))
		return
	}
	v, err := h.do(r.Context(), func() (any, error) { return h.join(req) })
	switch {
	case errors.Is(err, workshop.ErrLocked), errors.Is(err, workshop.ErrFull), errors.Is(err, workshop.ErrEnded), errors.Is(err, workshop.ErrRemoved):
		writeError(w, http.StatusForbidden, s.joinRefusal(r, err))
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	j := v.(workshop.Joined)
	s.mu.Lock()
	s.seats[hex.EncodeToString(workshop.HashToken(j.Token))] = code
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, j)
}

// roomAction carries out a facilitator command.
func (s *Server) roomAction(w http.ResponseWriter, r *http.Request, h *hub) {
	var a workshop.Action
	if !readJSON(w, r, &a) {
		return
	}
	v, err := h.do(r.Context(), func() (any, error) { return h.act(a) })
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.Log.Info("facilitator action", "room", h.Code, "action", a.Action)
	writeJSON(w, http.StatusOK, v)
}

// joinRefusal is why a room refuses a trainee, in the trainee's language.
func (s *Server) joinRefusal(r *http.Request, err error) string {
	p := s.printer(r)
	switch {
	case errors.Is(err, workshop.ErrLocked):
		return p.Sprintf("the room is locked")
	case errors.Is(err, workshop.ErrFull):
		return p.Sprintf("the room is full")
	case errors.Is(err, workshop.ErrEnded):
		return p.Sprintf("the workshop has ended")
	}
	return p.Sprintf("the facilitator has removed you from this room")
}

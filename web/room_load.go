package web

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ccsim/ccsim/workshop"
)

// roomMaxAge is how long after its creation a room that never ended is
// still rebuilt at start; older rooms, like ended ones, stay archived.
const roomMaxAge = 7 * 24 * time.Hour

// restore rebuilds the open rooms (not ended, opened within roomMaxAge) and
// starts their hubs. Closed rooms stay archived in the store: hub loads one
// only when someone asks for it (its debrief, say), so the time to start
// grows with the open rooms, not with every room ever opened.
func (s *Server) restore() error {
	recs, err := s.db.OpenRooms(s.ctx, s.Now().Add(-roomMaxAge).UnixMilli())
	if err != nil {
		return err
	}
	for _, r := range recs {
		if _, err := s.rebuild(r); err != nil {
			return err
		}
	}
	s.Log.Info("rooms restored", "rooms", len(recs))
	return nil
}

// rebuild builds room r from the store, replaying its sessions, and starts
// its hub. It returns a nil hub when the room's scripts no longer load.
func (s *Server) rebuild(r workshop.RoomRecord) (*hub, error) {
	var cfg workshop.Config
	if err := json.Unmarshal(r.Config, &cfg); err != nil {
		return nil, fmt.Errorf("web: room %s: %w", r.Code, err)
	}
	scripts, err := workshop.ParseScripts(cfg.Scripts)
	if err != nil {
		s.Log.Error("room scripts no longer load; room skipped", "room", r.Code, "err", err)
		return nil, nil
	}
	room := workshop.New(r.Code, r.TokenHash, cfg, scripts, s.Now)
	if err := room.Restore(s.ctx, s.db, r); err != nil {
		return nil, err
	}
	for _, st := range room.Seats {
		if st.Broken != "" {
			s.Log.Error("cannot rebuild session", "room", r.Code, "seat", st.Participant.Seat, "err", st.Broken)
		}
	}
	if cfg.Backdrop != nil {
		room.Backdrop, _ = workshop.NewBackdrop(*cfg.Backdrop, cfg.Seed)
	}
	room.ResumeRestored()
	h := newHub(room, s.db, s.Log)
	h.serverTime = s.ServerTime
	s.mu.Lock()
	for _, st := range h.Seats {
		if !st.Extra.Removed {
			s.seats[hex.EncodeToString(st.Participant.TokenHash)] = r.Code
		}
	}
	s.rebuilt++
	s.mu.Unlock()
	s.startHub(h)
	return h, nil
}

// hub returns the room with join code: a running one, else an archived
// one loaded from the store; nil when there is none.
func (s *Server) hub(code string) *hub {
	s.mu.Lock()
	h := s.rooms[code]
	s.mu.Unlock()
	if h != nil || !workshop.ValidCode(code) {
		return h
	}
	return s.loadArchived(code, "")
}

// facHub returns room code when tok is its facilitator secret, else nil.
// An archived room is loaded only when the secret matches its stored hash.
func (s *Server) facHub(code, tok string) *hub {
	s.mu.Lock()
	h := s.rooms[code]
	s.mu.Unlock()
	if h == nil && workshop.ValidCode(code) && tok != "" {
		h = s.loadArchived(code, tok)
	}
	if h == nil || !workshop.TokenMatches(tok, h.TokenHash) {
		return nil
	}
	return h
}

// loadArchived loads and starts archived room code; nil when there is
// none, or when tok is not "" and is not the room's secret.
func (s *Server) loadArchived(code, tok string) *hub {
	s.loadMu.Lock()
	defer s.loadMu.Unlock()
	s.mu.Lock()
	h := s.rooms[code]
	s.mu.Unlock()
	if h != nil {
		return h
	}
	r, ok, err := s.db.Room(s.ctx, code)
	if err != nil {
		s.Log.Error("loading an archived room", "room", code, "err", err)
	}
	if !ok || tok != "" && !workshop.TokenMatches(tok, r.TokenHash) {
		return nil
	}
	if h, err = s.rebuild(r); err != nil {
		s.Log.Error("loading an archived room", "room", code, "err", err)
		return nil
	}
	s.Log.Info("archived room loaded", "room", code)
	return h
}

// seatRoom is the join code of the room of the seat whose resume token
// hashes to hash, looking in the store for seats of archived rooms.
func (s *Server) seatRoom(hash []byte) string {
	s.mu.Lock()
	code := s.seats[hex.EncodeToString(hash)]
	s.mu.Unlock()
	if code != "" {
		return code
	}
	code, err := s.db.RoomOfToken(s.ctx, hash)
	if err != nil {
		s.Log.Error("looking up a seat", "err", err)
	}
	return code
}

// codeTaken reports whether a room, running or archived, has join code.
// s.mu must be held.
func (s *Server) codeTaken(code string) bool {
	if s.rooms[code] != nil {
		return true
	}
	_, ok, err := s.db.Room(s.ctx, code)
	return ok || err != nil
}

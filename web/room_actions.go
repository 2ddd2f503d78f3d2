package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/web/store"
)

// Limits on what trainees type.
const (
	maxName  = 40   // runes in a display name or trainee id
	maxReply = 1000 // runes in one free-text reply
)

// Errors of room actions, shown to the user.
var (
	errLocked  = errors.New("the room is locked")
	errFull    = errors.New("the room is full")
	errEnded   = errors.New("the workshop has ended")
	errBadName = errors.New("enter a display name of 1 to 40 characters")
	errBadMode = errors.New("choose guided or free mode")
	errNoSeat  = errors.New("no such trainee in this room")
)

// inMsg is a message from a trainee.
type inMsg struct {
	T       string `json:"t"`       // reply, say, pulse
	N       int64  `json:"n"`       // the client's message number, increasing; resent messages keep theirs
	ID      string `json:"id"`      // reply id (reply)
	Text    string `json:"text"`    // free text (say)
	Phase   string `json:"phase"`   // before or after (pulse)
	Answers []int  `json:"answers"` // 1-5 per pulse item, 0 skipped
}

// handle applies one trainee message. A message numbered at or below the
// last one applied is a resend after a reconnect: it is acknowledged again,
// not applied twice.
func (h *hub) handle(m hubMsg) {
	c, s := m.c, m.c.seat
	if c.gone || s == nil || s.extra.Removed {
		return
	}
	var msg inMsg
	if err := json.Unmarshal(m.data, &msg); err != nil {
		h.reject(c, 0, "malformed message")
		return
	}
	if msg.N <= s.p.LastN {
		h.dirty[s] = true // acknowledge again
		return
	}
	s.p.LastN = msg.N
	h.pdirty[s] = true
	err := h.apply(s, msg)
	h.persist(s)
	if err != nil {
		h.reject(c, msg.N, err.Error())
	}
}

// apply carries out one trainee message on the seat.
func (h *hub) apply(s *seat, msg inMsg) error {
	switch msg.T {
	case "reply", "say":
		if s.sess == nil {
			return errors.New("the session has not started yet")
		}
		if msg.T == "reply" {
			return friendly(s.sess.Reply(msg.ID))
		}
		text := strings.TrimSpace(msg.Text)
		if text == "" || utf8.RuneCountInString(text) > maxReply {
			return fmt.Errorf("a reply has 1 to %d characters", maxReply)
		}
		return friendly(s.sess.Say(text))
	case "pulse":
		if msg.Phase != "before" && msg.Phase != "after" || len(msg.Answers) != len(pulseItems) {
			return errors.New("malformed pulse answers")
		}
		for _, a := range msg.Answers {
			if a < 0 || a > 5 {
				return errors.New("pulse answers are 1 to 5")
			}
		}
		if s.extra.Pulse == nil {
			s.extra.Pulse = map[string][]int{}
		}
		s.extra.Pulse[msg.Phase] = msg.Answers
		return nil
	}
	return fmt.Errorf("unknown message %q", msg.T)
}

// friendly turns engine errors into sentences for the trainee.
func friendly(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, trainer.ErrPaused):
		return errors.New("the facilitator has paused the room")
	case errors.Is(err, trainer.ErrEnded):
		return errors.New("this conversation has ended")
	case errors.Is(err, trainer.ErrNoReply):
		return errors.New("that reply is not offered here")
	}
	return err
}

// reject tells c, once the round is committed, that message n was refused.
func (h *hub) reject(c *client, n int64, text string) {
	msg := mustJSON(map[string]any{"t": "error", "n": n, "msg": text})
	h.afterCommit(func() { h.send(c, msg) })
}

// joinRequest is what a trainee sends to join.
type joinRequest struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Trainee string `json:"trainee"`
	Mode    string `json:"mode"`
}

// joined is the answer to a join: the resume token is shown only here.
type joined struct {
	ID    string `json:"id"`
	Token string `json:"token"`
	Code  string `json:"code"`
}

// join seats a new trainee (in the hub's goroutine).
func (h *hub) join(req joinRequest) (any, error) {
	name := strings.TrimSpace(req.Name)
	if name == "" || utf8.RuneCountInString(name) > maxName || utf8.RuneCountInString(req.Trainee) > maxName {
		return nil, errBadName
	}
	switch {
	case h.st.Ended:
		return nil, errEnded
	case h.st.Locked:
		return nil, errLocked
	case h.cfg.Cap > 0 && h.active() >= h.cfg.Cap:
		return nil, errFull
	}
	mode := h.cfg.Mode
	if mode == "choice" || mode == "" {
		mode = req.Mode
	}
	idx := len(h.seats)
	sc := h.scripts[idx%len(h.scripts)]
	if (mode != "guided" && mode != "free") || !sc.HasMode(trainer.Mode(mode)) {
		return nil, errBadMode
	}
	tok := newToken()
	s := &seat{script: sc, clients: map[*client]bool{}, p: store.Participant{
		ID: newID(), Room: h.code, Seat: idx + 1, Name: name, Trainee: strings.TrimSpace(req.Trainee),
		TokenHash: hashToken(tok), Script: h.cfg.Scripts[idx%len(h.cfg.Scripts)].Name, Mode: mode,
		JoinedMS: h.now().UnixMilli()}}
	h.seats = append(h.seats, s)
	h.byID[s.p.ID] = s
	h.pdirty[s] = true
	h.gridDirty = true
	if h.st.Started && !h.st.Ended {
		if err := h.startSeat(s); err != nil {
			return nil, err
		}
	}
	return joined{ID: s.p.ID, Token: tok, Code: h.code}, nil
}

// active counts the trainees not removed.
func (h *hub) active() int {
	n := 0
	for _, s := range h.seats {
		if !s.extra.Removed {
			n++
		}
	}
	return n
}

// startSeat starts the seat's session with the room's seed and forced variant.
func (h *hub) startSeat(s *seat) error {
	if s.sess != nil || s.extra.Removed {
		return nil
	}
	opt := trainer.Options{Mode: trainer.Mode(s.p.Mode), Seed: h.cfg.Seed, Trainee: s.p.ID, Now: h.now}
	if hasVariant(s.script, h.st.Variant) {
		opt.Variant = h.st.Variant
	}
	sess, err := trainer.Start(s.script, opt)
	if err != nil {
		return err
	}
	s.sess = sess
	if h.st.Paused {
		sess.Pause()
	}
	h.persist(s)
	return nil
}

// anyVariant reports whether a script of the room has hand-off variant v.
func (h *hub) anyVariant(v string) bool {
	for _, sc := range h.scripts {
		if hasVariant(sc, v) {
			return true
		}
	}
	return false
}

func hasVariant(sc *trainer.Script, v string) bool {
	if v == "" || sc.Handoff == nil {
		return false
	}
	for _, x := range sc.Handoff.Variants {
		if x.Name == v {
			return true
		}
	}
	return false
}

// action is a facilitator command.
type action struct {
	Action  string `json:"action"` // start, pause, resume, lock, unlock, remove, inject, variant, end
	Seat    string `json:"seat"`   // participant id (remove; inject to one trainee)
	Inject  string `json:"inject"`
	Variant string `json:"variant"`
}

// act carries out a facilitator command (in the hub's goroutine).
func (h *hub) act(a action) (any, error) {
	h.roomDirty = true
	switch a.Action {
	case "start":
		h.st.Started = true
		for _, s := range h.seats {
			if err := h.startSeat(s); err != nil {
				return nil, err
			}
		}
	case "pause", "resume":
		h.st.Paused, h.st.AutoPaused = a.Action == "pause", false
		h.eachSession(func(s *seat) {
			if h.st.Paused {
				s.sess.Pause()
			} else {
				s.sess.Resume()
			}
		})
	case "lock", "unlock":
		h.st.Locked = a.Action == "lock"
	case "remove":
		s := h.byID[a.Seat]
		if s == nil {
			return nil, errNoSeat
		}
		h.remove(s)
	case "inject":
		return h.inject(a)
	case "variant":
		if a.Variant != "" && !h.anyVariant(a.Variant) {
			return nil, fmt.Errorf("no script of this room has the hand-off variant %q", a.Variant)
		}
		h.st.Variant = a.Variant
	case "end":
		h.st.Ended, h.st.Paused = true, false
		h.eachSession(func(s *seat) { s.sess.Quit() })
	default:
		return nil, fmt.Errorf("unknown action %q", a.Action)
	}
	h.saveState()
	return h.st, nil
}

// eachSession calls f for every running session and persists its events.
func (h *hub) eachSession(f func(*seat)) {
	for _, s := range h.seats {
		if s.sess != nil && !s.sess.Ended() && !s.extra.Removed {
			f(s)
			h.persist(s)
		}
	}
}

// inject fires an inject in one session or in every session whose script has it.
func (h *hub) inject(a action) (any, error) {
	n := 0
	h.eachSession(func(s *seat) {
		if a.Seat != "" && s.p.ID != a.Seat {
			return
		}
		if s.sess.Inject(a.Inject) == nil {
			n++
		}
	})
	if n == 0 {
		return nil, fmt.Errorf("no running session has the inject %q", a.Inject)
	}
	return map[string]int{"sessions": n}, nil
}

// remove ends a trainee's session, disconnects them and voids their resume token.
func (h *hub) remove(s *seat) {
	if s.sess != nil && !s.sess.Ended() {
		s.sess.Quit()
		h.persist(s)
	}
	s.extra.Removed = true
	h.pdirty[s] = true
	bye := mustJSON(map[string]string{"t": "removed"})
	for c := range s.clients {
		h.send(c, bye)
		h.drop(c)
	}
}

// saveState adds the room's state to the round's batch.
func (h *hub) saveState() {
	h.batch.Rooms = append(h.batch.Rooms, store.Room{Code: h.code, TokenHash: h.tokenHash, CreatedMS: h.createdMS,
		Config: mustJSON(h.cfg), State: mustJSON(h.st)})
}

// register adds a trainee connection to seat s and sends it the whole view.
// A seat is played on one device at a time: an older connection (another
// tab, a laptop left open) is told it was replaced and dropped, so two pages
// never number replies over each other.
func (h *hub) register(c *client, s *seat) {
	bye := mustJSON(map[string]string{"t": "replaced"})
	for old := range s.clients {
		h.send(old, bye)
		h.drop(old)
	}
	c.seat = s
	s.clients[c] = true
	h.dirty[s] = true
}

// registerFacilitator adds a facilitator connection.
func (h *hub) registerFacilitator(c *client) {
	h.facils[c] = true
	h.gridDirty = true
	h.facilitatorBack()
}

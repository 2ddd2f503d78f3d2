package workshop

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ccsim/ccsim/trainer"
)

// Limits on what trainees type.
const (
	MaxName  = 40   // runes in a display name or trainee id
	MaxReply = 1000 // runes in one free-text reply
)

// Errors of room actions, shown to the user.
var (
	ErrLocked  = errors.New("the room is locked")
	ErrFull    = errors.New("the room is full")
	ErrEnded   = errors.New("the workshop has ended")
	ErrBadName = errors.New("enter a display name of 1 to 40 characters")
	ErrBadMode = errors.New("choose guided or free mode")
	ErrNoSeat  = errors.New("no such trainee in this room")
	ErrRemoved = errors.New("the facilitator has removed you from this room")
)

// Message is a message from a trainee.
type Message struct {
	T       string `json:"t"`       // reply, say, pulse
	N       int64  `json:"n"`       // the client's message number, increasing; resent messages keep theirs
	ID      string `json:"id"`      // reply id (reply)
	Text    string `json:"text"`    // free text (say; the free-text answer of a pulse)
	Phase   string `json:"phase"`   // before or after (pulse)
	Answers []int  `json:"answers"` // 1-5 per pulse item, 0 skipped
}

// Receive applies one trainee message to seat s. A message numbered at or
// below the last one applied is a resend after a reconnect: it is
// acknowledged again (applied false), not applied twice. The error, if
// any, is a sentence for the trainee.
func (rm *Room) Receive(s *Seat, msg Message) (applied bool, err error) {
	if msg.N <= s.Participant.LastN {
		rm.Changed[s] = true // acknowledge again
		return false, nil
	}
	s.Participant.LastN = msg.N
	rm.pdirty[s] = true
	err = rm.apply(s, msg)
	rm.Persist(s)
	return true, err
}

// apply carries out one trainee message on the seat.
func (rm *Room) apply(s *Seat, msg Message) error {
	switch msg.T {
	case "reply", "say":
		if s.Session == nil {
			return errors.New("the session has not started yet")
		}
		if err := s.modeAllows(msg.T); err != nil {
			return err
		}
		if msg.T == "reply" {
			return friendly(s.Session.Reply(msg.ID))
		}
		text := strings.TrimSpace(msg.Text)
		if text == "" || utf8.RuneCountInString(text) > MaxReply {
			return fmt.Errorf("a reply has 1 to %d characters", MaxReply)
		}
		return friendly(s.Session.Say(text))
	case "pulse":
		return rm.answerPulse(s, msg.Phase, msg.Answers, msg.Text)
	}
	return fmt.Errorf("unknown message %q", msg.T)
}

// modeAllows enforces the seat's mode: a guided seat picks offered replies
// (reply), a free seat types (say); the other kind is refused whatever the
// client sends.
func (s *Seat) modeAllows(kind string) error {
	switch {
	case kind == "reply" && s.Participant.Mode != "guided":
		return errors.New("this seat plays in free mode: type your reply")
	case kind == "say" && s.Participant.Mode != "free":
		return errors.New("this seat plays in guided mode: pick one of the offered replies")
	}
	return nil
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

// JoinRequest is what a trainee sends to join.
type JoinRequest struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Trainee string `json:"trainee"`
	Mode    string `json:"mode"`
}

// Joined is the answer to a join: the resume token is shown only here.
type Joined struct {
	ID       string `json:"id"`
	Token    string `json:"token"`
	Code     string `json:"code"`
	Rejoined bool   `json:"rejoined,omitempty"` // the trainee got their earlier seat back
}

// Join seats a new trainee: refused when the room has ended, is locked or
// full, or the name or mode is not acceptable. A trainee who joins again
// with the name (and trainee id) of a seat gets that seat back, with a new
// resume token that voids the old one, even when the room is locked, full
// or ended; a removed seat stays removed.
func (rm *Room) Join(req JoinRequest) (Joined, error) {
	name, trainee := CleanName(req.Name), CleanName(req.Trainee)
	if name == "" || utf8.RuneCountInString(name) > MaxName || utf8.RuneCountInString(trainee) > MaxName {
		return Joined{}, ErrBadName
	}
	if s := rm.seatByName(name, trainee); s != nil {
		return rm.rejoin(s)
	}
	switch {
	case rm.State.Ended:
		return Joined{}, ErrEnded
	case rm.State.Locked:
		return Joined{}, ErrLocked
	case rm.Config.Cap > 0 && rm.Active() >= rm.Config.Cap:
		return Joined{}, ErrFull
	}
	mode := rm.Config.Mode
	if mode == "choice" || mode == "" {
		mode = req.Mode
	}
	idx := len(rm.Seats)
	sc := rm.Scripts[idx%len(rm.Scripts)]
	if (mode != "guided" && mode != "free") || !sc.HasMode(trainer.Mode(mode)) {
		return Joined{}, ErrBadMode
	}
	tok := NewToken()
	s := &Seat{Script: sc, Participant: Participant{
		ID: NewID(), Room: rm.Code, Seat: idx + 1, Name: name, Trainee: trainee,
		TokenHash: HashToken(tok), Script: rm.Config.Scripts[idx%len(rm.Config.Scripts)].Name, Mode: mode,
		JoinedMS: rm.Now().UnixMilli()}}
	rm.addSeat(s)
	rm.pdirty[s] = true
	rm.GridChanged = true
	if rm.State.Started && !rm.State.Ended {
		if err := rm.startSeat(s); err != nil {
			return Joined{}, err
		}
	}
	return Joined{ID: s.Participant.ID, Token: tok, Code: rm.Code}, nil
}

// Active counts the trainees not removed.
func (rm *Room) Active() int {
	n := 0
	for _, s := range rm.Seats {
		if !s.Extra.Removed {
			n++
		}
	}
	return n
}

// startSeat starts the seat's session with the room's seed and forced variant.
func (rm *Room) startSeat(s *Seat) error {
	if s.Session != nil || s.Extra.Removed {
		return nil
	}
	opt := trainer.Options{Mode: trainer.Mode(s.Participant.Mode), Seed: rm.Config.Seed, Trainee: s.Participant.ID, Now: rm.Now}
	if hasVariant(s.Script, rm.State.Variant) {
		opt.Variant = rm.State.Variant
	}
	sess, err := trainer.Start(s.Script, opt)
	if err != nil {
		return err
	}
	s.Session = sess
	if rm.State.Paused {
		sess.Pause()
	}
	rm.Persist(s)
	return nil
}

// anyVariant reports whether a script of the room has hand-off variant v.
func (rm *Room) anyVariant(v string) bool {
	for _, sc := range rm.Scripts {
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

// SeatByToken finds the seat whose resume token hashes to hash.
func (rm *Room) SeatByToken(hash []byte) *Seat {
	for _, s := range rm.Seats {
		if subtle.ConstantTimeCompare(s.Participant.TokenHash, hash) == 1 {
			return s
		}
	}
	return nil
}

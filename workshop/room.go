// Package workshop runs role-play workshop rooms without any transport:
// rooms, seats, the facilitator's actions (start, pause, lock, inject,
// end), the rules of who may do what in which phase, the trust pulse, the
// queue backdrop, restoring rooms from their event logs and the debrief of
// a whole room. A room is not safe for concurrent use: its owner (the web
// hub's goroutine) calls it from one goroutine and commits Batch once per
// round through a Store; workshop/sqlite is the SQLite Store.
package workshop

import (
	"encoding/json"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// Config is what the facilitator chose when creating a room; it never changes.
type Config struct {
	Title    string          `json:"title"`
	Scripts  []ScriptSource  `json:"scripts"`
	Mode     string          `json:"mode"` // guided, free, or choice (each trainee picks)
	Pulse    bool            `json:"pulse"`
	Cap      int             `json:"cap"` // most trainees; 0 for no cap
	Seed     uint64          `json:"seed,string"`
	Backdrop *BackdropConfig `json:"backdrop,omitempty"`
	// PauseAway pauses the room when no facilitator page has been open for
	// a minute, and resumes it when one is back; otherwise sessions run on.
	PauseAway bool `json:"pause_away,omitempty"`
	// Team is the team the room's pulse answers count for in the history;
	// Instrument is the pulse instrument's TOML text ("" for the bundled
	// one); MinGroup is the anonymity threshold (0 for MinGroup).
	Team       string `json:"team,omitempty"`
	Instrument string `json:"instrument,omitempty"`
	MinGroup   int    `json:"min_group,omitempty"`
	// Lang is the language of the room's trainee pages and its exported
	// debrief ("en" or "de"); "" lets each trainee's browser choose.
	Lang string `json:"lang,omitempty"`
}

// ScriptSource is one role-play of a room, kept with its source so that
// sessions replay against the very text they were played with.
type ScriptSource struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

// State is the part of a room the facilitator changes.
type State struct {
	Started bool   `json:"started,omitempty"`
	Paused  bool   `json:"paused,omitempty"`
	Locked  bool   `json:"locked,omitempty"`
	Ended   bool   `json:"ended,omitempty"`
	Variant string `json:"variant,omitempty"` // forced hand-off variant for sessions started from now on
	// AutoPaused is set when the room paused because its facilitators left.
	AutoPaused bool `json:"auto_paused,omitempty"`
}

// SeatExtra is a participant's stored extras.
type SeatExtra struct {
	Removed   bool            `json:"removed,omitempty"`
	PulseDone map[string]bool `json:"pulse_done,omitempty"` // "before" and "after" answered (the answers are stored apart)
	// Pulse held the answers themselves in rooms stored before they were
	// kept anonymously; Restore reads it as done and clears it.
	Pulse map[string][]int `json:"pulse,omitempty"`
	Queue *QueueFigures    `json:"queue,omitempty"`
}

// Seat is one trainee in a room.
type Seat struct {
	Participant Participant
	Extra       SeatExtra
	Script      *trainer.Script
	Session     *trainer.Session // nil until the room starts
	Broken      string           // why the session could not be rebuilt, if it could not
	saved       int              // events of Session already in the store
	respondent  string           // pulse respondent key, kept in memory only
}

// Running reports whether the seat's session runs: started, not ended, not removed.
func (s *Seat) Running() bool {
	return s.Session != nil && !s.Session.Ended() && !s.Extra.Removed
}

// Room is one workshop room: its configuration, state and seats, and the
// writes and changes of the current round, which its owner commits
// (Batch) and publishes (Changed) after each round.
type Room struct {
	Code      string
	TokenHash []byte // hash of the facilitator's token
	CreatedMS int64
	Config    Config
	State     State
	Scripts   []*trainer.Script
	Seats     []*Seat
	Backdrop  *Backdrop // nil without a queue backdrop
	Now       func() time.Time

	byID  map[string]*Seat
	inst  *scenarios.Instrument // the pulse instrument, parsed on first use
	pulse RoundData             // the pulse answers given in the room

	// Writes of the current round (see TakeBatch).
	batch      Batch
	pdirty     map[*Seat]bool // participant rows to write
	persistErr error          // an event that could not be encoded

	// Changed are the seats whose views changed this round; RoomChanged
	// and GridChanged say every view, or the facilitators' grid, changed.
	// The owner clears them once it has pushed the views.
	Changed     map[*Seat]bool
	RoomChanged bool
	GridChanged bool
}

// New returns an empty room. now is the wall clock sessions run on.
func New(code string, tokenHash []byte, cfg Config, scripts []*trainer.Script, now func() time.Time) *Room {
	return &Room{Code: code, TokenHash: tokenHash, Config: cfg, Scripts: scripts, Now: now,
		byID: map[string]*Seat{}, pdirty: map[*Seat]bool{}, Changed: map[*Seat]bool{}}
}

// Seat returns the seat of participant id, or nil.
func (rm *Room) Seat(id string) *Seat { return rm.byID[id] }

// addSeat appends s to the room.
func (rm *Room) addSeat(s *Seat) {
	rm.Seats = append(rm.Seats, s)
	rm.byID[s.Participant.ID] = s
}

// Touch marks the seat's participant row for writing this round.
func (rm *Room) Touch(s *Seat) { rm.pdirty[s] = true }

// Persist adds the session's new events to the round's batch and marks
// the seat's view changed.
func (rm *Room) Persist(s *Seat) {
	rm.Changed[s] = true
	if s.Session == nil {
		return
	}
	evs := s.Session.Events()
	for i := s.saved; i < len(evs); i++ {
		data, err := json.Marshal(evs[i])
		if err != nil {
			rm.persistErr = err
			return
		}
		rm.batch.AddEvents(s.Participant.ID, StoredEvent{Seq: i, Data: data})
	}
	s.saved = len(evs)
}

// SaveState adds the room's row (configuration and state) to the round's batch.
func (rm *Room) SaveState() {
	rm.batch.Rooms = append(rm.batch.Rooms, rm.Record())
}

// Record is the room's row as stored.
func (rm *Room) Record() RoomRecord {
	return RoomRecord{Code: rm.Code, TokenHash: rm.TokenHash, CreatedMS: rm.CreatedMS,
		Config: mustJSON(rm.Config), State: mustJSON(rm.State)}
}

// TakeBatch returns the round's writes (with the participant rows that
// changed) and starts a new round. The error is that of an event that
// could not be encoded: the round must then not be acknowledged.
func (rm *Room) TakeBatch() (*Batch, error) {
	for s := range rm.pdirty {
		p := s.Participant
		p.Extra = mustJSON(s.Extra)
		rm.batch.Participants = append(rm.batch.Participants, p)
	}
	clear(rm.pdirty)
	b, err := rm.batch, rm.persistErr
	rm.batch, rm.persistErr = Batch{}, nil
	return &b, err
}

// NextTimer is the earliest pending session timer; false when there is none.
func (rm *Room) NextTimer() (time.Time, bool) {
	var next time.Time
	for _, s := range rm.Seats {
		if s.Session == nil || s.Extra.Removed {
			continue
		}
		if t, ok := s.Session.NextTimer(); ok && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	return next, !next.IsZero()
}

// FireTimers ticks every session whose timer is due.
func (rm *Room) FireTimers() {
	now := rm.Now()
	for _, s := range rm.Seats {
		if s.Session == nil || s.Extra.Removed {
			continue
		}
		if t, ok := s.Session.NextTimer(); ok && !t.After(now) {
			if s.Session.Tick() {
				rm.Persist(s)
			}
		}
	}
}

// Info is the part of a room every page shows.
type Info struct {
	Code    string `json:"code"`
	Title   string `json:"title"`
	Started bool   `json:"started"`
	Paused  bool   `json:"paused"`
	Locked  bool   `json:"locked"`
	Ended   bool   `json:"ended"`
	Pulse   bool   `json:"pulse"`
	Variant string `json:"variant,omitempty"`
	Team    string `json:"team,omitempty"` // the team label of the room's pulse
	Lang    string `json:"lang,omitempty"` // the room's language; "" for each trainee's browser
}

// Info returns what every page shows of the room.
func (rm *Room) Info() Info {
	return Info{Code: rm.Code, Title: rm.Config.Title, Started: rm.State.Started, Paused: rm.State.Paused,
		Locked: rm.State.Locked, Ended: rm.State.Ended, Pulse: rm.Config.Pulse, Variant: rm.State.Variant,
		Team: rm.Config.Team, Lang: rm.Config.Lang}
}

// mustJSON encodes v, which must be encodable (a programmer error otherwise).
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/web/store"
)

// pulseItems are the statements of the trust pulse, answered 1 (disagree) to 5 (agree).
var pulseItems = []string{
	"I trust the AI bot to hand customers over with the right information.",
	"I am confident handling a customer the bot has frustrated.",
	"AI tools make my work easier rather than harder.",
	"I know what to do when a customer is angry about an automated answer.",
	"I would recommend our bot to a friend who is a customer.",
}

// loader is what restoring rooms needs of the store.
type loader interface {
	Rooms(ctx context.Context) ([]store.Room, error)
	Participants(ctx context.Context, code string) ([]store.Participant, error)
	Events(ctx context.Context, pid string) ([]store.Event, error)
}

// parseScripts compiles a room's scripts from their stored sources.
func parseScripts(list []roomScript) ([]*trainer.Script, error) {
	var out []*trainer.Script
	for _, rs := range list {
		sc, err := scenarios.ParseRoleplay(rs.Name, []byte(rs.Source))
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	if len(out) == 0 {
		return nil, errors.New("a room needs at least one role-play")
	}
	return out, nil
}

// restoreHub rebuilds a room from the store: its seats, and each session by
// replaying its event log. Time the server was down counts as paused: each
// running session gets a pause at its last event and, unless the room is
// paused, a resume now; both are logged, so later replays agree.
func restoreHub(ctx context.Context, db loader, r store.Room, h *hub) error {
	if err := json.Unmarshal(r.State, &h.st); err != nil {
		return fmt.Errorf("room %s state: %w", r.Code, err)
	}
	h.createdMS = r.CreatedMS
	ps, err := db.Participants(ctx, r.Code)
	if err != nil {
		return err
	}
	for _, p := range ps {
		s := &seat{p: p, clients: map[*client]bool{}}
		if err := json.Unmarshal(p.Extra, &s.extra); err != nil {
			return fmt.Errorf("participant %s: %w", p.ID, err)
		}
		s.script = h.scripts[(p.Seat-1)%len(h.scripts)]
		h.seats = append(h.seats, s)
		h.byID[p.ID] = s
		if err := h.restoreSession(ctx, db, s); err != nil {
			s.broken = err.Error()
			h.log.Error("cannot rebuild session", "seat", p.Seat, "err", err)
		}
	}
	return nil
}

// restoreSession replays seat s's stored events.
func (h *hub) restoreSession(ctx context.Context, db loader, s *seat) error {
	stored, err := db.Events(ctx, s.p.ID)
	if err != nil || len(stored) == 0 {
		return err
	}
	evs := make([]trainer.Event, len(stored))
	for i, e := range stored {
		if e.Seq != i {
			return fmt.Errorf("event log has a gap at %d", i)
		}
		if err := json.Unmarshal(e.Data, &evs[i]); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	sess, err := replay(s.script, evs, h.now)
	if err != nil {
		return err
	}
	s.sess, s.saved = sess, len(evs)
	return nil
}

// replay rebuilds a session from its log with trainer.ReplayLive, on the
// live clock now, so that it continues. Unless the log ends paused or ended,
// replay then pauses the session at its last event (the server was down
// since) and, when the room runs, the caller resumes it.
func replay(sc *trainer.Script, evs []trainer.Event, now func() time.Time) (*trainer.Session, error) {
	if len(evs) == 0 || evs[0].Start == nil {
		return nil, errors.New("replay: the log does not begin with a start event")
	}
	// The clock stays at the last event until the pause is recorded there.
	last, live := evs[0].Start.Time.Add(time.Duration(evs[len(evs)-1].AtMS)*time.Millisecond), false
	clock := func() time.Time {
		if live {
			return now()
		}
		return last
	}
	sess, err := trainer.ReplayLive(sc, evs, clock)
	if err != nil {
		return nil, err
	}
	if !sess.Ended() && !sess.Paused() {
		sess.Pause()
	}
	live = true
	return sess, nil
}

// resumeRestored resumes the sessions replay paused, unless the room is paused.
func (h *hub) resumeRestored() {
	if h.st.Paused || h.st.Ended {
		return
	}
	for _, s := range h.seats {
		if s.sess != nil && !s.sess.Ended() && !s.extra.Removed && s.sess.Paused() {
			s.sess.Resume()
		}
		h.persist(s)
	}
}

// reloadAfterFailure rebuilds the seats whose writes failed from what the
// store holds, so memory never runs ahead of the disk.
func (h *hub) reloadAfterFailure() {
	db, ok := h.db.(loader)
	if !ok {
		return
	}
	ctx := context.Background()
	ps, err := db.Participants(ctx, h.code)
	if err != nil {
		h.log.Error("reload after failed commit", "err", err)
		return
	}
	stored := map[string]store.Participant{}
	for _, p := range ps {
		stored[p.ID] = p
	}
	kept := h.seats[:0]
	for _, s := range h.seats {
		p, ok := stored[s.p.ID]
		if !ok { // never committed: the join was not acknowledged
			delete(h.byID, s.p.ID)
			for c := range s.clients {
				h.drop(c)
			}
			continue
		}
		s.p, s.sess, s.saved = p, nil, 0
		for c := range s.clients {
			c.sent = 0 // the page rebuilds the transcript from the start
		}
		json.Unmarshal(p.Extra, &s.extra)
		if err := h.restoreSession(ctx, db, s); err != nil {
			s.broken = err.Error()
		}
		kept = append(kept, s)
	}
	h.seats = kept
	h.resumeRestored()
}

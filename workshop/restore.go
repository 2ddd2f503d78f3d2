package workshop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// ParseScripts compiles a room's scripts from their stored sources.
func ParseScripts(list []ScriptSource) ([]*trainer.Script, error) {
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

// Restore rebuilds the room from the store: its state, its seats, and each
// session by replaying its event log. Time the server was down counts as
// paused: each running session gets a pause at its last event, and
// ResumeRestored resumes it unless the room is paused; both are logged, so
// later replays agree. A session that cannot be rebuilt leaves its seat
// Broken, with the reason.
func (rm *Room) Restore(ctx context.Context, db Loader, rec RoomRecord) error {
	if err := json.Unmarshal(rec.State, &rm.State); err != nil {
		return fmt.Errorf("room %s state: %w", rec.Code, err)
	}
	rm.CreatedMS = rec.CreatedMS
	ps, err := db.Participants(ctx, rec.Code)
	if err != nil {
		return err
	}
	for _, p := range ps {
		s := &Seat{Participant: p}
		if err := json.Unmarshal(p.Extra, &s.Extra); err != nil {
			return fmt.Errorf("participant %s: %w", p.ID, err)
		}
		s.Extra.forgetAnswers(func() { rm.pdirty[s] = true })
		s.Script = rm.Scripts[(p.Seat-1)%len(rm.Scripts)]
		rm.addSeat(s)
		if err := rm.restoreSession(ctx, db, s); err != nil {
			s.Broken = err.Error()
		}
	}
	return rm.restorePulse(ctx, db)
}

// restorePulse reloads the room's pulse answers when the store keeps them.
func (rm *Room) restorePulse(ctx context.Context, db Loader) error {
	pr, ok := db.(PulseReader)
	if !ok || !rm.Config.Pulse {
		return nil
	}
	var err error
	rm.pulse.Answers, rm.pulse.Texts, err = pr.PulseResponses(ctx, rm.Code)
	return err
}

// forgetAnswers turns pulse answers stored on the seat (rooms stored before
// answers were kept anonymously) into done marks, calling dirty when it
// does, so that the seat's row is rewritten without them.
func (e *SeatExtra) forgetAnswers(dirty func()) {
	if e.Pulse == nil {
		return
	}
	for phase := range e.Pulse {
		if e.PulseDone == nil {
			e.PulseDone = map[string]bool{}
		}
		e.PulseDone[phase] = true
	}
	e.Pulse = nil
	dirty()
}

// restoreSession replays seat s's stored events.
func (rm *Room) restoreSession(ctx context.Context, db Loader, s *Seat) error {
	stored, err := db.Events(ctx, s.Participant.ID)
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
	sess, err := replay(s.Script, evs, rm.Now)
	if err != nil {
		return err
	}
	s.Session, s.saved = sess, len(evs)
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

// ResumeRestored resumes the sessions replay paused, unless the room is paused.
func (rm *Room) ResumeRestored() {
	if rm.State.Paused || rm.State.Ended {
		return
	}
	for _, s := range rm.Seats {
		if s.Running() && s.Session.Paused() {
			s.Session.Resume()
		}
		rm.Persist(s)
	}
}

// Reload rebuilds the seats from what the store holds after a failed
// commit, so that memory never runs ahead of the disk. It returns the
// seats that were never committed (their joins were not acknowledged) and
// are gone from the room; the caller closes their connections.
func (rm *Room) Reload(ctx context.Context, db Loader) (gone []*Seat, err error) {
	ps, err := db.Participants(ctx, rm.Code)
	if err != nil {
		return nil, err
	}
	stored := map[string]Participant{}
	for _, p := range ps {
		stored[p.ID] = p
	}
	kept := rm.Seats[:0]
	for _, s := range rm.Seats {
		p, ok := stored[s.Participant.ID]
		if !ok {
			delete(rm.byID, s.Participant.ID)
			gone = append(gone, s)
			continue
		}
		s.Participant, s.Session, s.saved = p, nil, 0
		json.Unmarshal(p.Extra, &s.Extra)
		if err := rm.restoreSession(ctx, db, s); err != nil {
			s.Broken = err.Error()
		}
		kept = append(kept, s)
	}
	rm.Seats = kept
	rm.ResumeRestored()
	return gone, nil
}

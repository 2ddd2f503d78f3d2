package workshop

import "fmt"

// Action is a facilitator command.
type Action struct {
	Action  string `json:"action"` // start, pause, resume, lock, unlock, remove, inject, variant, end
	Seat    string `json:"seat"`   // participant id (remove; inject to one trainee)
	Inject  string `json:"inject"`
	Variant string `json:"variant"`
}

// Act carries out a facilitator command and returns what to answer: the
// room's state, or for an inject the number of sessions it reached. A
// removed seat's connections are the caller's to close.
func (rm *Room) Act(a Action) (any, error) {
	rm.RoomChanged = true
	switch a.Action {
	case "start":
		rm.State.Started = true
		for _, s := range rm.Seats {
			if err := rm.startSeat(s); err != nil {
				return nil, err
			}
		}
	case "pause", "resume":
		rm.State.Paused, rm.State.AutoPaused = a.Action == "pause", false
		rm.eachSession(func(s *Seat) {
			if rm.State.Paused {
				s.Session.Pause()
			} else {
				s.Session.Resume()
			}
		})
	case "lock", "unlock":
		rm.State.Locked = a.Action == "lock"
	case "remove":
		s := rm.byID[a.Seat]
		if s == nil {
			return nil, ErrNoSeat
		}
		rm.remove(s)
	case "inject":
		return rm.inject(a)
	case "variant":
		if a.Variant != "" && !rm.anyVariant(a.Variant) {
			return nil, fmt.Errorf("no script of this room has the hand-off variant %q", a.Variant)
		}
		rm.State.Variant = a.Variant
	case "end":
		rm.State.Ended, rm.State.Paused = true, false
		rm.eachSession(func(s *Seat) { s.Session.Quit() })
	default:
		return nil, fmt.Errorf("unknown action %q", a.Action)
	}
	rm.SaveState()
	return rm.State, nil
}

// AutoPause pauses the room because its facilitators have left; a
// facilitator's return resumes it (see AutoResume).
func (rm *Room) AutoPause() {
	rm.Act(Action{Action: "pause"})
	rm.State.AutoPaused = true
	rm.SaveState()
}

// AutoResume resumes a room AutoPause paused; it reports whether it did.
func (rm *Room) AutoResume() bool {
	if !rm.State.AutoPaused || !rm.State.Paused {
		return false
	}
	rm.Act(Action{Action: "resume"})
	return true
}

// eachSession calls f for every running session and persists its events.
func (rm *Room) eachSession(f func(*Seat)) {
	for _, s := range rm.Seats {
		if s.Running() {
			f(s)
			rm.Persist(s)
		}
	}
}

// inject fires an inject in one session or in every session whose script has it.
func (rm *Room) inject(a Action) (any, error) {
	n := 0
	rm.eachSession(func(s *Seat) {
		if a.Seat != "" && s.Participant.ID != a.Seat {
			return
		}
		if s.Session.Inject(a.Inject) == nil {
			n++
		}
	})
	if n == 0 {
		return nil, fmt.Errorf("no running session has the inject %q", a.Inject)
	}
	return map[string]int{"sessions": n}, nil
}

// remove ends a trainee's session and voids their resume token.
func (rm *Room) remove(s *Seat) {
	if s.Session != nil && !s.Session.Ended() {
		s.Session.Quit()
		rm.Persist(s)
	}
	s.Extra.Removed = true
	rm.pdirty[s] = true
	rm.dropPulse(s)
}

package trainer

import (
	"errors"
	"fmt"
	"reflect"
	"time"
)

// Replay rebuilds a session from its event log. Random draws come from the
// log, so the result is identical to the recorded session; Replay fails if
// the log does not belong to sc or the rebuilt log differs from events. The
// rebuilt session's clock stays at its last event.
func Replay(sc *Script, events []Event) (*Session, error) { return ReplayLive(sc, events, nil) }

// ReplayLive is Replay, leaving the rebuilt session on the clock now, so that
// it can go on (a server restarting its rooms); nil keeps the frozen clock.
func ReplayLive(sc *Script, events []Event, now func() time.Time) (*Session, error) {
	if len(events) == 0 || events[0].Kind != "start" || events[0].Start == nil {
		return nil, errors.New("trainer: replay: the log does not begin with a start event")
	}
	info := events[0].Start
	if info.Script != sc.ID || info.Version != sc.Version {
		return nil, fmt.Errorf("trainer: replay: log is for %s v%d, script is %s v%d", info.Script, info.Version, sc.ID, sc.Version)
	}
	if info.Hash != "" && sc.Hash != "" && info.Hash != sc.Hash {
		return nil, fmt.Errorf("trainer: replay: script %s v%d changed since the session was recorded", sc.ID, sc.Version)
	}
	var draws []float64
	for _, e := range events {
		draws = append(draws, e.Draws...)
	}
	if draws == nil {
		draws = []float64{}
	}
	at, live := info.Time, false
	clock := func() time.Time {
		if live && now != nil {
			return now()
		}
		return at
	}
	opt := Options{Mode: info.Mode, Seed: info.Seed, Trainee: info.Trainee, Variant: info.Variant, Set: info.Set, Lang: info.Lang, Now: clock}
	s, err := start(sc, opt, info.Time, draws)
	if err != nil {
		return nil, fmt.Errorf("trainer: replay: %w", err)
	}
	for i, e := range events[1:] {
		at = info.Time.Add(time.Duration(e.AtMS) * time.Millisecond)
		if err := s.apply1(e); err != nil {
			return nil, fmt.Errorf("trainer: replay: event %d (%s): %w", i+1, e.Kind, err)
		}
	}
	s.reading = false
	if len(s.replay) > 0 {
		return nil, fmt.Errorf("trainer: replay: %d recorded random draws were not used", len(s.replay))
	}
	if !reflect.DeepEqual(stripStart(s.events), stripStart(events)) {
		return nil, errors.New("trainer: replay: the rebuilt event log differs from the recorded one")
	}
	live = true
	return s, nil
}

// stripStart drops the start time's monotonic reading and location so logs compare by value.
func stripStart(events []Event) []Event {
	out := append([]Event(nil), events...)
	if len(out) > 0 && out[0].Start != nil {
		info := *out[0].Start
		info.Time = info.Time.UTC().Round(0)
		out[0].Start = &info
	}
	for i := range out {
		if len(out[i].Draws) == 0 {
			out[i].Draws = nil
		}
	}
	return out
}

func (s *Session) apply1(e Event) error {
	switch e.Kind {
	case "reply":
		return s.Reply(e.Reply)
	case "say":
		return s.Say(e.Text)
	case "tick":
		if !s.Tick() {
			return errors.New("no timer was due")
		}
		return nil
	case "inject":
		return s.Inject(e.Inject)
	case "pause":
		return s.Pause()
	case "resume":
		return s.Resume()
	case "quit":
		s.Quit()
		return nil
	}
	return fmt.Errorf("unknown event kind %q", e.Kind)
}

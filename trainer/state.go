package trainer

import "time"

// Node returns the id of the current node.
func (s *Session) Node() string {
	if s.node == nil {
		return ""
	}
	return s.node.n.ID
}

// Ended reports whether the session is over.
func (s *Session) Ended() bool { return s.ended }

// Outcome returns the end outcome, or "" while the session runs.
func (s *Session) Outcome() string { return s.outcome }

// Paused reports whether the timers are frozen.
func (s *Session) Paused() bool { return s.paused }

// Turn returns the number of agent turns so far.
func (s *Session) Turn() int { return s.turn }

// Mode returns the session's mode.
func (s *Session) Mode() Mode { return s.mode }

// Variant returns the hand-off variant, or "" without a hand-off.
func (s *Session) Variant() string { return s.variant }

// HasContext reports whether the agent was shown the hand-off context.
func (s *Session) HasContext() bool { return s.context }

// Script returns the script being played.
func (s *Session) Script() *Script { return s.sc }

// Elapsed returns the active (unpaused) time of the session as of its last step.
func (s *Session) Elapsed() time.Duration { return s.clock }

// Transcript returns the transcript so far. The slice must not be modified.
func (s *Session) Transcript() []Entry { return s.transcript }

// Events returns a copy of the event log.
func (s *Session) Events() []Event { return append([]Event(nil), s.events...) }

// Errors returns the runtime errors met so far (bad values, endless redirects).
func (s *Session) Errors() []string { return s.errs }

// Emitted returns the host events emitted by emit("name"), in order.
func (s *Session) Emitted() []string { return s.emitted }

// Path returns the ids of the nodes entered, in order.
func (s *Session) Path() []string { return s.path }

// VarState is the current value of one variable, for a watch display.
type VarState struct {
	Name   string `json:"name"`
	Type   string `json:"type"`
	Value  string `json:"value"`
	Int    int64  `json:"int"`
	Min    *int64 `json:"min,omitempty"`
	Max    *int64 `json:"max,omitempty"`
	Hidden bool   `json:"hidden,omitempty"`
}

// Vars returns every variable's current value in declaration order.
func (s *Session) Vars() []VarState {
	out := make([]VarState, len(s.vars))
	for i, v := range s.vars {
		d := s.sc.Vars[i]
		val := v.String()
		if v.k == KindStr {
			val = v.s
		}
		out[i] = VarState{Name: d.Name, Type: d.Type, Value: val, Int: v.Int(), Min: d.Min, Max: d.Max, Hidden: d.Hidden}
	}
	return out
}

// Visits returns how many times node id was entered.
func (s *Session) Visits(id string) int {
	if i, ok := s.p.nodeIndex[id]; ok {
		return s.visits[i]
	}
	return 0
}

// Chosen returns how many times reply id was taken.
func (s *Session) Chosen(id string) int {
	if i, ok := s.p.replyIndex[id]; ok {
		return s.replyCount[i]
	}
	return 0
}

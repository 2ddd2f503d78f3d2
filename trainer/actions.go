package trainer

import (
	"fmt"
	"strings"
	"time"
)

// Reply chooses the offered reply id (guided mode).
func (s *Session) Reply(id string) error {
	w, err := s.ready()
	if err != nil {
		return err
	}
	r := s.offeredByID(id)
	if r == nil {
		return fmt.Errorf("%w: %q at node %s", ErrNoReply, id, s.node.n.ID)
	}
	s.pending = &Event{Kind: "reply", AtMS: w.Milliseconds(), Reply: id}
	s.agentTurn(r.utter, Normalize(r.utter))
	s.choose(r)
	s.checkTriggers()
	s.commit()
	return nil
}

// Say answers with free text (free mode): the first offered reply whose
// patterns match is taken, otherwise the node's fallback.
func (s *Session) Say(text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return fmt.Errorf("trainer: empty reply")
	}
	w, err := s.ready()
	if err != nil {
		return err
	}
	s.pending = &Event{Kind: "say", AtMS: w.Milliseconds(), Text: text}
	norm := Normalize(text)
	s.agentTurn(text, norm)
	if r := s.matchText(norm); r != nil {
		s.choose(r)
	} else if fb := s.node.fallback; fb != nil {
		s.fallbacks[s.node.idx]++
		s.apply(fb, 0)
		if fb.to < 0 {
			s.armTimeout()
		}
	}
	s.checkTriggers()
	s.commit()
	return nil
}

// Match returns the id of the reply that free text would take now, or "" for the fallback.
func (s *Session) Match(text string) string {
	if s.ended {
		return ""
	}
	if r := s.matchText(Normalize(text)); r != nil {
		return r.r.ID
	}
	return ""
}

func (s *Session) matchText(norm string) *creply {
	for _, r := range s.node.replies {
		if s.offered(r) && r.m.match(norm) {
			return r
		}
	}
	return nil
}

// Tick fires the timers that are due; it reports whether any fired.
func (s *Session) Tick() bool {
	if s.ended {
		return false
	}
	return s.advance(s.wall())
}

// Inject fires the facilitator event id. It works while paused.
func (s *Session) Inject(id string) error {
	if s.ended {
		return ErrEnded
	}
	w := s.wall()
	s.advance(w)
	if s.ended {
		return ErrEnded
	}
	for i, in := range s.sc.Injects {
		if in.ID == id {
			s.pending = &Event{Kind: "inject", AtMS: w.Milliseconds(), Inject: id}
			s.clock = s.active(w)
			s.say("system", "facilitator: "+in.Label)
			s.apply(s.p.injects[i], 0)
			s.checkTriggers()
			s.commit()
			return nil
		}
	}
	return fmt.Errorf("%w: %q", ErrNoInject, id)
}

// Pause freezes every timer until Resume.
func (s *Session) Pause() error {
	if s.ended {
		return ErrEnded
	}
	if s.paused {
		return nil
	}
	w := s.wall()
	s.advance(w)
	if s.ended {
		return ErrEnded
	}
	s.clock = s.active(w)
	s.paused, s.pausedAt = true, w
	s.events = append(s.events, Event{Kind: "pause", AtMS: w.Milliseconds()})
	return nil
}

// Resume restarts the timers frozen by Pause.
func (s *Session) Resume() error {
	if s.ended {
		return ErrEnded
	}
	if !s.paused {
		return nil
	}
	w := s.wall()
	s.pausedTotal += w - s.pausedAt
	s.paused = false
	s.events = append(s.events, Event{Kind: "resume", AtMS: w.Milliseconds()})
	return nil
}

// Quit ends the session early with outcome "quit" (the trainee left).
func (s *Session) Quit() {
	if s.ended {
		return
	}
	w := s.wall()
	s.advance(w)
	if s.ended {
		return
	}
	s.pending = &Event{Kind: "quit", AtMS: w.Milliseconds()}
	if !s.paused {
		s.clock = s.active(w)
	}
	s.finish("quit")
	s.commit()
}

// agentTurn records what the agent said and checks the rules on it.
func (s *Session) agentTurn(text, norm string) {
	s.turn++
	s.turns = append(s.turns, TurnTime{Turn: s.turn, Node: s.node.n.ID,
		Seconds: (s.clock - s.lastPrompt).Seconds()})
	s.say("agent", text)
	s.utterances = append(s.utterances, norm)
	s.checkSaid(norm)
	s.lastPrompt = s.clock
}

func (s *Session) choose(r *creply) {
	s.replyCount[r.idx]++
	s.apply(&r.eff, 0)
	if r.eff.to < 0 {
		s.armTimeout()
	}
}

// offered reports whether reply r is available now.
func (s *Session) offered(r *creply) bool {
	if r.r.Once && s.replyCount[r.idx] > 0 {
		return false
	}
	return r.when == nil || r.when(s).Bool()
}

func (s *Session) offeredByID(id string) *creply {
	for _, r := range s.node.replies {
		if r.r.ID == id && s.offered(r) {
			return r
		}
	}
	return nil
}

// said reports whether the trainee has said something matching re.
func (s *Session) said(re interface{ MatchString(string) bool }) bool {
	for _, u := range s.utterances {
		if re.MatchString(u) {
			return true
		}
	}
	return false
}

// Choices returns the replies offered now, in the session's shuffled order
// (stable for a visit of a node and on replay); nil once ended.
func (s *Session) Choices() []Choice {
	if s.ended || s.node == nil {
		return nil
	}
	var out []Choice
	for _, r := range s.node.replies {
		if s.offered(r) {
			out = append(out, Choice{ID: r.r.ID, Label: r.r.Label})
		}
	}
	return s.shuffleChoices(out)
}

// NextTimer returns the wall time of the next timer, if one is pending and the session runs.
func (s *Session) NextTimer() (time.Time, bool) {
	if s.ended || s.paused {
		return time.Time{}, false
	}
	due, fire := s.nextDue()
	if fire == nil {
		return time.Time{}, false
	}
	return s.start.Add(due + s.pausedTotal), true
}

package trainer

import (
	"fmt"
	"math"
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
	s.agentTurn(r.heard.fresh(), id, 1, r.verdicts)
	s.choose(r)
	s.checkTriggers()
	s.commit()
	return nil
}

// Say answers with free text (free mode). The line is understood as the
// offered reply it is most similar to (Understand); when two replies with
// different effects are too close to call the customer asks which was
// meant (the node's clarify, or a question naming both labels), and when
// nothing is close enough the node's fallback runs.
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
	rd := s.p.know.read(text)
	s.agentTurn(rd, "", 0, nil)
	u := s.understand(rd) // after the rules, as a reply's when may read fired() and turn
	e := &s.transcript[s.agentEntry]
	e.Reply, e.Confidence = u.Reply, math.Round(u.Confidence*1000)/1000
	switch {
	case s.ended:
	case u.reply != nil:
		s.inherit(u)
		s.choose(u.reply)
	case u.Ambiguous:
		s.clarify(u)
	case s.node.fallback != nil:
		fb := s.node.fallback
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

// clarify asks which of two replies the agent meant: the node's clarify
// effect, or a built-in question naming both labels. It costs nothing.
func (s *Session) clarify(u Understanding) {
	if c := s.node.clarify; c != nil {
		s.apply(c, 0)
		if c.to < 0 {
			s.armTimeout()
		}
		return
	}
	a, b := u.Best, u.RunnerUp
	if r := s.offeredByID(a); r != nil && r.r.Label != "" {
		a = r.r.Label
	}
	if u.runner != nil && u.runner.r.Label != "" {
		b = u.runner.r.Label
	}
	s.say("customer", fmt.Sprintf(s.p.know.lx.lang.clarify, quoteLabel(a), quoteLabel(b)))
	s.armTimeout()
}

func quoteLabel(l string) string { return "\u201c" + strings.TrimRight(l, ".") + "\u201d" }

// Match returns the id of the reply that free text would take now, or ""
// when it would not be understood (fallback or clarifying question).
func (s *Session) Match(text string) string { return s.Understand(text).Reply }

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
			s.say("system", s.msg.Sprintf("facilitator: %s", in.Label))
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

// agentTurn records what the agent said, with the reply it was understood
// as and the confidence, and checks the rules on it (with the verdicts
// judged at compile time for a guided reply, else now).
func (s *Session) agentTurn(rd *reading, reply string, conf float64, verdicts []ruleVerdict) {
	s.turn++
	s.turns = append(s.turns, TurnTime{Turn: s.turn, Node: s.node.n.ID,
		Seconds: (s.clock - s.lastPrompt).Seconds()})
	s.say("agent", rd.text)
	s.agentEntry = len(s.transcript) - 1
	e := &s.transcript[s.agentEntry]
	e.Reply, e.Confidence = reply, math.Round(conf*1000)/1000
	s.utterances = append(s.utterances, rd.a)
	s.checkSaid(rd, verdicts)
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

// said reports whether the trainee has said something matching re outside
// a negation scope.
func (s *Session) said(re *rx) bool {
	for _, a := range s.utterances {
		if affirmed(re, a) >= 0 {
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

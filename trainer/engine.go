package trainer

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

const (
	maxHops       = 50     // redirects within one step before the session stops with an error
	maxTimerFires = 100000 // timer firings drained by one step
	maxTriggerRun = 10     // rounds of triggers firing each other within one step
)

// wall returns the wall time since start, in whole milliseconds so that the
// log replays exactly, and never going backwards.
func (s *Session) wall() time.Duration {
	d := s.opt.Now().Sub(s.start).Truncate(time.Millisecond)
	if last := s.lastWall(); d < last {
		d = last
	}
	return d
}

func (s *Session) lastWall() time.Duration {
	if len(s.events) == 0 {
		return 0
	}
	return time.Duration(s.events[len(s.events)-1].AtMS) * time.Millisecond
}

// active converts a wall offset to active (unpaused) time.
func (s *Session) active(w time.Duration) time.Duration {
	if s.paused {
		return s.pausedAt - s.pausedTotal
	}
	return w - s.pausedTotal
}

// ready drains due timers and reports whether the trainee may act now.
func (s *Session) ready() (time.Duration, error) {
	if s.ended {
		return 0, ErrEnded
	}
	w := s.wall()
	s.advance(w)
	if s.ended {
		return 0, ErrEnded
	}
	if s.paused {
		return 0, ErrPaused
	}
	return w, nil
}

// advance fires every timer due by wall offset w, in time order, and logs a
// tick event when any fired.
func (s *Session) advance(w time.Duration) bool {
	if s.paused || s.ended {
		return false
	}
	now := s.active(w)
	s.pending = &Event{Kind: "tick", AtMS: w.Milliseconds()}
	fired := false
	for i := 0; i < maxTimerFires && !s.ended; i++ {
		due, fire := s.nextDue()
		if fire == nil || due > now {
			break
		}
		s.clock = due
		fire()
		s.checkTriggers()
		fired = true
	}
	s.clock = now
	if fired {
		s.commit()
	}
	s.pending = nil
	return fired
}

// nextDue returns the earliest pending timer: ticks in script order, then the
// node timeout, then the session time limit.
func (s *Session) nextDue() (time.Duration, func()) {
	var due time.Duration
	var fire func()
	consider := func(at time.Duration, f func()) {
		if fire == nil || at < due {
			due, fire = at, f
		}
	}
	for i := range s.nextTick {
		consider(s.nextTick[i], func() { s.fireTick(i) })
	}
	if s.deadline > 0 {
		consider(s.deadline, s.fireTimeout)
	}
	if lim := s.TimeLimit(); lim > 0 && s.clock <= lim && !s.limitDone() {
		consider(lim, s.fireLimit)
	}
	return due, fire
}

func (s *Session) limitDone() bool { return s.limitFired }

func (s *Session) fireTick(i int) {
	t := s.p.ticks[i]
	s.nextTick[i] += s.tickEvery(i)
	if t.when == nil || t.when(s).Bool() {
		s.apply(&t.eff, 0)
	}
}

func (s *Session) fireTimeout() {
	s.deadline = 0
	t := s.node.timeout
	s.apply(t, 0)
	if t.to < 0 {
		s.armTimeout()
	}
}

func (s *Session) fireLimit() {
	s.limitFired = true
	s.note(s.msg.Sprintf("Time limit reached."))
	if s.p.timeLim >= 0 {
		s.enter(s.p.timeLim, 0)
		return
	}
	s.finish("timed_out")
}

func (s *Session) armTimeout() {
	s.deadline = 0
	if s.node != nil && s.node.timeout != nil && s.node.n.TimeoutS > 0 && !s.ended {
		s.deadline = s.clock + s.scaled(s.node.n.TimeoutS)
	}
}

// enter moves to node idx: effects, lines, then end, branch or next.
func (s *Session) enter(idx, hops int) {
	if s.ended {
		return
	}
	if hops > maxHops {
		s.runtimeErr(fmt.Sprintf("more than %d redirects in one step", maxHops))
		s.finish("error")
		return
	}
	n := s.p.nodes[idx]
	s.node = n
	s.visits[idx]++
	s.lastVisit[idx] = s.turn
	s.path = append(s.path, n.n.ID)
	s.nodeEntered = s.clock
	s.enterTags(n)
	if n.n.Debrief != "" {
		s.note(n.n.Debrief)
	}
	s.apply(&n.enter, hops)
	s.lastPrompt = s.clock
	s.armTimeout()
	switch {
	case n.n.End != "":
		s.finish(n.n.End)
	case len(n.branch) > 0:
		for _, b := range n.branch {
			if b.when == nil || b.when(s).Bool() {
				s.enter(b.to, hops+1)
				return
			}
		}
		s.runtimeErr("no branch arm matched")
	case n.next >= 0:
		s.enter(n.next, hops+1)
	}
}

// apply runs an effect: statements, points, lines, then its goto.
func (s *Session) apply(e *ceffect, hops int) {
	for _, f := range e.do {
		f(s)
	}
	for _, dp := range e.score {
		s.points[dp.dim] += dp.pts
	}
	s.sayLines(e.lines)
	if e.e.Debrief != "" && (s.node == nil || e != &s.node.enter) {
		s.note(e.e.Debrief)
	}
	if e.to >= 0 {
		s.enter(e.to, hops+1)
	}
}

func (s *Session) sayLines(lines []cline) {
	for i := range lines {
		l := &lines[i]
		if l.when != nil && !l.when(s).Bool() {
			continue
		}
		if text := s.pickText(l); text != "" {
			s.say("customer", s.interpolate(text))
		}
	}
}

func (s *Session) pickText(l *cline) string {
	text := l.l.Text
	n := len(text)
	if n == 0 {
		return ""
	}
	c := s.lineCount[l.idx]
	s.lineCount[l.idx]++
	switch l.l.Pick {
	case "cycle":
		return text[c%n]
	case "once":
		if c < n {
			return text[c]
		}
		return ""
	case "shuffle":
		return text[min(n-1, int(s.draw()*float64(n)))]
	}
	return text[min(c, n-1)]
}

// interpolate replaces {name} with the value of a variable or constant.
func (s *Session) interpolate(text string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		j := strings.IndexByte(text[i+1:], '}')
		if i < 0 || j < 0 {
			b.WriteString(text)
			return b.String()
		}
		name := text[i+1 : i+1+j]
		b.WriteString(text[:i])
		if v, ok := s.lookup(name); ok {
			b.WriteString(v)
		} else {
			b.WriteString(text[i : i+j+2])
		}
		text = text[i+j+2:]
	}
}

func (s *Session) lookup(name string) (string, bool) {
	var v Value
	if slot, ok := s.p.varSlot[name]; ok {
		v = s.vars[slot]
	} else if c, ok := s.p.consts[name]; ok {
		v = c
	} else {
		return "", false
	}
	if v.k == KindStr {
		return v.s, true
	}
	return v.String(), true
}

func (s *Session) finish(outcome string) {
	if s.ended {
		return
	}
	s.ended = true
	s.outcome = outcome
	s.deadline = 0
	s.endRules()
}

// checkTriggers fires every trigger whose condition has become true.
func (s *Session) checkTriggers() {
	for round := 0; round < maxTriggerRun; round++ {
		fired := false
		for i, t := range s.p.triggers {
			if s.ended {
				return
			}
			cur := t.when != nil && t.when(s).Bool()
			rising := cur && !s.trigPrev[i]
			s.trigPrev[i] = cur
			if rising && !(t.t.Once && s.trigDone[i]) {
				s.trigDone[i] = true
				s.apply(&t.eff, 0)
				fired = true
			}
		}
		if !fired {
			return
		}
	}
	s.runtimeErr("triggers keep firing each other")
}

func (s *Session) note(text string) {
	node := ""
	if s.node != nil {
		node = s.node.n.ID
	}
	s.notes = append(s.notes, Note{Turn: s.turn, Node: node, Text: text})
}

func sortStrings(x []string) { sort.Strings(x) }

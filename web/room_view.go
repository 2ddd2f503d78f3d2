package web

import (
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// roomInfo is the part of a room every page shows.
type roomInfo struct {
	Code    string `json:"code"`
	Title   string `json:"title"`
	Started bool   `json:"started"`
	Paused  bool   `json:"paused"`
	Locked  bool   `json:"locked"`
	Ended   bool   `json:"ended"`
	Pulse   bool   `json:"pulse"`
	Variant string `json:"variant,omitempty"`
}

func (h *hub) info() roomInfo {
	return roomInfo{Code: h.code, Title: h.cfg.Title, Started: h.st.Started, Paused: h.st.Paused,
		Locked: h.st.Locked, Ended: h.st.Ended, Pulse: h.cfg.Pulse, Variant: h.st.Variant}
}

// traineeState is what a trainee's page shows. Entries are the transcript
// lines from index From on; the page keeps the earlier ones.
type traineeState struct {
	T         string          `json:"t"` // "state"
	Ack       int64           `json:"ack"`
	Name      string          `json:"name"`
	Seat      int             `json:"seat"`
	Room      roomInfo        `json:"room"`
	Session   *sessionView    `json:"session"`
	From      int             `json:"from"`
	Entries   []trainer.Entry `json:"entries"`
	PulseNeed string          `json:"pulse_need,omitempty"` // before, after or ""
	Items     []string        `json:"pulse_items,omitempty"`
	Waiting   *int            `json:"waiting,omitempty"` // customers in the queue backdrop
}

// sessionView is the trainee's view of their session.
type sessionView struct {
	Title         string             `json:"title"`
	Persona       string             `json:"persona"`
	Brief         string             `json:"brief"`
	Facts         []string           `json:"facts,omitempty"`
	Mode          trainer.Mode       `json:"mode"`
	Node          string             `json:"node"`
	Ended         bool               `json:"ended"`
	Outcome       string             `json:"outcome,omitempty"`
	Paused        bool               `json:"paused"`
	Choices       []trainer.Choice   `json:"choices"`
	Vars          []trainer.VarState `json:"vars"`
	ElapsedMS     int64              `json:"elapsed_ms"`
	LimitS        int                `json:"limit_s,omitempty"`
	TimeoutLeftMS int64              `json:"timeout_left_ms,omitempty"`
	Score         *trainer.Score     `json:"score,omitempty"` // once ended
}

// traineeView encodes the view of seat s for client c and advances c's transcript mark.
func (h *hub) traineeView(s *seat, c *client) []byte {
	v := traineeState{T: "state", Ack: s.p.LastN, Name: s.p.Name, Seat: s.p.Seat, Room: h.info(), From: c.sent,
		Entries: []trainer.Entry{}}
	if s.sess != nil {
		v.Session = h.sessionView(s)
		tr := s.sess.Transcript()
		if c.sent < len(tr) {
			v.Entries = tr[c.sent:]
		}
		c.sent = len(tr)
	}
	if h.cfg.Pulse {
		switch {
		case s.extra.Pulse["before"] == nil && s.sess == nil && !h.st.Ended:
			v.PulseNeed = "before"
		case s.extra.Pulse["after"] == nil && (h.st.Ended || (s.sess != nil && s.sess.Ended())):
			v.PulseNeed = "after"
		}
		if v.PulseNeed != "" {
			v.Items = pulseItems
		}
	}
	if h.backdrop != nil {
		w := h.backdrop.waiting
		v.Waiting = &w
	}
	return mustJSON(v)
}

func (h *hub) sessionView(s *seat) *sessionView {
	sess, sc := s.sess, s.script
	v := &sessionView{Title: sc.Title, Persona: sc.Persona.Name, Brief: sc.Persona.Brief, Facts: sc.Persona.Facts,
		Mode: sess.Mode(), Node: sess.Node(), Ended: sess.Ended(), Outcome: sess.Outcome(), Paused: sess.Paused(),
		Choices: sess.Choices(), Vars: visibleVars(sess), ElapsedMS: activeMS(sess, h.now()), LimitS: sc.TimeLimitS}
	if v.Choices == nil {
		v.Choices = []trainer.Choice{}
	}
	if sess.Mode() == trainer.ModeFree {
		v.Choices = []trainer.Choice{} // free mode: the trainee types; the labels would give the answers away
	}
	if v.Ended {
		sc := sess.Score()
		v.Score = &sc
	} else {
		v.TimeoutLeftMS = timeoutLeft(sess, v.ElapsedMS)
	}
	return v
}

func visibleVars(sess *trainer.Session) []trainer.VarState {
	out := []trainer.VarState{}
	for _, v := range sess.Vars() {
		if !v.Hidden {
			out = append(out, v)
		}
	}
	return out
}

// activeMS is the session's active (unpaused) time at now, in milliseconds.
func activeMS(sess *trainer.Session, now time.Time) int64 {
	el := sess.Elapsed()
	if sess.Paused() || sess.Ended() {
		return el.Milliseconds()
	}
	evs := sess.Events()
	last := time.Duration(evs[len(evs)-1].AtMS) * time.Millisecond
	start := evs[0].Start.Time
	if d := now.Sub(start.Add(last)); d > 0 {
		el += d
	}
	return el.Milliseconds()
}

// timeoutLeft estimates the milliseconds left before the current node's
// timeout: its seconds counted from the last line of the transcript.
func timeoutLeft(sess *trainer.Session, elapsed int64) int64 {
	var secs int
	for _, n := range sess.Script().Nodes {
		if n.ID == sess.Node() {
			secs = n.TimeoutS
		}
	}
	tr := sess.Transcript()
	if secs == 0 || len(tr) == 0 {
		return 0
	}
	left := tr[len(tr)-1].AtMS + int64(secs)*1000 - elapsed
	return max(left, 0)
}

// gridRow is one trainee in the facilitator's grid.
type gridRow struct {
	ID        string   `json:"id"`
	Seat      int      `json:"seat"`
	Name      string   `json:"name"`
	Trainee   string   `json:"trainee,omitempty"`
	Script    string   `json:"script"`
	Mode      string   `json:"mode"`
	Online    int      `json:"online"`
	Removed   bool     `json:"removed,omitempty"`
	Started   bool     `json:"started"`
	Ended     bool     `json:"ended"`
	Paused    bool     `json:"paused"`
	Outcome   string   `json:"outcome,omitempty"`
	Node      string   `json:"node,omitempty"`
	Mood      *int64   `json:"mood,omitempty"`
	Trust     *int64   `json:"trust,omitempty"`
	Patience  *int64   `json:"patience,omitempty"`
	ScorePct  float64  `json:"score_pct"`
	Band      string   `json:"band,omitempty"`
	Rules     []string `json:"rules"`
	Turns     int      `json:"turns"`
	ElapsedMS int64    `json:"elapsed_ms"`
	Variant   string   `json:"variant,omitempty"`
	Broken    string   `json:"broken,omitempty"`
}

// grid is the facilitator's live view of a room.
type grid struct {
	T        string      `json:"t"` // "grid"
	Room     roomInfo    `json:"room"`
	Scripts  []string    `json:"scripts"`
	Injects  []labelled  `json:"injects"`
	Variants []string    `json:"variants"`
	Seats    []gridRow   `json:"seats"`
	Waiting  *int        `json:"waiting,omitempty"`
	Queue    *queueState `json:"queue,omitempty"`
}

type labelled struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func (h *hub) gridView() grid {
	g := grid{T: "grid", Room: h.info(), Scripts: []string{}, Injects: []labelled{}, Variants: []string{}, Seats: []gridRow{}}
	seenI, seenV := map[string]bool{}, map[string]bool{}
	for _, sc := range h.scripts {
		g.Scripts = append(g.Scripts, sc.Title)
		for _, in := range sc.Injects {
			if !seenI[in.ID] {
				seenI[in.ID] = true
				g.Injects = append(g.Injects, labelled{in.ID, in.Label})
			}
		}
		if sc.Handoff != nil {
			for _, v := range sc.Handoff.Variants {
				if !seenV[v.Name] {
					seenV[v.Name] = true
					g.Variants = append(g.Variants, v.Name)
				}
			}
		}
	}
	now := h.now()
	for _, s := range h.seats {
		r, ok := h.rows[s]
		if !ok || h.staleRows[s] {
			r = h.row(s, now)
			h.rows[s] = r
		} else if s.sess != nil {
			r.ElapsedMS = activeMS(s.sess, now)
		}
		r.Online = len(s.clients)
		g.Seats = append(g.Seats, r)
	}
	clear(h.staleRows)
	if h.backdrop != nil {
		q := h.backdrop.state()
		g.Queue = &q
	}
	return g
}

func (h *hub) row(s *seat, now time.Time) gridRow {
	r := gridRow{ID: s.p.ID, Seat: s.p.Seat, Name: s.p.Name, Trainee: s.p.Trainee, Script: s.script.Title,
		Mode: s.p.Mode, Online: len(s.clients), Removed: s.extra.Removed, Rules: []string{}, Broken: s.broken}
	sess := s.sess
	if sess == nil {
		return r
	}
	r.Started, r.Ended, r.Paused, r.Outcome, r.Node = true, sess.Ended(), sess.Paused(), sess.Outcome(), sess.Node()
	for _, v := range sess.Vars() {
		n := v.Int
		switch v.Name {
		case "mood":
			r.Mood = &n
		case "trust":
			r.Trust = &n
		case "patience":
			r.Patience = &n
		}
	}
	sc := sess.Score()
	r.ScorePct, r.Band = sc.TotalPct, sc.Band
	for _, hit := range sess.Debrief().Rules {
		r.Rules = append(r.Rules, hit.ID)
	}
	r.Turns, r.ElapsedMS, r.Variant = sess.Turn(), activeMS(sess, now), sess.Variant()
	return r
}

package web

import (
	"time"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
)

// traineeState is what a trainee's page shows. Entries are the transcript
// lines from index From on; the page keeps the earlier ones.
type traineeState struct {
	T         string              `json:"t"` // "state"
	Ack       int64               `json:"ack"`
	Name      string              `json:"name"`
	Seat      int                 `json:"seat"`
	Room      workshop.Info       `json:"room"`
	Session   *sessionView        `json:"session"`
	From      int                 `json:"from"`
	Entries   []trainer.Entry     `json:"entries"`
	PulseNeed string              `json:"pulse_need,omitempty"` // before, after or ""
	Pulse     *workshop.PulseForm `json:"pulse,omitempty"`      // the questions, while PulseNeed is set
	Waiting   *int                `json:"waiting,omitempty"`    // customers in the queue backdrop
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
func (h *hub) traineeView(s *workshop.Seat, c *client) []byte {
	v := traineeState{T: "state", Ack: s.Participant.LastN, Name: s.Participant.Name, Seat: s.Participant.Seat, Room: h.Info(), From: c.sent,
		Entries: []trainer.Entry{}}
	if s.Session != nil {
		v.Session = h.sessionView(s)
		tr := s.Session.Transcript()
		if c.sent < len(tr) {
			v.Entries = tr[c.sent:]
		}
		c.sent = len(tr)
	}
	if v.PulseNeed = h.PulseNeed(s); v.PulseNeed != "" {
		f := workshop.Form(h.Instrument(), v.PulseNeed, string(c.lang))
		v.Pulse = &f
	}
	if h.Backdrop != nil {
		w := h.Backdrop.Waiting()
		v.Waiting = &w
	}
	return mustJSON(v)
}

func (h *hub) sessionView(s *workshop.Seat) *sessionView {
	sess, sc := s.Session, s.Script
	v := &sessionView{Title: sc.Title, Persona: sc.Persona.Name, Brief: sc.Persona.Brief, Facts: sc.Persona.Facts,
		Mode: sess.Mode(), Node: sess.Node(), Ended: sess.Ended(), Outcome: sess.Outcome(), Paused: sess.Paused(),
		Choices: sess.Choices(), Vars: visibleVars(sess), ElapsedMS: activeMS(sess, h.now()), LimitS: int(sess.TimeLimit() / time.Second)}
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
	// TimeoutLeftMS and IdleMS let the page re-check the time-based
	// attention flags between pushes; Attention says why the row needs the
	// facilitator's eye (hanging up, stuck, offline, rule broken).
	TimeoutLeftMS int64    `json:"timeout_left_ms,omitempty"`
	IdleMS        int64    `json:"idle_ms"`
	Attention     []string `json:"attention,omitempty"`
}

// grid is the facilitator's live view of a room.
type grid struct {
	T        string               `json:"t"` // "grid"
	Room     workshop.Info        `json:"room"`
	Scripts  []string             `json:"scripts"`
	Injects  []labelled           `json:"injects"`
	Variants []string             `json:"variants"`
	Seats    []gridRow            `json:"seats"`
	Waiting  *int                 `json:"waiting,omitempty"`
	Queue    *workshop.QueueState `json:"queue,omitempty"`
	// Team and Pulse are the room's team label and its pulse so far,
	// every figure under the anonymity threshold.
	Team  string                 `json:"team,omitempty"`
	Pulse *workshop.RoundSummary `json:"pulse,omitempty"`
}

type labelled struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// gridView is the grid with the room's pulse in language lang.
func (h *hub) gridView(lang i18n.Lang) grid {
	g := grid{T: "grid", Room: h.Info(), Scripts: []string{}, Injects: []labelled{}, Variants: []string{}, Seats: []gridRow{},
		Team: h.Config.Team, Pulse: h.PulseSummary(string(lang))}
	seenI, seenV := map[string]bool{}, map[string]bool{}
	for _, sc := range h.Scripts {
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
	for _, s := range h.Seats {
		r, ok := h.rows[s]
		if !ok || h.staleRows[s] {
			r = h.row(s, now)
			h.rows[s] = r
		} else if s.Session != nil {
			r.ElapsedMS = activeMS(s.Session, now)
			r.refreshTimes(s.Session)
		}
		r.Online = len(h.clients[s])
		r.Attention = attention(s, &r, r.Online)
		g.Seats = append(g.Seats, r)
	}
	clear(h.staleRows)
	if h.Backdrop != nil {
		q := h.Backdrop.State()
		g.Queue = &q
	}
	return g
}

func (h *hub) row(s *workshop.Seat, now time.Time) gridRow {
	r := gridRow{ID: s.Participant.ID, Seat: s.Participant.Seat, Name: s.Participant.Name, Trainee: s.Participant.Trainee, Script: s.Script.Title,
		Mode: s.Participant.Mode, Online: len(h.clients[s]), Removed: s.Extra.Removed, Rules: []string{}, Broken: s.Broken}
	sess := s.Session
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
	r.refreshTimes(sess)
	return r
}

// refreshTimes sets the row's time-out and idle figures from its elapsed time.
func (r *gridRow) refreshTimes(sess *trainer.Session) {
	r.TimeoutLeftMS, r.IdleMS = 0, 0
	if sess.Ended() {
		return
	}
	r.TimeoutLeftMS, r.IdleMS = timeoutLeft(sess, r.ElapsedMS), idleMS(sess, r.ElapsedMS)
}

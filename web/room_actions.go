package web

import (
	"encoding/json"

	"github.com/ccsim/ccsim/workshop"
)

// handle applies one trainee message (the room's rules are in workshop);
// a refused message is answered with an error once the round is committed.
func (h *hub) handle(m hubMsg) {
	c, s := m.c, m.c.seat
	if c.gone || s == nil || s.Extra.Removed {
		return
	}
	var msg workshop.Message
	if err := json.Unmarshal(m.data, &msg); err != nil {
		h.reject(c, 0, "malformed message")
		return
	}
	if _, err := h.Receive(s, msg); err != nil {
		h.reject(c, msg.N, err.Error())
		return
	}
	h.noteRead(s, m.at)
}

// reject tells c, once the round is committed, that message n was refused.
func (h *hub) reject(c *client, n int64, text string) {
	msg := mustJSON(map[string]any{"t": "error", "n": n, "msg": text})
	h.afterCommit(func() { h.send(c, msg) })
}

// join seats a new trainee (in the hub's goroutine).
func (h *hub) join(req workshop.JoinRequest) (any, error) {
	j, err := h.Join(req)
	if err != nil {
		return nil, err
	}
	return j, nil
}

// act carries out a facilitator command (in the hub's goroutine) and
// disconnects a removed trainee.
func (h *hub) act(a workshop.Action) (any, error) {
	v, err := h.Act(a)
	if err == nil && a.Action == "remove" {
		bye := mustJSON(map[string]string{"t": "removed"})
		for c := range h.clients[h.Seat(a.Seat)] {
			h.send(c, bye)
			h.drop(c)
		}
	}
	return v, err
}

// register adds a trainee connection to seat s and sends it the whole view.
// A seat is played on one device at a time: an older connection (another
// tab, a laptop left open) is told it was replaced and dropped, so two pages
// never number replies over each other.
func (h *hub) register(c *client, s *workshop.Seat) {
	bye := mustJSON(map[string]string{"t": "replaced"})
	for old := range h.clients[s] {
		h.send(old, bye)
		h.drop(old)
	}
	c.seat = s
	if h.clients[s] == nil {
		h.clients[s] = map[*client]bool{}
	}
	h.clients[s][c] = true
	h.Changed[s] = true
}

// registerFacilitator adds a facilitator connection.
func (h *hub) registerFacilitator(c *client) {
	h.facils[c] = true
	h.GridChanged = true
	h.facilitatorBack()
}

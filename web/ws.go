package web

import (
	"net/http"
	"time"

	"github.com/ccsim/ccsim/workshop"
)

// hello is the first message on a room websocket. Tokens travel here, never in URLs.
type hello struct {
	T     string `json:"t"`    // "hello"
	Role  string `json:"role"` // "trainee" or "facilitator"
	Code  string `json:"code"` // facilitator: the room
	Token string `json:"token"`
}

// serveRoomWS connects a trainee or a facilitator to a room. This handler's
// goroutine is the connection's reader; it starts the writer.
func (s *Server) serveRoomWS(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader().Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered (403 for a foreign origin)
	}
	c := newConn(ws, maxMessage, s.Now)
	var hi hello
	if err := c.readHello(&hi); err != nil {
		ws.Close()
		return
	}
	h, cl := s.attach(c, hi, r)
	if cl == nil {
		c.closeWith(closeDenied, "forbidden")
		ws.Close()
		return
	}
	// The writer exits when the hub closes cl.send (dropped, removed, room
	// stopped) or a write fails; either way it closes the socket.
	go c.writeLoop()
	c.readLoop(func(data []byte) bool {
		if cl.seat == nil {
			return true // facilitators act over HTTP; their socket only listens
		}
		select {
		case h.in <- hubMsg{c: cl, data: data, at: readTime(h)}:
			return true
		case <-h.done:
			return false
		}
	})
	h.post(func() { h.drop(cl) })
}

// attach authenticates a hello and registers the connection with its room;
// it returns a nil client when the token is wrong. A facilitator's hello
// may leave the token out: the upgrade request's facilitator cookie counts.
func (s *Server) attach(c *conn, hi hello, r *http.Request) (*hub, *client) {
	cl := &client{conn: c, lang: requestLang(r, s.Lang)}
	ok := make(chan bool, 1)
	switch hi.Role {
	case "facilitator":
		code := workshop.NormalizeCode(hi.Code)
		tok := hi.Token
		if tok == "" {
			tok = facilitatorToken(r, code)
		}
		h := s.facHub(code, tok)
		if h == nil {
			return nil, nil
		}
		if !h.post(func() { h.registerFacilitator(cl); ok <- true }) {
			return nil, nil
		}
		return waitAttach(h, cl, ok)
	case "trainee":
		if hi.Token == "" {
			return nil, nil
		}
		hash := workshop.HashToken(hi.Token)
		h := s.hub(s.seatRoom(hash))
		if h == nil {
			return nil, nil
		}
		cl.lang = s.roomPageLang(r, h.lang) // the pulse form follows the room's language
		if !h.post(func() {
			st := h.SeatByToken(hash)
			if st == nil || st.Extra.Removed {
				ok <- false
				return
			}
			h.SetRespondent(st, hi.Token) // the pulse's respondent key, never stored
			h.register(cl, st)
			ok <- true
		}) {
			return nil, nil
		}
		return waitAttach(h, cl, ok)
	}
	return nil, nil
}

func waitAttach(h *hub, cl *client, ok chan bool) (*hub, *client) {
	select {
	case good := <-ok:
		if good {
			return h, cl
		}
	case <-h.done:
	}
	return nil, nil
}

// readTime stamps a message for the hub's ServerTime, only when it is wanted.
func readTime(h *hub) time.Time {
	if h.serverTime == nil {
		return time.Time{}
	}
	return time.Now()
}

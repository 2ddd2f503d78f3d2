package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// Websocket limits.
const (
	maxMessage   = 4096             // bytes per message from a trainee or facilitator
	maxRunText   = maxBody          // bytes per dashboard message (it carries a scenario)
	sendBuffer   = 64               // queued messages per connection before it counts as slow
	writeWait    = 10 * time.Second // time allowed to write one message
	pongWait     = 60 * time.Second // time allowed between pongs
	pingPeriod   = pongWait * 9 / 10
	helloWait    = 10 * time.Second // time allowed for the first message
	rateBurst    = 20               // messages a connection may send at once
	ratePerSec   = 10               // sustained messages per second
	closeTooMany = 4429             // close code: rate limit exceeded
	closeDenied  = 4403             // close code: bad token
	closeGrace   = 2 * time.Second  // how long a closing connection waits for the client's close
)

// upgrader returns the websocket upgrader of s: same-origin (or listed origins) only.
func (s *Server) upgrader() *websocket.Upgrader {
	return &websocket.Upgrader{
		ReadBufferSize:  1024,
		WriteBufferSize: 4096,
		CheckOrigin:     s.originAllowed,
	}
}

// originAllowed accepts a websocket handshake whose Origin is this server's
// own host or one of Server.Origins. Browsers always send Origin; a missing
// one (a non-browser client) is allowed, since it cannot carry a victim's cookies.
func (s *Server) originAllowed(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	if strings.EqualFold(u.Host, r.Host) {
		return true
	}
	for _, o := range s.Origins {
		if strings.EqualFold(o, origin) {
			return true
		}
	}
	return false
}

// limiter is a token bucket: burst messages at once, then perSec per second.
type limiter struct {
	tokens float64
	last   time.Time
}

// allow takes one token at time now, reporting whether one was left.
func (l *limiter) allow(now time.Time) bool {
	if l.last.IsZero() {
		l.tokens = rateBurst
	} else {
		l.tokens = min(rateBurst, l.tokens+now.Sub(l.last).Seconds()*ratePerSec)
	}
	l.last = now
	if l.tokens < 1 {
		return false
	}
	l.tokens--
	return true
}

// conn is one websocket connection: one reader (the handler's goroutine, in
// readLoop) and one writer (writeLoop). Others send it messages only through
// send, never blocking: a full buffer means a slow client, which is dropped.
type conn struct {
	ws   *websocket.Conn
	send chan []byte
	now  func() time.Time
}

// newConn wraps ws, accepting messages of at most limit bytes.
func newConn(ws *websocket.Conn, limit int64, now func() time.Time) *conn {
	ws.SetReadLimit(limit)
	return &conn{ws: ws, send: make(chan []byte, sendBuffer), now: now}
}

// trySend queues msg without blocking and reports whether it fit. The caller
// owns the decision to drop the connection (close send) when it did not.
func (c *conn) trySend(msg []byte) bool {
	select {
	case c.send <- msg:
		return true
	default:
		return false
	}
}

// readHello reads the first message of a connection, which must come within helloWait.
func (c *conn) readHello(v any) error {
	c.ws.SetReadDeadline(time.Now().Add(helloWait))
	_, data, err := c.ws.ReadMessage()
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// readLoop reads messages and hands each to handle until the connection
// fails, handle returns false, or the client exceeds the rate limit.
func (c *conn) readLoop(handle func([]byte) bool) {
	c.ws.SetReadDeadline(time.Now().Add(pongWait))
	c.ws.SetPongHandler(func(string) error { c.ws.SetReadDeadline(time.Now().Add(pongWait)); return nil })
	var lim limiter
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			return
		}
		if !lim.allow(c.now()) {
			c.closeWith(closeTooMany, "too many messages")
			c.drain()
			return
		}
		if !handle(data) {
			return
		}
	}
}

// drain reads and discards what the client still sends after a close
// frame, until it answers the close or closeGrace passes. Closing a socket
// with unread data makes the kernel reset the connection, and a reset can
// destroy the close frame before the client reads it (the client then sees
// 1006 instead of the close code).
func (c *conn) drain() {
	c.ws.SetReadDeadline(time.Now().Add(closeGrace))
	for {
		if _, _, err := c.ws.ReadMessage(); err != nil {
			return
		}
	}
}

// closeWith sends a close frame with code and reason (best effort).
func (c *conn) closeWith(code int, reason string) {
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(writeWait))
}

// writeLoop writes queued messages and pings until send is closed (the
// owner dropped the connection) or a write fails; then it closes the socket,
// which ends readLoop too.
func (c *conn) writeLoop() {
	ticker := time.NewTicker(pingPeriod)
	defer func() {
		ticker.Stop()
		c.ws.Close()
	}()
	for {
		select {
		case msg, ok := <-c.send:
			c.ws.SetWriteDeadline(time.Now().Add(writeWait))
			if !ok {
				c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
				return
			}
			if err := c.ws.WriteMessage(websocket.TextMessage, msg); err != nil {
				return
			}
		case <-ticker.C:
			c.ws.SetWriteDeadline(time.Now().Add(writeWait))
			if err := c.ws.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
		}
	}
}

// mustJSON encodes v; the values encoded here cannot fail.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("web: " + err.Error())
	}
	return b
}

package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/gorilla/websocket"
)

// testServer is a Server on an httptest listener with a temporary database.
type testServer struct {
	*Server
	http *httptest.Server
	logs *syncBuffer
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newTestServer starts a server on a fresh database (or dbPath when given).
func newTestServer(tb testing.TB, dbPath string) *testServer {
	tb.Helper()
	if dbPath == "" {
		dbPath = filepath.Join(tb.TempDir(), "ccsim.db")
	}
	logs := &syncBuffer{}
	s := &Server{DB: dbPath, Log: slog.New(slog.NewTextHandler(logs, nil)), Workers: 2}
	if err := s.Open(); err != nil {
		tb.Fatal(err)
	}
	ts := &testServer{Server: s, http: httptest.NewServer(s.Handler()), logs: logs}
	tb.Cleanup(ts.close)
	return ts
}

func (ts *testServer) close() {
	ts.http.CloseClientConnections()
	ts.http.Close()
	ts.Server.Close()
}

// quickScript is the test role-play's source.
func quickScript(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/quick.roleplay.toml")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// call sends a JSON request and decodes a JSON answer; it returns the status code.
func (ts *testServer) call(tb testing.TB, method, path, token string, body, out any) int {
	tb.Helper()
	return callURL(tb, method, ts.http.URL+path, token, body, out)
}

// callURL sends a JSON request to url and decodes a JSON answer; it returns the status code.
func callURL(tb testing.TB, method, url, token string, body, out any) int {
	tb.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	if out != nil {
		json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode
}

// openQuickRoom opens a room with the quick test script.
func (ts *testServer) openQuickRoom(tb testing.TB, req workshop.Request) created {
	tb.Helper()
	if req.Custom == nil && req.Scripts == nil {
		req.Custom = []string{quickScript(tb)}
	}
	var c created
	if code := ts.call(tb, "POST", "/api/rooms", "", req, &c); code != http.StatusCreated {
		tb.Fatalf("POST /api/rooms = %d", code)
	}
	return c
}

// join seats a trainee and returns the resume token.
func (ts *testServer) join(tb testing.TB, code, name, mode string) workshop.Joined {
	tb.Helper()
	var j workshop.Joined
	if st := ts.call(tb, "POST", "/api/join", "", workshop.JoinRequest{Code: code, Name: name, Mode: mode}, &j); st != http.StatusCreated {
		tb.Fatalf("POST /api/join(%q) = %d", name, st)
	}
	return j
}

// act sends a facilitator action and fails the test unless it succeeds.
func (ts *testServer) act(tb testing.TB, room created, a workshop.Action) {
	tb.Helper()
	if st := ts.call(tb, "POST", "/api/rooms/"+room.Code+"/actions", room.Token, a, nil); st != http.StatusOK {
		tb.Fatalf("action %s = %d", a.Action, st)
	}
}

// wsClient is a test websocket client of a room.
type wsClient struct {
	tb   testing.TB
	ws   *websocket.Conn
	last traineeState
}

// dialWS opens a room websocket with an Origin of the test server.
func dialWS(tb testing.TB, base string, hi hello) *wsClient {
	tb.Helper()
	return dialWSHeader(tb, base, http.Header{"Origin": {base}}, hi)
}

// dialWSHeader opens a room websocket with the given request headers.
func dialWSHeader(tb testing.TB, base string, hdr http.Header, hi hello) *wsClient {
	tb.Helper()
	u := "ws" + strings.TrimPrefix(base, "http") + "/ws/room"
	ws, _, err := websocket.DefaultDialer.Dial(u, hdr)
	if err != nil {
		tb.Fatal(err)
	}
	if err := ws.WriteJSON(hi); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ws.Close() })
	return &wsClient{tb: tb, ws: ws}
}

// next reads messages until one of type t arrives or the deadline passes.
func (c *wsClient) next(t string, d time.Duration) (map[string]json.RawMessage, []byte) {
	c.tb.Helper()
	c.ws.SetReadDeadline(time.Now().Add(d))
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			c.tb.Fatalf("waiting for %q: %v", t, err)
		}
		var m map[string]json.RawMessage
		json.Unmarshal(data, &m)
		if string(m["t"]) == `"`+t+`"` {
			if t == "state" {
				c.last = traineeState{}
				json.Unmarshal(data, &c.last)
			}
			return m, data
		}
	}
}

// waitState reads states until ok(state) holds.
func (c *wsClient) waitState(d time.Duration, ok func(traineeState) bool) traineeState {
	c.tb.Helper()
	deadline := time.Now().Add(d)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			c.tb.Fatalf("state never matched; last: %+v", c.last)
		}
		c.next("state", left)
		if ok(c.last) {
			return c.last
		}
	}
}

func (c *wsClient) send(v any) {
	c.tb.Helper()
	if err := c.ws.WriteJSON(v); err != nil {
		c.tb.Fatal(err)
	}
}

// postRoom opens a room on the server at base.
func postRoom(tb testing.TB, base string, req workshop.Request) created {
	tb.Helper()
	var c created
	if st := callURL(tb, "POST", base+"/api/rooms", "", req, &c); st != http.StatusCreated {
		tb.Fatalf("POST /api/rooms = %d", st)
	}
	return c
}

// postJoin seats a free-mode trainee on the server at base.
func postJoin(tb testing.TB, base, code, name string) workshop.Joined {
	tb.Helper()
	var j workshop.Joined
	if st := callURL(tb, "POST", base+"/api/join", "", workshop.JoinRequest{Code: code, Name: name, Mode: "free"}, &j); st != http.StatusCreated {
		tb.Fatalf("POST /api/join = %d", st)
	}
	return j
}

// postAction sends a facilitator action to the server at base.
func postAction(tb testing.TB, base string, room created, a workshop.Action) {
	tb.Helper()
	if st := callURL(tb, "POST", base+"/api/rooms/"+room.Code+"/actions", room.Token, a, nil); st != http.StatusOK {
		tb.Fatalf("action %s = %d", a.Action, st)
	}
}

var _ = context.Background

// bytesOf encodes v as a JSON request body.
func bytesOf(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}

// seatID is the participant id of the trainee named name in room.
func (ts *testServer) seatID(tb testing.TB, room created, name string) string {
	tb.Helper()
	var d workshop.Debrief
	ts.call(tb, "GET", "/api/rooms/"+room.Code+"/debrief", room.Token, nil, &d)
	for _, tr := range d.Trainees {
		if tr.Name == name {
			return ts.hub(room.Code).Seats[tr.Seat-1].Participant.ID
		}
	}
	tb.Fatalf("no trainee %q in room %s", name, room.Code)
	return ""
}

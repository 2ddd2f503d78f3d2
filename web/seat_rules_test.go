package web

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/gorilla/websocket"
)

// TestRejoinByName: joining again by name and code returns the same seat
// with a new resume token; the old token no longer opens the seat.
func TestRejoinByName(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{})
	first := ts.join(t, room.Code, "Ann", "guided")
	ts.act(t, room, workshop.Action{Action: "start"})
	var again workshop.Joined
	if st := ts.call(t, "POST", "/api/join", "", workshop.JoinRequest{Code: strings.ToLower(room.Code), Name: "ann"}, &again); st != http.StatusCreated {
		t.Fatalf("re-join = %d, want 201", st)
	}
	if again.ID != first.ID || !again.Rejoined || again.Token == first.Token {
		t.Fatalf("re-join = %+v, want seat %s back with a new token", again, first.ID)
	}
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: again.Token})
	if st := c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil }); st.Seat != 1 {
		t.Errorf("re-joined seat %d, want 1", st.Seat)
	}
	old := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: first.Token})
	_, _, err := old.ws.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != closeDenied {
		t.Errorf("the old token after a re-join: %v, want close %d", err, closeDenied)
	}
}

// TestModeOverSocket: a guided seat's typed text and a free seat's reply
// ids, sent over a raw websocket, are refused and change nothing.
func TestModeOverSocket(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{})
	g := ts.join(t, room.Code, "Gia", "guided")
	f := ts.join(t, room.Code, "Fred", "free")
	ts.act(t, room, workshop.Action{Action: "start"})
	for _, tc := range []struct {
		name string
		tok  string
		msg  workshop.Message
	}{
		{"guided types", g.Token, workshop.Message{T: "say", N: 1, Text: "So sorry, I will refund it"}},
		{"free sends a reply id", f.Token, workshop.Message{T: "reply", N: 1, ID: "apologise"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: tc.tok})
			c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
			c.send(tc.msg)
			m, _ := c.next("error", 5*time.Second)
			if !strings.Contains(string(m["msg"]), "mode") {
				t.Errorf("error %s, want one naming the seat's mode", m["msg"])
			}
			st := c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 1 })
			if st.Session.Node != "greet" {
				t.Errorf("node after a refused message = %q, want greet", st.Session.Node)
			}
		})
	}
}

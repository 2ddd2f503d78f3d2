package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

// TestJoinRefusalLanguage: a trainee's join is refused in the language the
// browser asks for, for an unknown code and for a locked room.
func TestJoinRefusalLanguage(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Title: "R", Mode: "guided"})
	ts.act(t, room, workshop.Action{Action: "lock"})
	for _, tc := range []struct{ code, lang, want string }{
		{"ZZZZZZZZ", "de-DE,de;q=0.9", "Kein Raum mit diesem Code"},
		{"ZZZZZZZZ", "en-GB", "no room with that code"},
		{room.Code, "de", "Der Raum ist gesperrt"},
		{room.Code, "en", "the room is locked"},
	} {
		body, _ := json.Marshal(workshop.JoinRequest{Code: tc.code, Name: "Lea", Mode: "guided"})
		req, _ := http.NewRequest("POST", ts.http.URL+"/api/join", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept-Language", tc.lang)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]string
		json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if resp.StatusCode < 400 || !strings.Contains(got["error"], tc.want) {
			t.Errorf("join %s with Accept-Language %s: %d %q, want %q", tc.code, tc.lang, resp.StatusCode, got["error"], tc.want)
		}
	}
}

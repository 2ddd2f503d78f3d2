package web

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

// get fetches path with token as bearer and returns status and body.
func (ts *testServer) get(tb testing.TB, path, token string) (int, string) {
	tb.Helper()
	return ts.getLang(tb, path, token, "")
}

// getLang is get with an Accept-Language header (none when acceptLang is "").
func (ts *testServer) getLang(tb testing.TB, path, token, acceptLang string) (int, string) {
	tb.Helper()
	req, _ := http.NewRequest("GET", ts.http.URL+path, nil)
	if acceptLang != "" {
		req.Header.Set("Accept-Language", acceptLang)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// answerStandalone sends one person's answers to stand-alone pulse code:
// every statement a, with text.
func (ts *testServer) answerStandalone(tb testing.TB, code string, a int, text string) int {
	tb.Helper()
	answers := make([]int, 12)
	for i := range answers {
		answers[i] = a
	}
	return ts.call(tb, "POST", "/api/pulses/"+code+"/answers", "", pulseAnswerBody{Answers: answers, Text: text}, nil)
}

// TestStandalonePulse: a stand-alone pulse opened for a team is answered by
// code; four answers show no figure and no text in the history or any
// export, the fifth shows trust 50 (every answer 3), and the history reads
// only with the admin token or the sign-in of a room of that team.
func TestStandalonePulse(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Mode: "guided", Pulse: true, Team: "Blue"})
	other := ts.openQuickRoom(t, workshop.Request{Mode: "guided", Pulse: true, Team: "Red"})
	ts.AdminToken = "admin-secret-0123456789"
	var opened map[string]string
	if code := ts.call(t, "POST", "/api/pulses", "", pulseRequest{Team: "Blue"}, nil); code != http.StatusForbidden {
		t.Errorf("opening a pulse without the admin token = %d, want 403", code)
	}
	if code := ts.call(t, "POST", "/api/pulses", ts.AdminToken, pulseRequest{Team: "Blue", Title: "Week 12"}, &opened); code != http.StatusCreated {
		t.Fatalf("POST /api/pulses = %d", code)
	}
	code := opened["code"]
	var form struct {
		Form workshop.PulseForm `json:"form"`
	}
	if st := ts.call(t, "GET", "/api/pulses/"+code+"/form?lang=de", "", nil, &form); st != 200 || !strings.HasPrefix(form.Form.Items[0], "Der Bot") {
		t.Fatalf("German form = %d %+v", st, form.Form)
	}
	if st := ts.call(t, "GET", "/api/pulses/NOPE3467/form", "", nil, nil); st != http.StatusNotFound {
		t.Errorf("form of an unknown code = %d, want 404", st)
	}
	for range 4 {
		if st := ts.answerStandalone(t, code, 3, "secret wish"); st != 200 {
			t.Fatalf("answer = %d", st)
		}
	}
	for _, f := range []string{"/api/pulse/history", "/api/pulse/export/history.csv", "/api/pulse/export/history.json"} {
		st, body := ts.get(t, f+"?team=Blue", ts.AdminToken)
		if st != 200 || strings.Contains(body, "secret wish") || strings.Contains(body, `"mean"`) || strings.Contains(body, ",50.0,") {
			t.Errorf("%s with 4 respondents = %d, shows a figure or text:\n%s", f, st, body)
		}
	}
	ts.answerStandalone(t, code, 3, "")
	var h workshop.History
	if st := ts.call(t, "GET", "/api/pulse/history?team=Blue", ts.AdminToken, nil, &h); st != 200 || len(h.Rounds) != 1 {
		t.Fatalf("history = %d %+v", st, h)
	}
	if b := h.Rounds[0].Scales[0].Before; b == nil || b.Mean != 50 || b.N != 5 || len(h.Rounds[0].Texts) != 4 {
		t.Errorf("trust before = %+v with texts %v, want 50 from 5 and the 4 texts", b, h.Rounds[0].Texts)
	}
	for _, tc := range []struct {
		name, query, token string
		want               int
	}{
		{"no team named (every team's rounds)", "?team=", ts.AdminToken, http.StatusBadRequest},
		{"nobody", "?team=Blue", "", http.StatusForbidden},
		{"facilitator of a Blue room", "?team=Blue&room=" + room.Code, room.Token, 200},
		{"facilitator of a Red room", "?team=Blue&room=" + other.Code, other.Token, http.StatusForbidden},
		{"a Blue room's code without its secret", "?team=Blue&room=" + room.Code, other.Token, http.StatusForbidden},
	} {
		if st, _ := ts.get(t, "/api/pulse/history"+tc.query, tc.token); st != tc.want {
			t.Errorf("%s: history = %d, want %d", tc.name, st, tc.want)
		}
	}
	if st, body := ts.get(t, "/api/pulse/export/history.png?team=Blue", ts.AdminToken); st != 200 || !strings.HasPrefix(body, "\x89PNG") {
		t.Errorf("history.png = %d", st)
	}
	if st, _ := ts.get(t, "/api/pulse/teams", ""); st != http.StatusForbidden {
		t.Errorf("teams without the admin token = %d, want 403", st)
	}
}

package web

import (
	csvpkg "encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/gorilla/websocket"
)

// TestSecurityHeaders checks the CSP and companions on pages, assets and the API.
func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, "")
	for _, path := range []string{"/", "/dashboard", "/workshop", "/join", "/play/ABCDEF", "/facilitate/ABCDEF", "/debrief/ABCDEF", "/static/play.js", "/api/roleplays"} {
		res, err := http.Get(ts.http.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s = %d", path, res.StatusCode)
		}
		for k, want := range map[string]string{"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff",
			"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if got := res.Header.Get(k); got != want {
				t.Errorf("GET %s: %s = %q, want %q", path, k, got, want)
			}
		}
	}
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe") {
		t.Errorf("CSP %q must allow only the server's own scripts", csp)
	}
}

// TestEmbeddedAssetsOnly checks that no page loads anything from elsewhere.
func TestEmbeddedAssetsOnly(t *testing.T) {
	entries, err := assets.ReadDir("static")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := assets.ReadFile("static/" + e.Name())
		text := string(b)
		for _, bad := range []string{"http://", "https://", "//cdn", "fonts.googleapis", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
			if strings.Contains(text, bad) && !(bad == "http://" && strings.Contains(text, "http://www.w3.org/2000/svg")) {
				t.Errorf("static/%s contains %q", e.Name(), bad)
			}
		}
		if strings.HasSuffix(e.Name(), ".html") && (strings.Contains(text, "<script>") || strings.Contains(text, " style=") || strings.Contains(text, " onclick=")) {
			t.Errorf("static/%s has inline script, style or handler (the CSP forbids them)", e.Name())
		}
	}
}

// TestFacilitatorToken: every facilitator action needs the room's own token.
func TestFacilitatorToken(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{})
	other := ts.openQuickRoom(t, workshop.Request{})
	j := ts.join(t, room.Code, "Ann", "guided")
	for _, tc := range []struct {
		name, token string
		want        int
	}{
		{"no token", "", http.StatusForbidden},
		{"wrong token", "not-the-token", http.StatusForbidden},
		{"another room's token", other.Token, http.StatusForbidden},
		{"a trainee's resume token", j.Token, http.StatusForbidden},
		{"the room's token", room.Token, http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, req := range []struct{ method, path string }{
				{"POST", "/api/rooms/" + room.Code + "/actions"},
				{"GET", "/api/rooms/" + room.Code + "/debrief"},
				{"GET", "/api/rooms/" + room.Code + "/export/debrief.json"},
				{"GET", "/api/rooms/" + room.Code + "/export/debrief.csv"},
				{"GET", "/api/rooms/" + room.Code + "/export/debrief.html"},
				{"GET", "/api/rooms/" + room.Code + "/status"},
				{"GET", "/api/rooms/" + room.Code + "/qr.svg"},
			} {
				var body any
				if req.method == "POST" {
					body = workshop.Action{Action: "lock"}
				}
				if got := ts.call(t, req.method, req.path, tc.token, body, nil); got != tc.want {
					t.Errorf("%s %s = %d, want %d", req.method, req.path, got, tc.want)
				}
			}
		})
	}
	// A facilitator socket with a wrong token is refused with close code 4403.
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "facilitator", Code: room.Code, Token: other.Token})
	_, _, err := c.ws.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != closeDenied {
		t.Errorf("facilitator socket with another room's token: %v, want close %d", err, closeDenied)
	}
}

// TestWebsocketOrigin refuses sockets opened by pages of other sites.
func TestWebsocketOrigin(t *testing.T) {
	ts := newTestServer(t, "")
	u := "ws" + strings.TrimPrefix(ts.http.URL, "http")
	for _, path := range []string{"/ws/room", "/ws/run"} {
		_, res, err := websocket.DefaultDialer.Dial(u+path, http.Header{"Origin": {"http://evil.example"}})
		if err == nil || res == nil || res.StatusCode != http.StatusForbidden {
			t.Errorf("%s from another origin: %v, want 403", path, err)
		}
		ws, _, err := websocket.DefaultDialer.Dial(u+path, http.Header{"Origin": {ts.http.URL}})
		if err != nil {
			t.Errorf("%s from its own origin: %v", path, err)
		} else {
			ws.Close()
		}
	}
	ts.Origins = []string{"https://ccsim.example"}
	ws, _, err := websocket.DefaultDialer.Dial(u+"/ws/room", http.Header{"Origin": {"https://ccsim.example"}})
	if err != nil {
		t.Errorf("listed origin refused: %v", err)
	} else {
		ws.Close()
	}
}

// startedTrainee opens a room, seats a free-mode trainee, starts, and connects.
func startedTrainee(t *testing.T, ts *testServer) (*wsClient, workshop.Joined) {
	t.Helper()
	room := ts.openQuickRoom(t, workshop.Request{Mode: "free"})
	j := ts.join(t, room.Code, "Max", "free")
	ts.act(t, room, workshop.Action{Action: "start"})
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	return c, j
}

// TestMessageLimit closes a connection that sends more than 4 KB at once.
func TestMessageLimit(t *testing.T) {
	ts := newTestServer(t, "")
	c, j := startedTrainee(t, ts)
	c.send(workshop.Message{T: "say", N: 1, Text: strings.Repeat("a", maxMessage)})
	c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	var err error
	for err == nil {
		_, _, err = c.ws.ReadMessage()
	}
	// The server must close the connection, saying why; a dropped message
	// with the connection left open (a read timeout here) is a failure.
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != websocket.CloseMessageTooBig {
		t.Errorf("oversized message: %v, want the connection closed with code %d (message too big)", err, websocket.CloseMessageTooBig)
	}
	for _, e := range storedEvents(t, ts.Server, j.ID) {
		if e.Kind == "say" {
			t.Error("the oversized message was applied")
		}
	}
}

// TestRateLimit closes a connection that floods the server with 4429 (not
// a dropped connection), every time: six floods of 60 messages at once.
func TestRateLimit(t *testing.T) {
	for run := range 6 {
		t.Run(fmt.Sprintf("flood %d", run+1), func(t *testing.T) {
			ts := newTestServer(t, "")
			c, j := startedTrainee(t, ts)
			for n := range 60 {
				if c.ws.WriteJSON(workshop.Message{T: "say", N: int64(n + 1), Text: strings.Repeat("spam ", 190)}) != nil {
					break
				}
			}
			// A client busy elsewhere reads late: the close must still be there
			// (a connection closed with unread data is reset, losing it).
			time.Sleep(300 * time.Millisecond)
			c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
			var err error
			for err == nil {
				_, _, err = c.ws.ReadMessage()
			}
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != closeTooMany {
				t.Errorf("flooding: %v, want close %d", err, closeTooMany)
			}
			says := 0
			for _, e := range storedEvents(t, ts.Server, j.ID) {
				if e.Kind == "say" {
					says++
				}
			}
			if says > rateBurst+2 {
				t.Errorf("%d flooded messages applied, want at most about the burst of %d", says, rateBurst)
			}
		})
	}
}

// TestCodesAndTokens: codes avoid look-alike characters; both come from crypto/rand.
func TestCodesAndTokens(t *testing.T) {
	codes, toks := map[string]bool{}, map[string]bool{}
	for range 2000 {
		c := workshop.NewCode()
		if len(c) != 8 || !workshop.ValidCode(c) || strings.ContainsAny(c, "0O1IL5S2Z8BUV") {
			t.Fatalf("code %q has an ambiguous character or a wrong length", c)
		}
		codes[c] = true
		tok := workshop.NewToken()
		if len(tok) != 43 || toks[tok] {
			t.Fatalf("token %q: length %d or repeated", tok, len(tok))
		}
		toks[tok] = true
	}
	if len(codes) < 1990 {
		t.Errorf("%d distinct codes in 2000, want nearly all", len(codes))
	}
	if got := workshop.NormalizeCode(" 3c4-d6e "); got != "3C4D6E" {
		t.Errorf("normalizeCode = %q", got)
	}
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"3C4D6E", true},     // a room opened before codes grew keeps its code
		{"3C4D6E7F", true},   // new codes have 8 characters
		{"3C4D6E7", false},   // 7
		{"3C4D6E7F9", false}, // 9
		{"3C4D6E7O", false},  // look-alike letter
	} {
		if got := workshop.ValidCode(tc.code); got != tc.want {
			t.Errorf("ValidCode(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
}

// TestNoSecretsLogged runs a room and checks the log holds no token.
func TestNoSecretsLogged(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{})
	j := ts.join(t, room.Code, "Lo", "guided")
	ts.act(t, room, workshop.Action{Action: "start"})
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	f := dialWS(t, ts.http.URL, hello{T: "hello", Role: "facilitator", Code: room.Code, Token: room.Token})
	f.next("grid", 5*time.Second)
	ts.call(t, "GET", "/api/rooms/"+room.Code+"/debrief", room.Token, nil, nil)
	ts.call(t, "GET", "/api/rooms/"+room.Code+"/debrief?token="+room.Token, "", nil, nil) // a careless client
	logs := ts.logs.String()
	if !strings.Contains(logs, "/api/rooms/"+room.Code+"/debrief") {
		t.Fatalf("the access log is missing; logs:\n%s", logs)
	}
	for _, secret := range []string{room.Token, j.Token} {
		if strings.Contains(logs, secret) {
			t.Errorf("a token is in the logs:\n%s", logs)
		}
	}
}

// TestExportsEscape checks the HTML and CSV exports with hostile names and replies.
func TestExportsEscape(t *testing.T) {
	ts := newTestServer(t, "")
	src := strings.Replace(quickScript(t), `title = "Quick refund"`, `title = "@SUM(1+1)*cmd|' /C calc'!A0"`, 1)
	room := ts.openQuickRoom(t, workshop.Request{Mode: "free", Custom: []string{src}})
	j := ts.join(t, room.Code, `<script>alert(1)</script>`, "free")
	ts.join(t, room.Code, `=HYPERLINK("http://x")`, "free")
	ts.join(t, room.Code, "\u202eevil\u202c-2+3", "free")
	ts.join(t, room.Code, "-2+3", "free")
	ts.join(t, room.Code, "+Rem", "free")
	ts.act(t, room, workshop.Action{Action: "start"})
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	c.send(workshop.Message{T: "say", N: 1, Text: `"><img src=x onerror=alert(2)>`})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 1 })
	acceptLang := ""
	get := func(name string) string {
		req, _ := http.NewRequest("GET", ts.http.URL+"/api/rooms/"+room.Code+"/export/"+name, nil)
		req.Header.Set("Authorization", "Bearer "+room.Token)
		if acceptLang != "" {
			req.Header.Set("Accept-Language", acceptLang)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s is not served as an attachment", name)
		}
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	html := get("debrief.html")
	if *screensDir != "" {
		os.WriteFile(filepath.Join(*screensDir, "debrief-export.html"), []byte(html), 0o644)
	}
	if strings.Contains(html, "<script>alert") || strings.Contains(html, "<img src=x") {
		t.Error("the HTML export has unescaped user text")
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the HTML export lacks the escaped name")
	}
	if !strings.Contains(html, "<bdi>") {
		t.Error("the HTML export does not isolate names in <bdi>")
	}
	if !strings.Contains(html, "<h2>Outcomes</h2>") {
		t.Error("the HTML export without Accept-Language is not in English")
	}
	acceptLang = "de-DE,de;q=0.9,en;q=0.5"
	if de := get("debrief.html"); !strings.Contains(de, `<html lang="de">`) || !strings.Contains(de, "<h2>Ausgänge</h2>") ||
		!strings.Contains(de, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the HTML export asked for in German (Accept-Language: de) is not German, or not escaped")
	}
	acceptLang = ""
	ts.act(t, room, workshop.Action{Action: "remove", Seat: ts.seatID(t, room, "+Rem")})
	csv := get("debrief.csv")
	recs, err := csvpkg.NewReader(strings.NewReader(csv)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs {
		for k, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r\n", rune(cell[0])) && !isNumber(cell) {
				t.Errorf("CSV row %d column %d = %q starts a formula", i+1, k+1, cell)
			}
			if strings.ContainsAny(cell, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
				t.Errorf("CSV row %d column %d = %q holds a bidi control", i+1, k+1, cell)
			}
		}
	}
	for _, want := range []string{`'=HYPERLINK`, `'@SUM(1+1)`, `'-2+3`, `'+Rem`, ",evil-2+3,"} {
		if !strings.Contains(csv, want) {
			t.Errorf("the CSV export lacks the defused cell %s:\n%s", want, csv)
		}
	}
	if last := recs[len(recs)-1]; last[1] != "'+Rem" || last[len(last)-1] != "true" {
		t.Errorf("last CSV row %v, want the removed trainee marked removed", last)
	}
}

// TestLockRemove: a locked room takes no one; a removed trainee's token stops working.
func TestLockRemove(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Cap: 2})
	a := ts.join(t, room.Code, "A", "guided")
	ts.act(t, room, workshop.Action{Action: "lock"})
	if st := ts.call(t, "POST", "/api/join", "", workshop.JoinRequest{Code: room.Code, Name: "B", Mode: "guided"}, nil); st != http.StatusForbidden {
		t.Errorf("join a locked room = %d, want 403", st)
	}
	ts.act(t, room, workshop.Action{Action: "unlock"})
	ts.join(t, room.Code, "B", "guided")
	if st := ts.call(t, "POST", "/api/join", "", workshop.JoinRequest{Code: room.Code, Name: "C", Mode: "guided"}, nil); st != http.StatusForbidden {
		t.Errorf("join a full room = %d, want 403", st)
	}
	if st := ts.call(t, "POST", "/api/join", "", workshop.JoinRequest{Code: "QQQQQQ", Name: "C", Mode: "guided"}, nil); st != http.StatusNotFound {
		t.Errorf("join an unknown code = %d, want 404", st)
	}
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: a.Token})
	c.next("state", 5*time.Second)
	ts.act(t, room, workshop.Action{Action: "remove", Seat: a.ID})
	c.next("removed", 5*time.Second)
	again := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: a.Token})
	_, _, err := again.ws.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != closeDenied {
		t.Errorf("a removed trainee reconnecting: %v, want close %d", err, closeDenied)
	}
}

// isNumber reports whether a CSV cell is a plain decimal number (which may start with '-').
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && strings.Trim(s, "-0123456789.") == ""
}

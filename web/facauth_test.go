package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
)

// TestFacilitatorCookie: opening a room signs its browser in with an
// HttpOnly, SameSite=Strict cookie; the links it gets carry no secret; the
// cookie alone authorizes the room's API and websocket, and only its room's.
func TestFacilitatorCookie(t *testing.T) {
	ts := newTestServer(t, "")
	jar, _ := cookiejar.New(nil)
	cl := &http.Client{Jar: jar}
	body, _ := json.Marshal(workshop.Request{Custom: []string{quickScript(t)}})
	res, err := cl.Post(ts.http.URL+"/api/rooms", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var room created
	json.NewDecoder(res.Body).Decode(&room)
	res.Body.Close()
	for _, link := range []string{room.Facilitate, room.Project, room.Join} {
		if link == "" || strings.Contains(link, room.Token) || strings.Contains(link, "#") {
			t.Errorf("link %q carries the secret or a fragment", link)
		}
	}
	var ck *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == facCookieName(room.Code) {
			ck = c
		}
	}
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/" || ck.Value != room.Token {
		t.Fatalf("facilitator cookie = %+v, want HttpOnly, SameSite=Strict, Path=/ with the room's secret", ck)
	}
	other := ts.openQuickRoom(t, workshop.Request{})
	for _, tc := range []struct {
		name, code string
		want       int
	}{
		{"own room", room.Code, http.StatusOK},
		{"another room", other.Code, http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{"/debrief", "/status", "/qr.svg", "/export/debrief.csv"} {
				res, err := cl.Get(ts.http.URL + "/api/rooms/" + tc.code + path)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != tc.want {
					t.Errorf("GET %s with the cookie = %d, want %d", path, res.StatusCode, tc.want)
				}
			}
		})
	}
	// The facilitator socket accepts the cookie in place of a token.
	u, _ := url.Parse(ts.http.URL)
	hdr := http.Header{"Origin": {ts.http.URL}, "Cookie": {ck.Name + "=" + jar.Cookies(u)[0].Value}}
	f := dialWSHeader(t, ts.http.URL, hdr, hello{T: "hello", Role: "facilitator", Code: room.Code})
	f.next("grid", 5*time.Second)
}

// TestFacilitatorSession: the secret exchanged once (in a POST body) gives
// the cookie; a wrong secret gives nothing.
func TestFacilitatorSession(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{})
	other := ts.openQuickRoom(t, workshop.Request{})
	for _, tc := range []struct {
		name, token string
		want        int
		cookie      bool
	}{
		{"empty", "", http.StatusForbidden, false},
		{"wrong", "not-the-secret", http.StatusForbidden, false},
		{"another room's", other.Token, http.StatusForbidden, false},
		{"the room's, with spaces", " " + room.Token + "\n", http.StatusOK, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := json.Marshal(map[string]string{"token": tc.token})
			res, err := http.Post(ts.http.URL+"/api/rooms/"+room.Code+"/session", "application/json", bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			got := false
			for _, c := range res.Cookies() {
				got = got || c.Name == facCookieName(room.Code) && c.Value == room.Token && c.HttpOnly
			}
			if res.StatusCode != tc.want || got != tc.cookie {
				t.Errorf("POST session = %d, cookie %v; want %d, cookie %v", res.StatusCode, got, tc.want, tc.cookie)
			}
		})
	}
	if st := ts.call(t, "GET", "/api/rooms/"+room.Code+"/session", "", nil, nil); st != http.StatusMethodNotAllowed {
		t.Errorf("GET session = %d, want 405 (the secret never travels in an address)", st)
	}
}

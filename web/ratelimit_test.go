package web

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
)

// fakeClock is a settable clock.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func reqFrom(addr string) *http.Request {
	r := httptest.NewRequest("POST", "/api/join", nil)
	r.RemoteAddr = addr
	return r
}

// TestAddrLimitsFailures: failures beyond failFree make the address wait
// 1 s, 2 s, 4 s … up to a minute before any attempt; they are forgotten
// one a minute; other addresses are not affected; an IPv6 /64 is one address.
func TestAddrLimitsFailures(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1e9, 0)}
	l := newAddrLimits(clk.now)
	a := reqFrom("203.0.113.7:5000")
	for i := range failFree {
		if d := l.take(a, limitJoin); d != 0 {
			t.Fatalf("attempt %d: wait %v, want none (first %d failures are free)", i+1, d, failFree)
		}
		l.fail(a)
	}
	for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second} {
		if d := l.take(a, limitJoin); d != want {
			t.Fatalf("after %d failures: wait %v, want %v", failFree, d, want)
		}
		clk.t = clk.t.Add(want - time.Millisecond)
		if d := l.take(a, limitJoin); d <= 0 {
			t.Fatalf("1 ms before the delay %v is over: admitted", want)
		}
		clk.t = clk.t.Add(time.Millisecond)
		if d := l.take(a, limitJoin); d != 0 {
			t.Fatalf("after waiting %v: wait %v, want none", want, d)
		}
		l.fail(a)
	}
	if d := l.take(reqFrom("203.0.113.8:5000"), limitJoin); d != 0 {
		t.Errorf("another address waits %v, want none", d)
	}
	for range 30 {
		l.fail(a)
	}
	if d := l.take(a, limitJoin); d != failMaxDelay {
		t.Errorf("after many failures: wait %v, want the cap %v", d, failMaxDelay)
	}
	clk.t = clk.t.Add(40 * failDecay) // 40 of 39 failures forgotten
	if d := l.take(a, limitJoin); d != 0 {
		t.Errorf("after %v without failures: wait %v, want none", 40*failDecay, d)
	}
	v6a, v6b := reqFrom("[2001:db8:1:2::1]:80"), reqFrom("[2001:db8:1:2:ffff::9]:80")
	for range failFree + 1 {
		l.fail(v6a)
	}
	if d := l.take(v6b, limitJoin); d == 0 {
		t.Error("another address of the same IPv6 /64 was not held back")
	}
}

// TestAddrLimitsBuckets: each kind of request has its own burst and rate.
func TestAddrLimitsBuckets(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind limitKind
	}{
		{"create", limitCreate},
		{"join", limitJoin},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk := &fakeClock{t: time.Unix(1e9, 0)}
			l := newAddrLimits(clk.now)
			a := reqFrom("198.51.100.1:1")
			p := limitPolicies[tc.kind]
			for i := range int(p.burst) {
				if d := l.take(a, tc.kind); d != 0 {
					t.Fatalf("request %d of the burst of %v: wait %v", i+1, p.burst, d)
				}
			}
			d := l.take(a, tc.kind)
			if want := time.Duration(float64(time.Second) / p.perSec); d <= 0 || d > want {
				t.Fatalf("past the burst: wait %v, want (0, %v]", d, want)
			}
			clk.t = clk.t.Add(d)
			if got := l.take(a, tc.kind); got != 0 {
				t.Errorf("after waiting %v: wait %v, want none", d, got)
			}
		})
	}
}

// TestJoinGuessing: wrong join codes from one address are answered 404,
// then 429 with Retry-After, and then even the right code waits: guessing
// gains nothing from the refusals.
func TestJoinGuessing(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{})
	wrong := "3333333333"[:len(room.Code)]
	for i := range failFree {
		if st := ts.call(t, "POST", "/api/join", "", workshop.JoinRequest{Code: wrong, Name: "G", Mode: "guided"}, nil); st != http.StatusNotFound {
			t.Fatalf("wrong code %d = %d, want 404", i+1, st)
		}
	}
	req := httptestJoin(t, ts, room.Code)
	if req.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("the right code after %d wrong ones = %d, want 429", failFree, req.StatusCode)
	}
	if s, _ := strconv.Atoi(req.Header.Get("Retry-After")); s < 1 {
		t.Errorf("Retry-After = %q, want whole seconds ≥ 1", req.Header.Get("Retry-After"))
	}
}

func httptestJoin(t *testing.T, ts *testServer, code string) *http.Response {
	t.Helper()
	res, err := http.Post(ts.http.URL+"/api/join", "application/json",
		bytesOf(workshop.JoinRequest{Code: code, Name: "Ann", Mode: "guided"}))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// TestAdminToken: with an admin token, opening a room needs it (header or
// the cookie its exchange sets); a wrong one is refused and counted.
func TestAdminToken(t *testing.T) {
	ts := newTestServer(t, "")
	ts.AdminToken = "admin-secret-0123456789"
	body := workshop.Request{Custom: []string{quickScript(t)}}
	for _, tc := range []struct {
		name, token string
		want        int
	}{
		{"none", "", http.StatusUnauthorized},
		{"wrong", "admin-secret", http.StatusUnauthorized},
		{"right", ts.AdminToken, http.StatusCreated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if st := ts.call(t, "POST", "/api/rooms", tc.token, body, nil); st != tc.want {
				t.Errorf("POST /api/rooms = %d, want %d", st, tc.want)
			}
		})
	}
	var status map[string]bool
	ts.call(t, "GET", "/api/admin", "", nil, &status)
	if !status["required"] || status["signed_in"] {
		t.Errorf("GET /api/admin = %v, want required and not signed in", status)
	}
	res, err := http.Post(ts.http.URL+"/api/admin/session", "application/json", bytesOf(map[string]string{"token": ts.AdminToken}))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var ck *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == adminCookie {
			ck = c
		}
	}
	if res.StatusCode != http.StatusOK || ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode {
		t.Fatalf("admin session = %d, cookie %+v; want 200 and an HttpOnly, SameSite=Strict cookie", res.StatusCode, ck)
	}
	req, _ := http.NewRequest("POST", ts.http.URL+"/api/rooms", bytesOf(body))
	req.AddCookie(ck)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Errorf("POST /api/rooms with the admin cookie = %d, want 201", res.StatusCode)
	}
}

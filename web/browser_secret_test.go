package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// noSecretOnPage fails the test when the room's secret is in the tab's
// address, a link, a source or the page's text, or readable as a cookie.
func noSecretOnPage(t *testing.T, tab context.Context, page, secret string) {
	t.Helper()
	for _, tc := range []struct{ name, expr string }{
		{"the address bar", `location.href`},
		{"a link, source or form", `[...document.querySelectorAll("[href], [src], [action]")].map(e => e.getAttribute("href") + " " + e.getAttribute("src") + " " + e.getAttribute("action") + " " + (e.href || "")).join("\n")`},
		{"the page", `document.documentElement.outerHTML + document.body.innerText`},
		{"a cookie scripts can read", `document.cookie`},
		{"the history", `JSON.stringify(history.state)`},
	} {
		if got := eval[string](t, tab, tc.expr); secret != "" && strings.Contains(got, secret) {
			t.Errorf("%s: the room secret is in %s", page, tc.name)
		}
	}
}

// TestBrowserNoSecretInAddress: the facilitator page, its debrief and the
// projector view show the room's secret nowhere (address bar, links, page,
// script-readable cookies); an old link with the secret after "#" signs in
// and drops it from the address; a browser without the cookie is asked for
// the secret, once.
func TestBrowserNoSecretInAddress(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	ts.AdminToken = "admin-0123456789abcdef"
	fac, room := openRoomInBrowser(t, b, ts, false)
	if len(room.Token) != 43 {
		t.Fatalf("the workshop page showed a secret of %d characters, want 43", len(room.Token))
	}
	joinInBrowser(t, b, ts, room.Code, "Ann", "guided")
	waitFor(t, fac, "Ann in the grid", `document.querySelectorAll("#grid tbody tr").length === 1`, 10*time.Second)
	noSecretOnPage(t, fac, "facilitator page", room.Token)
	noSecretOnPage(t, fac, "facilitator page (admin token)", ts.AdminToken)
	shot(t, fac, "web-facilitator-signed-in")

	do(t, fac, "open the debrief", chromedp.Click(chromedp.CSS("#debrief")))
	waitFor(t, fac, "the debrief", `document.querySelectorAll("#scores tbody tr").length === 1`, 10*time.Second)
	noSecretOnPage(t, fac, "debrief", room.Token)

	do(t, fac, "open the projector view", chromedp.Navigate(ts.http.URL+"/project/"+room.Code))
	waitFor(t, fac, "the projector's status and QR code", `document.querySelector("#status").textContent.includes("1 trainee in the room") && document.querySelector("#qr").complete && document.querySelector("#qr").naturalWidth > 0`, 10*time.Second)
	if got := eval[string](t, fac, `document.querySelector("#code").textContent`); got != room.Code {
		t.Errorf("projector code = %q, want %q", got, room.Code)
	}
	if n := eval[int](t, fac, `document.querySelectorAll("button, input, select, textarea, form").length`); n != 0 {
		t.Errorf("projector view has %d controls, want 0", n)
	}
	if eval[bool](t, fac, `document.body.innerText.includes("Ann")`) {
		t.Error("the projector view shows a trainee's name")
	}
	noSecretOnPage(t, fac, "projector view", room.Token)
	docShot(t, fac, "web-projector")

	old := newTab(t, b)
	do(t, old, "open an old link with the secret after #", chromedp.Navigate(ts.http.URL+"/facilitate/"+room.Code+"#"+room.Token))
	waitFor(t, old, "the old link signed in", `document.querySelectorAll("#grid tbody tr").length === 1 && location.hash === ""`, 10*time.Second)
	noSecretOnPage(t, old, "facilitator page from an old link", room.Token)

	fresh := newTab(t, b)
	do(t, fresh, "open the facilitator page without the cookie", chromedp.Navigate(ts.http.URL+"/facilitate/"+room.Code))
	waitFor(t, fresh, "the sign-in form", `!document.querySelector("#signin").hidden`, 10*time.Second)
	do(t, fresh, "a wrong secret", setValue("#secret", "guess"), chromedp.Click(chromedp.CSS("#signinbtn")))
	waitFor(t, fresh, "the refusal", `document.querySelector("#signinerr").textContent !== ""`, 5*time.Second)
	do(t, fresh, "the right secret", setValue("#secret", room.Token), chromedp.Click(chromedp.CSS("#signinbtn")))
	waitFor(t, fresh, "signed in", `document.querySelector("#signin").hidden && document.querySelectorAll("#grid tbody tr").length === 1`, 10*time.Second)
	noSecretOnPage(t, fresh, "facilitator page after signing in", room.Token)
}

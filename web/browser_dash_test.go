package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserDashboard loads a scenario, breaks it and sees the error at its
// line, fixes it, runs it and sees progress and the results.
func TestBrowserDashboard(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	tab := newTab(t, b)
	do(t, tab, "open the dashboard", chromedp.Navigate(ts.http.URL+"/dashboard"))
	waitFor(t, tab, "the default scenario", `document.querySelector("#toml").value.includes("[arrivals]") && document.querySelector("#vstatus").textContent === "valid"`, 10*time.Second)
	orig := eval[string](t, tab, `document.querySelector("#toml").value`)

	// Line 3 gets an unknown key.
	lines := strings.Split(orig, "\n")
	broken := strings.Join(append(append(append([]string{}, lines[:2]...), "replicashuns = 3"), lines[2:]...), "\n")
	do(t, tab, "break the scenario", setValue("#toml", broken))
	waitFor(t, tab, "the error at line 3", `!!document.querySelector('.gutter div.err[data-line="3"]')`, 10*time.Second)
	msg := eval[string](t, tab, `document.querySelector("#errors li").textContent`)
	if !strings.HasPrefix(msg, "Line 3") || !strings.Contains(msg, "replicashuns") {
		t.Errorf("first error = %q, want it at line 3 naming replicashuns", msg)
	}
	docShot(t, tab, "web-dashboard-error")

	do(t, tab, "fix the scenario", setValue("#toml", orig))
	waitFor(t, tab, "the scenario valid again", `document.querySelector("#vstatus").textContent === "valid" && !document.querySelector(".gutter div.err")`, 10*time.Second)

	do(t, tab, "run", setValue("#reps", "6"), chromedp.Click(chromedp.CSS("#run")))
	waitFor(t, tab, "progress", `!document.querySelector("#progressbox").hidden`, 10*time.Second)
	waitFor(t, tab, "the results", `!document.querySelector("#results").hidden`, 60*time.Second)
	if got := eval[string](t, tab, `document.querySelector("#progresstext").textContent`); got != "done" {
		t.Errorf("progress text = %q, want done", got)
	}
	if got := eval[int](t, tab, `document.querySelector("#progress").value`); got != 6 {
		t.Errorf("progress value = %d, want 6 (replications done)", got)
	}
	if n := eval[int](t, tab, `document.querySelectorAll("#kpis .kpi").length`); n < 6 {
		t.Errorf("KPI cards = %d, want at least 6", n)
	}
	waitFor(t, tab, "the charts drawn", `[...document.querySelectorAll("#charts img")].length > 0 && [...document.querySelectorAll("#charts img")].every(i => i.complete && i.naturalWidth > 0)`, 20*time.Second)
	if n := eval[int](t, tab, `document.querySelectorAll("#intervals tbody tr, #intents tbody tr").length`); n == 0 {
		t.Error("no interval or intent rows")
	}
	docShot(t, tab, "web-dashboard-results")

	// A second run (3 replications), then the comparison of the two.
	do(t, tab, "run again", setValue("#reps", "3"), chromedp.Click(chromedp.CSS("#run")))
	waitFor(t, tab, "the second results", `document.querySelector("#restitle").textContent.startsWith("Results: #2")`, 60*time.Second)
	waitFor(t, tab, "the compare box", `!document.querySelector("#comparebox").hidden`, 5*time.Second)
	do(t, tab, "compare", chromedp.SetValue(chromedp.CSS("#metric"), "asa_seconds"), chromedp.Click(chromedp.CSS("#compare")))
	waitFor(t, tab, "the comparison", `document.querySelectorAll("#compareout tbody tr").length === 8 && document.querySelector("#compareout img").complete && document.querySelector("#compareout img").naturalWidth > 0`, 10*time.Second)
	if png, err := chromedp.Run(tab, chromedp.Screenshot(chromedp.CSS("#comparebox"))); err == nil {
		saveShot(t, "dashboard-compare", png)
	}
}

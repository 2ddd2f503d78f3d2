package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/chromedp/chromedp"
)

// TestBrowserRoomLanguage is a room set to German on the workshop page by
// a facilitator whose browser asks for English: a trainee whose browser
// asks for English joins, and the join page, the pulse form, the play page
// and the trainee's debrief are German, as is the room's exported debrief;
// the facilitator's page stays English. Then the reverse: a room set to
// English, joined from a German browser, is English.
func TestBrowserRoomLanguage(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")

	fac, room := openRoomInBrowser(t, b, ts, true, setValue("#lang", "de"))
	if got := eval[string](t, fac, `document.querySelector("#start").textContent + " | " + document.querySelector("#status").textContent`); !strings.HasPrefix(got, "Start | ") || !strings.Contains(got, "trainee pages in German") {
		t.Errorf("the facilitator's page of a German room = %q, want English that names the room's language", got)
	}
	tab := newTab(t, b) // English
	do(t, tab, "open the join page", chromedp.Navigate(ts.http.URL+"/join?code="+room.Code))
	if got := eval[string](t, tab, `document.documentElement.lang + " | " + document.querySelector("h1").textContent`); got != "de | Einem Workshop-Raum beitreten" {
		t.Errorf("join page of a German room in an English browser = %q, want German", got)
	}
	do(t, tab, "join", setValue("#name", "Ann"), chromedp.Click(chromedp.CSS(`input[name=mode][value=guided]`)), chromedp.Click(chromedp.CSS("#join")))
	waitFor(t, tab, "the pulse before, in German", `location.pathname === "/play/`+room.Code+`" && document.querySelectorAll("#pulse .scale").length > 0 && document.querySelector("#pulse").textContent.includes("Stimme")`, 10*time.Second)
	shot(t, tab, "room-german-pulse")
	answerPulse(t, tab)
	waitFor(t, tab, "waiting, in German", `document.querySelector("#chat").textContent.includes("Warten, bis die Moderation")`, 10*time.Second)
	ts.act(t, room, workshop.Action{Action: "start"})
	waitFor(t, tab, "the role-play, in German", `document.body.innerText.includes("Verbleibende Zeit") && document.body.innerText.includes("Kunde: Robin")`, 10*time.Second)
	waitFor(t, tab, "the trainee's debrief after the time-out, in German", `document.body.innerText.includes("Gespräch beendet")`, 40*time.Second)
	shot(t, tab, "room-german-debrief")
	for _, english := range []string{"Time left", "Conversation over", "Score", "Mode", "Customer", "Waiting for the facilitator", "agree"} {
		if eval[bool](t, tab, `new RegExp("\\b"+`+jsString(english)+`+"\\b").test(document.body.innerText)`) {
			t.Errorf("the German room's play page shows %q", english)
		}
	}
	export := eval[string](t, fac, `fetch("/api/rooms/`+room.Code+`/export/debrief.html").then(r => r.text())`, chromedp.EvalAwaitPromise)
	if !strings.Contains(export, `<html lang="de">`) {
		t.Errorf("the German room's exported debrief, from an English browser, is not German:\n%.400s", export)
	}

	checkEnglishRoom(t, b, ts)
}

// checkEnglishRoom is a room set to English joined from a browser that asks
// for German: the join page, the pulse form and the play page are English.
func checkEnglishRoom(t *testing.T, b context.Context, ts *testServer) {
	t.Helper()
	room := ts.openQuickRoom(t, workshop.Request{Title: "English room", Mode: "guided", Pulse: true, Lang: "en"})
	tab := germanTab(t, b)
	do(t, tab, "open the join page", chromedp.Navigate(ts.http.URL+"/join?code="+room.Code))
	if got := eval[string](t, tab, `document.documentElement.lang + " | " + document.querySelector("h1").textContent`); got != "en | Join a workshop room" {
		t.Errorf("join page of an English room in a German browser = %q, want English", got)
	}
	do(t, tab, "join", setValue("#name", "Lea"), chromedp.Click(chromedp.CSS(`input[name=mode][value=guided]`)), chromedp.Click(chromedp.CSS("#join")))
	waitFor(t, tab, "the pulse before, in English", `location.pathname === "/play/`+room.Code+`" && document.querySelectorAll("#pulse .scale").length > 0 && document.querySelector("#pulse").textContent.includes("agree")`, 10*time.Second)
	answerPulse(t, tab)
	ts.act(t, room, workshop.Action{Action: "start"})
	waitFor(t, tab, "the role-play, in English", `document.body.innerText.includes("Time left") && document.body.innerText.includes("Customer: Robin")`, 10*time.Second)
	shot(t, tab, "room-english-german-browser")
	for _, german := range []string{"Verbleibende Zeit", "Kunde", "Stimmung", "Warten", "Stimme"} {
		if eval[bool](t, tab, `new RegExp("\\b"+`+jsString(german)+`+"\\b").test(document.body.innerText)`) {
			t.Errorf("the English room's play page shows %q", german)
		}
	}
}

package web

import (
	"context"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserGermanTrainee is a trainee whose browser asks for German
// (Accept-Language: de) joining a room with the German meter-reading
// role-play: the join page, the play page's fixed texts and the customer
// are German, and a German reply typed in free mode is understood. The
// facilitator's browser asks for German too: the facilitator page and the
// debrief page are German.
func TestBrowserGermanTrainee(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Title: "Zählerstand", Scripts: []string{"zaehlerstand"}, Mode: "choice"})
	tab := germanTab(t, b)
	do(t, tab, "open the join page", chromedp.Navigate(ts.http.URL+"/join?code="+room.Code))
	if got := eval[string](t, tab, `document.documentElement.lang + " | " + document.querySelector("h1").textContent + " | " + document.querySelector("#join").textContent`); got != "de | Einem Workshop-Raum beitreten | Beitreten" {
		t.Errorf("join page = %q, want German", got)
	}
	do(t, tab, "join", setValue("#name", "Lea"), chromedp.Click(chromedp.CSS(`input[name=mode][value=free]`)), chromedp.Click(chromedp.CSS("#join")))
	waitFor(t, tab, "the play page, waiting in German", `location.pathname === "/play/`+room.Code+`" && document.querySelector("#chat").textContent.includes("Warten, bis die Moderation")`, 10*time.Second)
	ts.act(t, room, workshop.Action{Action: "start"})
	waitFor(t, tab, "the customer's first line", `document.querySelector("#chat").textContent.includes("Sprachansage") || document.querySelector("#chat").textContent.includes("Na endlich ein Mensch")`, 10*time.Second)
	for _, want := range []string{"Verbleibende Zeit", "Stimmung", "Geduld", "Modus: frei", "Kunde: Birgit Kowalski"} {
		if !eval[bool](t, tab, `document.body.textContent.includes(`+jsString(want)+`)`) {
			t.Errorf("the play page lacks %q", want)
		}
	}
	if ph := eval[string](t, tab, `document.querySelector("#say").placeholder`); ph != "Tippen Sie, was Sie sagen würden …" {
		t.Errorf("placeholder = %q, want German", ph)
	}
	do(t, tab, "type a German reply", setValue("#say", "Das tut mir leid, unser Sprachcomputer hat Sie nicht verstanden, das lag an uns."),
		chromedp.Click(chromedp.CSS("#send")))
	waitFor(t, tab, "the customer's answer", `document.querySelector("#chat").textContent.includes("was ist jetzt mit meiner Rechnung") || document.querySelector("#chat").textContent.includes("Was machen wir jetzt mit der Rechnung")`, 10*time.Second)
	shot(t, tab, "trainee-german")
	for _, english := range []string{"Time left", "Customer", "Mode", "Send", "mood", "patience", "MISSING"} {
		if eval[bool](t, tab, `new RegExp("\\b"+`+jsString(english)+`+"\\b").test(document.body.innerText)`) {
			t.Errorf("the German play page shows %q", english)
		}
	}

	fac := germanTab(t, b)
	do(t, fac, "open the facilitator page", chromedp.Navigate(ts.http.URL+"/facilitate/"+room.Code+"#"+room.Token))
	waitFor(t, fac, "the grid with Lea, in German", `document.querySelector("#grid tbody tr") !== null && document.querySelector("#status").textContent.includes("gestartet")`, 10*time.Second)
	shot(t, fac, "facilitator-german")
	for _, want := range []string{"Alle pausieren", "Workshop beenden", "Teilnehmer/in", "Stimmung", "Beitrittscode", "spielt", "Punkte %"} {
		if !eval[bool](t, fac, `document.body.innerText.includes(`+jsString(want)+`)`) {
			t.Errorf("the German facilitator page lacks %q", want)
		}
	}
	do(t, fac, "open the debrief", chromedp.Navigate(ts.http.URL+"/debrief/"+room.Code))
	waitFor(t, fac, "the German debrief", `document.querySelector("#out").textContent.includes("Gesprächsverläufe")`, 10*time.Second)
	shot(t, fac, "debrief-german")
	if eval[bool](t, fac, `document.body.innerText.includes("NOVERB")`) {
		t.Error("a page label was formatted as a format string")
	}
	for _, english := range []string{"Outcomes", "Scores", "Transcripts", "Export", "trainee", "progress", "Rules", "MISSING"} {
		if eval[bool](t, fac, `new RegExp("\\b"+`+jsString(english)+`+"\\b").test(document.body.innerText)`) {
			t.Errorf("the German debrief page shows %q", english)
		}
	}
}

// germanTab is a tab whose browser asks for German (Accept-Language: de).
func germanTab(t *testing.T, b context.Context) context.Context {
	t.Helper()
	tab := newTab(t, b)
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": "de-DE,de;q=0.9"}}); err != nil {
		t.Fatal(err)
	}
	return tab
}

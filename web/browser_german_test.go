package web

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/scenarios"
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

// checkGermanPulsePages is the facilitator of team's pulse with a browser
// that asks for German: the admin sign-in and team list, the team history
// (headings, trend, German statements and scale names, numbers with a
// decimal comma, the chart) and, for a new stand-alone pulse, the page a
// colleague answers on are German, with no English fixed text left.
func checkGermanPulsePages(t *testing.T, b context.Context, ts *testServer, team string, in *scenarios.Instrument) {
	t.Helper()
	round := workshop.NewStandalone(team, "Puls Woche 13", in, time.Now().UnixMilli())
	if err := ts.db.Commit(context.Background(), &workshop.Batch{PulseRounds: []workshop.PulseRound{round}}); err != nil {
		t.Fatal(err)
	}
	tab := germanTab(t, b)
	do(t, tab, "open the German team list", chromedp.Navigate(ts.http.URL+"/teams"))
	waitFor(t, tab, "the German admin sign-in", `!document.querySelector("#signin").hidden && document.querySelector("#signinbtn").textContent === "Anmelden"`, 10*time.Second)
	do(t, tab, "sign in as admin", setValue("#admintoken", ts.AdminToken), chromedp.Click(chromedp.CSS("#signinbtn")))
	waitFor(t, tab, "the German team list", `!document.querySelector("#teams").hidden && document.querySelector("#teams").textContent.includes("5 Runde(n)")`, 10*time.Second)
	do(t, tab, "open the team", chromedp.Click(chromedp.CSS("#teams a")))
	waitFor(t, tab, "the German history", `document.querySelectorAll(".round").length === 5 && document.querySelector("#chart").complete && document.querySelector("#chart").naturalWidth > 0 && !document.querySelector("#standalone").hidden`, 15*time.Second)
	docShot(t, tab, "web-pulse-history-de")
	for _, want := range []string{"Puls des Teams " + team, "Trend des Vorher-Index", "Vertrauen in KI: +", "Punkte je Runde über", "Angst", "Antwortende:", "Veränderung (95 % CI, gepaart)",
		"vorher: Antworten 1–5", "eigenständiger Puls", "Workshop", in.Statements[0].Text["de"], "(umgekehrt gewertet)", "Was helfen würde", "Herunterladen:",
		"Einen eigenständigen Puls für dieses Team öffnen", "Teampuls"} {
		if !eval[bool](t, tab, `document.body.innerText.includes(`+jsString(want)+`)`) {
			t.Errorf("the German history lacks %q", want)
		}
	}
	if got := eval[string](t, tab, `[...document.querySelectorAll("#history td.change")].map(e => e.textContent).find(s => s !== "–") || ""`); !regexp.MustCompile(`^[+-]\d+,\d \[[+-]\d+,\d; [+-]\d+,\d\]$`).MatchString(got) {
		t.Errorf("a German change = %q, want a decimal comma and a semicolon between the bounds", got)
	}
	if ph := eval[string](t, tab, `document.querySelector("#pulsetitle").placeholder`); ph != "z. B. Puls, Woche 12" {
		t.Errorf("stand-alone title placeholder = %q", ph)
	}
	svg := eval[string](t, tab, `fetch(document.querySelector("#chart").src).then(r => r.text())`, chromedp.EvalAwaitPromise)
	if !strings.Contains(svg, "Puls des Teams") || !strings.Contains(svg, "Runde") || strings.Contains(svg, "per round") {
		t.Errorf("the German history's chart is not German: %.300s", svg)
	}
	// the fixed text only: the round titles and free texts are the team's own words
	fixed := `(() => { const c = document.body.cloneNode(true); c.querySelectorAll(".pulsetexts, .round h3").forEach(e => e.remove()); return c.innerText; })()`
	noEnglish(t, tab, "the German history", fixed, "Trend of", "points", "Rounds", "Respondents", "before", "after", "change", "scale", "statement", "answers",
		"Download", "Open", "stand-alone", "Team pulse", "reverse", "fewer", "Simulation", "Pulse", "MISSING")

	mate := germanTab(t, b)
	do(t, mate, "open the German stand-alone pulse", chromedp.Navigate(ts.http.URL+"/pulse/"+round.ID))
	waitFor(t, mate, "its German statements", `document.querySelectorAll("#pulse .scale").length === 12`, 10*time.Second)
	for _, want := range []string{"Puls Woche 13 · " + team, "Wie weit stimmen Sie zu?", "Sie können jede Aussage überspringen", in.Statements[0].Text["de"],
		in.Anchors["de"][0], in.Anchors["de"][4], in.FreeText.Text["de"], "Antworten senden"} {
		if !eval[bool](t, mate, `document.body.innerText.includes(`+jsString(want)+`)`) {
			t.Errorf("the German stand-alone pulse lacks %q", want)
		}
	}
	shot(t, mate, "pulse-standalone-de")
	noEnglish(t, mate, "the German stand-alone pulse", `document.body.innerText`, "How far", "agree", "skip", "Send", "answers", "stored", "Pulse", "bot", "MISSING")
	do(t, mate, "answer", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#pulse .scale").forEach(s => s.querySelectorAll("input")[3].click())`),
		chromedp.Click(chromedp.CSS("#pulsesend")))
	waitFor(t, mate, "the German thanks", `(document.querySelector("#thanks") || {}).textContent === "Danke. Ihre Antworten werden ohne Ihren Namen gespeichert; Ergebnisse erscheinen nur für Gruppen ab fünf Personen."`, 5*time.Second)
	do(t, mate, "reload", chromedp.Reload())
	waitFor(t, mate, "answered once, in German", `document.querySelector("#pulse").textContent.includes("schon beantwortet")`, 5*time.Second)
}

// noEnglish fails for every English word of words (as a whole word) in the
// text expr evaluates to.
func noEnglish(t *testing.T, tab context.Context, page, expr string, words ...string) {
	t.Helper()
	text := eval[string](t, tab, expr)
	for _, w := range words {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`).MatchString(text) {
			t.Errorf("%s shows %q:\n%s", page, w, text)
		}
	}
}

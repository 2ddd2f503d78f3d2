package web

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ccsim/ccsim/workshop"
)

// TestBrowserGermanWorkshop is issue 16's German workshop: a facilitator
// whose browser asks for German runs a room of the German meter-reading
// role-play with the pulse for a team; three trainees, their browsers in
// German too, answer the pulse before, play, and answer it after the end;
// the facilitator opens the team's history. Every fixed text is German,
// and with three respondents no figure is shown anywhere (fewer than five).
func TestBrowserGermanWorkshop(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	const team = "Kundenservice Nord"
	room := ts.openQuickRoom(t, workshop.Request{Title: "Zählerstand nach dem Sprachbot", Scripts: []string{"zaehlerstand"}, Mode: "guided", Pulse: true, Team: team})

	fac := germanTab(t, b)
	do(t, fac, "open the facilitator page", chromedp.Navigate(ts.http.URL+"/facilitate/"+room.Code))
	waitFor(t, fac, "the sign-in", `!document.querySelector("#signin").hidden`, 10*time.Second)
	do(t, fac, "sign in", setValue("#secret", room.Token), chromedp.Click(chromedp.CSS("#signinbtn")))
	waitFor(t, fac, "the room", `document.querySelector("#signin").hidden && document.querySelector("#code").textContent.length > 0`, 10*time.Second)

	var tabs = map[string]context.Context{}
	names := []string{"Lea", "Jonas", "Aylin"}
	for _, name := range names {
		tab := germanTab(t, b)
		do(t, tab, "open the join page", chromedp.Navigate(ts.http.URL+"/join?code="+room.Code))
		do(t, tab, "join", setValue("#name", name), chromedp.Click(chromedp.CSS("#join")))
		waitFor(t, tab, "the pulse before, in German", `document.querySelectorAll("#pulse .scale").length === 12 && document.querySelector("#pulse").textContent.includes("Stimme")`, 10*time.Second)
		answerPulse(t, tab)
		tabs[name] = tab
	}
	waitFor(t, fac, "three trainees in the grid", `document.querySelectorAll("#grid tbody tr").length === 3`, 10*time.Second)
	do(t, fac, "start", chromedp.Click(chromedp.CSS("#start")))
	for _, name := range names {
		tab := tabs[name]
		waitFor(t, tab, "the customer and the replies", `!!document.querySelector("#answer button:not([disabled])")`, 10*time.Second)
		do(t, tab, "pick a reply", chromedp.Click(chromedp.CSS("#answer button")))
	}
	docShot(t, tabs["Lea"], "web-workshop-trainee-de")
	docShot(t, fac, "web-workshop-facilitator-de")
	do(t, fac, "end the workshop", chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS("#end")))
	for _, name := range names {
		tab := tabs[name]
		waitFor(t, tab, "the pulse after", `document.querySelectorAll("#pulse .scale").length === 12`, 10*time.Second)
		answerPulse(t, tab)
	}
	waitFor(t, fac, "the room's pulse", `!document.querySelector("#roompulse").hidden`, 10*time.Second)
	if got := eval[string](t, fac, `document.querySelector("#roompulse").innerText`); !strings.Contains(got, "5") || strings.Contains(got, "Trust") {
		t.Errorf("room's pulse with three respondents = %q, want the German note that fewer than 5 show nothing", got)
	}
	do(t, fac, "open the team history", chromedp.Click(chromedp.CSS("#teamlink")))
	waitFor(t, fac, "the history", `location.pathname === "/teams" && document.querySelectorAll(".round").length === 1`, 15*time.Second)
	docShot(t, fac, "web-workshop-history-de")
	text := eval[string](t, fac, `document.body.innerText`)
	for _, english := range []string{"Trust in AI", "Fear", "Rounds", "before", "after", "respondents", "Download", "MISSING"} {
		if strings.Contains(text, english) {
			t.Errorf("the German team history shows %q:\n%s", english, text)
		}
	}
	round := eval[string](t, fac, `document.querySelector(".round").innerText`)
	if !strings.Contains(round, "weniger als 5") || regexp.MustCompile(`\d\s*\[`).MatchString(round) {
		t.Errorf("the round of three respondents shows a figure or lacks the German note:\n%s", round)
	}
}

// answerPulse answers every statement of the pulse form (3 of 5) and sends it.
func answerPulse(t *testing.T, tab context.Context) {
	t.Helper()
	do(t, tab, "answer the pulse", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#pulse .scale").forEach(s => s.querySelectorAll("input")[2].click())`),
		chromedp.Click(chromedp.CSS("#pulsesend")))
	waitFor(t, tab, "the pulse sent", `document.querySelectorAll("#pulse .scale").length === 0`, 10*time.Second)
}

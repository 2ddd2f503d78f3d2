package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserTour runs a workshop as the README describes it, with two
// bundled role-plays, the trust pulse and a queue backdrop: four trainees
// join, play, get an inject, and the facilitator ends the workshop and opens
// the debrief. Its screenshots are the README's.
func TestBrowserTour(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")

	fac := newTab(t, b)
	do(t, fac, "open the workshop page", chromedp.Navigate(ts.http.URL+"/workshop"))
	waitFor(t, fac, "the role-play list", `document.querySelectorAll("#scripts input").length > 2`, 10*time.Second)
	do(t, fac, "fill in the room",
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#scripts input").forEach(i => i.checked = ["failed-bot", "cancel-x5"].includes(i.value))`),
		setValue("#title", "Monday escalations"),
		chromedp.SetValue(chromedp.CSS("#backdrop"), "default"),
		chromedp.SetValue(chromedp.CSS("#speed"), "10"),
		chromedp.SetValue(chromedp.CSS("#skip"), "2h"))
	docShot(t, fac, "web-workshop")
	do(t, fac, "open the room", chromedp.Click(chromedp.CSS("#create")))
	waitFor(t, fac, "the room opened", `!document.querySelector("#opened").hidden`, 10*time.Second)
	do(t, fac, "go to the facilitator page", chromedp.Click(chromedp.CSS("#gofacilitate")))
	waitFor(t, fac, "the facilitator page", `document.querySelector("#code").textContent.length === 8 && document.querySelector("#title").textContent === "Monday escalations"`, 10*time.Second)
	code := eval[string](t, fac, `document.querySelector("#code").textContent`)

	people := []struct{ name, mode string }{{"Amira Haddad", "guided"}, {"Ben Ortiz", "free"}, {"Chloe Martin", "guided"}, {"Dev Patel", "free"}}
	tabs := make([]context.Context, len(people))
	for i, p := range people {
		tabs[i] = newTab(t, b)
		do(t, tabs[i], "join "+p.name, chromedp.Navigate(ts.http.URL+"/join?code="+code),
			setValue("#name", p.name), chromedp.Click(chromedp.CSS(`input[name=mode][value=`+p.mode+`]`)),
			chromedp.Click(chromedp.CSS("#join")))
		waitFor(t, tabs[i], p.name+"'s pulse", `location.pathname.startsWith("/play/") && !document.querySelector("#pulse").hidden`, 10*time.Second)
		if i < 3 {
			do(t, tabs[i], "answer the pulse", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#pulse .scale").forEach((s, k) => s.querySelectorAll("input")[(k+`+itoa(i)+`) % 3 + 1].click())`),
				chromedp.Click(chromedp.CSS("#pulsesend")))
		}
	}
	waitFor(t, fac, "four trainees", `document.querySelectorAll("#grid tbody tr").length === 4`, 10*time.Second)
	// Everyone gets the hand-off with the bot's context, so the paths below are the same on every run.
	do(t, fac, "force the variant", chromedp.SetValue(chromedp.CSS("#variant"), "with_context"), chromedp.Click(chromedp.CSS("#dovariant")))
	waitFor(t, fac, "the forced variant", `document.querySelector("#status").textContent.includes("forced variant: with_context")`, 5*time.Second)
	do(t, fac, "start", chromedp.Click(chromedp.CSS("#start")))
	for i, tab := range tabs {
		waitFor(t, tab, people[i].name+"'s customer", `document.querySelectorAll("#chat .msg.customer").length > 0 && !document.querySelector("#queue").hidden`, 10*time.Second)
	}

	// Amira and Chloe pick replies; Ben types; Dev thinks.
	for _, i := range []int{0, 2} {
		do(t, tabs[i], "pick a reply", chromedp.Click(chromedp.CSS("#answer button")))
		waitFor(t, tabs[i], "the customer's answer", `!document.querySelector(".msg.pending") && !!document.querySelector("#answer button:not([disabled])")`, 5*time.Second)
	}
	do(t, tabs[1], "type", setValue("#say", "I'm so sorry the bot went in circles, that's frustrating."), chromedp.Click(chromedp.CSS("#send")))
	waitFor(t, tabs[1], "the answer to Ben", `[...document.querySelectorAll("#chat .msg.agent")].length === 1 && !document.querySelector(".msg.pending")`, 5*time.Second)
	do(t, tabs[0], "pick another reply", chromedp.Click(chromedp.CSS("#answer button")))
	waitFor(t, fac, "the grid following the replies", `[...document.querySelectorAll("#grid tbody tr")].filter(r => r.children[11].textContent !== "0").length === 3`, 5*time.Second)
	waitFor(t, fac, "the queue backdrop", `document.querySelector("#queue").textContent.includes("waiting")`, 5*time.Second)
	queueLine := eval[string](t, fac, `document.querySelector("#queue").textContent`)

	do(t, fac, "inject", chromedp.SetValue(chromedp.CSS("#inject"), "chargeback"), chromedp.Click(chromedp.CSS("#doinject")))
	waitFor(t, tabs[0], "the inject in Amira's chat", `[...document.querySelectorAll("#chat .msg")].some(m => m.textContent.includes("calling my bank"))`, 5*time.Second)
	docShot(t, tabs[0], "web-trainee")
	docShot(t, fac, "web-facilitator")

	// The backdrop charges waiting customers to conversations once per tick
	// (1 s); a fast tour could end before the first, leaving no queue figures.
	// Its line in the grid changes (simulated time) on every tick.
	waitFor(t, fac, "a queue backdrop tick during the conversations",
		fmt.Sprintf(`document.querySelector("#queue").textContent !== %q`, queueLine), 5*time.Second)
	do(t, fac, "end", chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS("#end")))
	waitFor(t, fac, "every session over", `[...document.querySelectorAll("#grid td.status")].every(td => td.textContent !== "playing")`, 5*time.Second)
	if n := eval[int](t, fac, `[...document.querySelectorAll("#grid tbody tr")].filter(r => r.textContent.includes("hand-off: with context")).length`); n != 4 {
		t.Errorf("%d trainees with the forced hand-off, want 4", n)
	}
	for i := range 2 {
		waitFor(t, tabs[i], "the closing pulse", `!document.querySelector("#pulse").hidden && document.querySelector("#pulse h3").textContent.includes("done")`, 5*time.Second)
		do(t, tabs[i], "answer the closing pulse", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#pulse .scale").forEach(s => s.querySelectorAll("input")[3].click())`),
			chromedp.Click(chromedp.CSS("#pulsesend")))
		waitFor(t, tabs[i], "the closing pulse sent", `document.querySelector("#pulse").hidden`, 5*time.Second)
	}
	do(t, fac, "open the debrief", chromedp.Click(chromedp.CSS("#debrief")))
	waitFor(t, fac, "the debrief", `document.querySelectorAll("#scores tbody tr").length === 4 && !!document.querySelector("#pulse")`, 10*time.Second)
	if n := eval[int](t, fac, `document.querySelectorAll("table.heat").length`); n != 2 {
		t.Errorf("heatmaps = %d, want one per script (2)", n)
	}
	if !eval[bool](t, fac, `document.body.textContent.includes("The queue while you talked")`) {
		t.Error("the debrief lacks the queue backdrop figures")
	}
	docShot(t, fac, "web-debrief")
}

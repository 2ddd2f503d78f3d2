package web

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserPulseAndRemoved: a trainee who has not answered the opening
// pulse when the facilitator presses Start keeps it on top of the
// conversation until answered; a removed trainee is listed apart in the
// debrief and counts in no figure; names are isolated in <bdi> elements.
func TestBrowserPulseAndRemoved(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	fac, room := openRoomInBrowser(t, b, ts, true)
	slow := joinInBrowser(t, b, ts, room.Code, "Sam", "guided")
	gone := joinInBrowser(t, b, ts, room.Code, "\u202eGil", "guided")
	waitFor(t, fac, "two trainees", `document.querySelectorAll("#grid tbody tr").length === 2`, 10*time.Second)
	waitFor(t, slow, "the opening pulse", `!document.querySelector("#pulse").hidden`, 5*time.Second)

	do(t, fac, "start", chromedp.Click(chromedp.CSS("#start")))
	waitFor(t, slow, "the customer's first line under the pulse", `document.querySelectorAll("#chat .msg.customer").length > 0`, 10*time.Second)
	if !eval[bool](t, slow, `!document.querySelector("#pulse").hidden && document.querySelector("#pulse h3").textContent.includes("Before")`) {
		t.Fatal("the opening pulse disappeared when the facilitator pressed Start")
	}
	do(t, slow, "answer the opening pulse", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#pulse input[value='4']").forEach(i => i.click())`),
		chromedp.Click(chromedp.CSS("#pulsesend")))
	waitFor(t, slow, "the pulse answered", `document.querySelector("#pulse").hidden`, 5*time.Second)
	do(t, slow, "reply", chromedp.Click(chromedp.CSS("#answer button")))
	waitFor(t, slow, "the reply acknowledged", `!document.querySelector(".msg.pending") && document.querySelectorAll("#chat .msg.agent").length === 1`, 5*time.Second)

	if n := eval[int](t, fac, `[...document.querySelectorAll("#grid td.name")].filter(td => td.firstChild.tagName === "BDI").length`); n != 2 {
		t.Errorf("%d grid names in <bdi>, want 2", n)
	}
	do(t, fac, "remove Gil", chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#grid tbody tr")].find(r => r.textContent.includes("Gil")).querySelector("button").click()`))
	waitFor(t, gone, "the removed trainee told", `document.body.innerText.includes("removed")`, 5*time.Second)
	waitFor(t, fac, "Gil marked removed", `[...document.querySelectorAll("#grid tr.removed")].length === 1`, 5*time.Second)

	do(t, fac, "open the debrief", chromedp.Click(chromedp.CSS("#debrief")))
	waitFor(t, fac, "the debrief with Gil apart", `document.querySelectorAll("#scores tbody tr").length === 1 && document.querySelectorAll("#removed tbody tr").length === 1`, 10*time.Second)
	if got := eval[string](t, fac, `document.querySelector("#scores tbody tr td bdi").textContent`); got != "Sam" {
		t.Errorf("scored trainee %q, want Sam", got)
	}
	if got := eval[string](t, fac, `document.querySelector("#removed tbody tr td bdi").textContent`); got != "Gil" {
		t.Errorf("removed trainee %q, want Gil (bidi control stripped)", got)
	}
	if got := eval[int](t, fac, `[...document.querySelectorAll("h2 + p .pill")].reduce((n, p) => n + Number(p.textContent.split(": ")[1]), 0)`); got != 1 {
		t.Errorf("outcomes count %d trainees, want only Sam (1)", got)
	}
	if got := eval[string](t, fac, `document.querySelector("#pulse tbody tr td.before").textContent`); got != "–" {
		t.Errorf("pulse before = %q, want nothing shown for one respondent", got)
	}
	shot(t, fac, "debrief-removed-apart")
}

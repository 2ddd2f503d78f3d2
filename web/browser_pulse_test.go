package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/workshop"
	"github.com/chromedp/chromedp"
)

// seedAnswers are the answers of n respondents of a round in phase, with
// the bundled instrument: trust statements around level tr and fear
// statements around fe (1–5), reverse-scored ones mirrored, varied by
// respondent so that the distributions are not flat.
func seedAnswers(in *scenarios.Instrument, round, phase string, n, tr, fe int) []workshop.PulseAnswer {
	var out []workshop.PulseAnswer
	for r := range n {
		a := map[string]int{}
		for i, st := range in.Statements {
			v := tr
			if st.Scale == "fear" {
				v = fe
			}
			v = min(5, max(1, v+r%3-1+(r+i)%4/3))
			a[st.ID] = workshop.Scored(st, v) // the answer whose scored value is v
		}
		out = append(out, workshop.PulseAnswer{Round: round, Respondent: fmt.Sprintf("%s-%d", round, r), Phase: phase, Answers: a})
	}
	return out
}

// TestBrowserPulseHistory: a team with two earlier rounds runs a workshop
// of five trainees with the pulse before and after; the facilitator page
// shows the room's pulse and links to the team history (read with the
// room's sign-in), which shows the three rounds, the trend, the chart and
// the answers per statement; signed in as admin, the facilitator finds the
// team in the list and opens a stand-alone pulse that a colleague answers,
// once. A facilitator and a colleague whose browsers ask for German read
// the history and a stand-alone pulse in German (checkGermanPulsePages).
func TestBrowserPulseHistory(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	in, err := scenarios.BundledPulse("")
	if err != nil {
		t.Fatal(err)
	}
	const team = "Service North"
	day := int64(24 * 3600 * 1000)
	now := time.Now().UnixMilli()
	seed := &workshop.Batch{PulseRounds: []workshop.PulseRound{
		{ID: "SEED0001", Team: team, Kind: workshop.KindStandalone, Title: "Baseline pulse", CreatedMS: now - 60*day, Instrument: in.Source},
		{ID: "SEED0002", Team: team, Kind: workshop.KindWorkshop, Title: "Hand-over workshop", CreatedMS: now - 30*day, Instrument: in.Source}}}
	seed.PulseAnswers = append(seedAnswers(in, "SEED0001", "before", 7, 2, 4), seedAnswers(in, "SEED0002", "before", 6, 3, 4)...)
	seed.PulseAnswers = append(seed.PulseAnswers, seedAnswers(in, "SEED0002", "after", 6, 4, 3)...)
	seed.PulseTexts = []workshop.PulseText{{Round: "SEED0002", Phase: "after", Text: "A cheat sheet of what the bot can and cannot do"},
		{Round: "SEED0002", Phase: "after", Text: "Seeing the bot's notes before I pick up"}}
	if err := ts.db.Commit(context.Background(), seed); err != nil {
		t.Fatal(err)
	}

	room := ts.openQuickRoom(t, workshop.Request{Title: "Bot mistakes workshop", Mode: "guided", Pulse: true, Team: team})
	var trainees []*wsClient
	for i, name := range []string{"Ada", "Bea", "Cem", "Dora", "Emil"} {
		j := ts.join(t, room.Code, name, "guided")
		hdr := http.Header{"Origin": {ts.http.URL}}
		if i == 0 {
			hdr.Set("Accept-Language", "de-DE,de;q=0.9") // Ada's browser asks for German: her pulse form is German
		}
		c := dialWSHeader(t, ts.http.URL, hdr, hello{T: "hello", Role: "trainee", Token: j.Token})
		st := c.waitState(5*time.Second, func(s traineeState) bool { return s.PulseNeed == "before" })
		if want := map[bool]string{true: "de", false: "en"}[i == 0]; st.Pulse == nil || st.Pulse.Items[0] != in.Statements[0].Text[want] || st.Pulse.Anchors[4] != in.Anchors[want][4] {
			t.Errorf("%s's pulse form = %+v, want the statements in %s", name, st.Pulse, want)
		}
		c.send(workshop.Message{T: "pulse", N: 1, Phase: "before", Answers: levels(in, 3, 3+i%2), Text: []string{"", "Time to practise hand-overs", "", "", "Clear rules on who is blamed for what"}[i]})
		c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 1 && s.PulseNeed == "" })
		trainees = append(trainees, c)
	}
	ts.act(t, room, workshop.Action{Action: "end"})
	for i, c := range trainees {
		c.waitState(5*time.Second, func(s traineeState) bool { return s.PulseNeed == "after" })
		c.send(workshop.Message{T: "pulse", N: 2, Phase: "after", Answers: levels(in, 4-i%3/2, 2+i%2)})
		c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 2 && s.PulseNeed == "" })
	}

	ts.AdminToken = "admin-0123456789abcdef" // from here on the facilitator reads the history by the room's sign-in

	fac := newTab(t, b)
	do(t, fac, "open the facilitator page", chromedp.Navigate(ts.http.URL+"/facilitate/"+room.Code))
	waitFor(t, fac, "the sign-in", `!document.querySelector("#signin").hidden`, 10*time.Second)
	do(t, fac, "sign in", setValue("#secret", room.Token), chromedp.Click(chromedp.CSS("#signinbtn")))
	waitFor(t, fac, "the room's pulse", `!document.querySelector("#roompulse").hidden && document.querySelectorAll("#roompulse tbody tr").length === 2`, 10*time.Second)
	if got := eval[string](t, fac, `document.querySelector("#roompulse tr[data-scale=trust] td.change").textContent`); !strings.HasPrefix(got, "+") {
		t.Errorf("room's trust change = %q, want a rise with its interval", got)
	}
	do(t, fac, "open the team history", chromedp.Click(chromedp.CSS("#teamlink")))
	waitFor(t, fac, "the history", `location.pathname === "/teams" && document.querySelectorAll(".round").length === 3 && document.querySelector("#chart").complete && document.querySelector("#chart").naturalWidth > 0`, 15*time.Second)
	if got := eval[string](t, fac, `document.querySelector("#trend").textContent`); !strings.Contains(got, "Trust in AI: +") || !strings.Contains(got, "over 3 rounds") {
		t.Errorf("trend = %q, want trust rising over 3 rounds", got)
	}
	if n := eval[int](t, fac, `document.querySelectorAll("#latest .dist").length`); n != 24 {
		t.Errorf("distribution bars = %d, want 12 statements before and after", n)
	}
	if got := eval[string](t, fac, `document.querySelector("#latest .pulsetexts").textContent`); !strings.Contains(got, "Time to practise hand-overs") {
		t.Errorf("free texts = %q", got)
	}
	docShot(t, fac, "web-pulse-history")

	if !eval[bool](t, fac, `document.querySelector("#standalone").hidden && document.querySelector("#teams").hidden`) {
		t.Error("a facilitator (not signed in as admin) is offered the team list or stand-alone pulses")
	}

	do(t, fac, "open the team list", chromedp.Navigate(ts.http.URL+"/teams"))
	waitFor(t, fac, "the admin sign-in", `!document.querySelector("#signin").hidden`, 10*time.Second)
	do(t, fac, "sign in as admin", setValue("#admintoken", ts.AdminToken), chromedp.Click(chromedp.CSS("#signinbtn")))
	waitFor(t, fac, "the team list", `!document.querySelector("#teams").hidden && document.querySelectorAll("#teams a").length === 1`, 10*time.Second)
	do(t, fac, "open the team", chromedp.Click(chromedp.CSS("#teams a")))
	waitFor(t, fac, "the admin's history", `document.querySelectorAll(".round").length === 3 && !document.querySelector("#standalone").hidden`, 10*time.Second)
	do(t, fac, "open a stand-alone pulse", setValue("#pulsetitle", "Week 12 pulse"), chromedp.Click(chromedp.CSS("#openpulse")))
	waitFor(t, fac, "the code", `document.querySelector("#opened").textContent.includes("/pulse/")`, 5*time.Second)
	link := eval[string](t, fac, `document.querySelector("#opened").textContent.split("link ")[1]`)
	mate := newTab(t, b)
	do(t, mate, "open the stand-alone pulse", chromedp.Navigate(link))
	waitFor(t, mate, "its statements", `document.querySelectorAll("#pulse .scale").length === 12`, 10*time.Second)
	do(t, mate, "answer", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#pulse .scale").forEach(s => s.querySelectorAll("input")[2].click())`),
		setValue("#pulsefree", "Fewer surprises"), chromedp.Click(chromedp.CSS("#pulsesend")))
	waitFor(t, mate, "the thanks", `!!document.querySelector("#thanks")`, 5*time.Second)
	do(t, mate, "reload", chromedp.Reload())
	waitFor(t, mate, "answered once", `document.querySelector("#pulse").textContent.includes("already answered")`, 5*time.Second)

	checkGermanPulsePages(t, b, ts, team, in)
}

// levels is one answer per statement with scored value tr on trust and fe on fear.
func levels(in *scenarios.Instrument, tr, fe int) []int {
	out := make([]int, len(in.Statements))
	for i, st := range in.Statements {
		v := tr
		if st.Scale == "fear" {
			v = fe
		}
		out[i] = workshop.Scored(st, v)
	}
	return out
}

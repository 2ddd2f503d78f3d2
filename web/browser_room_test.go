package web

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/chromedp/chromedp"
)

// Names typed to break out of HTML; the pages must show them as text.
const (
	xssName1 = `<script>window.__xss=true</script>Ann`
	xssName2 = `"><img src=x onerror=__xss=1>Bo`
	xssReply = `"><img src=x onerror="window.__xss=true"><b class="injected">bold</b> let me transfer you to my supervisor`
)

// openRoomInBrowser creates a room with the quick script on the workshop
// page, filled in further by fill, and returns the facilitator's tab and
// the room.
func openRoomInBrowser(t *testing.T, b context.Context, ts *testServer, pulse bool, fill ...chromedp.Action[chromedp.Void]) (context.Context, created) {
	t.Helper()
	fac := newTab(t, b)
	do(t, fac, "open the workshop page", chromedp.Navigate(ts.http.URL+"/workshop"))
	waitFor(t, fac, "the role-play list", `document.querySelectorAll("#scripts input").length > 0`, 10*time.Second)
	do(t, fac, "fill in the room", append([]chromedp.Action[chromedp.Void]{
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#scripts input").forEach(i => i.checked = false)`),
		setValue("#title", "Refund workshop"),
		setValue("#custom", quickScript(t)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#pulse").checked = ` + map[bool]string{true: "true", false: "false"}[pulse]),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#form details").open = true`),
	}, fill...)...)
	if ts.AdminToken != "" {
		waitFor(t, fac, "the admin token field", `!document.querySelector("#adminbox").hidden`, 5*time.Second)
		do(t, fac, "type the admin token", setValue("#admintoken", ts.AdminToken))
	}
	shot(t, fac, "workshop-custom-script")
	do(t, fac, "open the room", chromedp.Click(chromedp.CSS("#create")))
	waitFor(t, fac, "the room opened", `!document.querySelector("#opened").hidden`, 10*time.Second)
	room := created{Code: eval[string](t, fac, `document.querySelector("#newcode").textContent`),
		Token: eval[string](t, fac, `document.querySelector("#newsecret").textContent`)}
	do(t, fac, "go to the facilitator page", chromedp.Click(chromedp.CSS("#gofacilitate")))
	waitFor(t, fac, "the facilitator page", `location.pathname.startsWith("/facilitate/") && document.querySelector("#code").textContent.length === 8 && document.querySelector("#title").textContent === "Refund workshop"`, 10*time.Second)
	return fac, room
}

// joinInBrowser joins a trainee in a tab of their own.
func joinInBrowser(t *testing.T, b context.Context, ts *testServer, code, name, mode string) context.Context {
	t.Helper()
	tab := newTab(t, b)
	do(t, tab, "join "+name, chromedp.Navigate(ts.http.URL+"/join?code="+code),
		setValue("#name", name),
		chromedp.Click(chromedp.CSS(`input[name=mode][value=`+mode+`]`)),
		chromedp.Click(chromedp.CSS("#join")))
	waitFor(t, tab, name+" on the play page", `location.pathname === "/play/`+code+`" && document.querySelector("#title").textContent.includes("Refund workshop")`, 10*time.Second)
	return tab
}

// gridStatus is the facilitator grid's status cell of the row whose name cell starts with name.
func gridStatus(name string) string {
	return `([...document.querySelectorAll("#grid tbody tr")].find(r => r.querySelector("td.name").firstChild.textContent === ` + jsString(name) + `) || {querySelector: () => ({textContent: ""})}).querySelector("td.status").textContent`
}

// TestBrowserWorkshop is a facilitator and three trainees in one room: one
// plays guided to "resolved", one types to "escalated", one times out. The
// grid follows live, pause freezes the timers, and the debrief shows all three.
func TestBrowserWorkshop(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	fac, room := openRoomInBrowser(t, b, ts, true)

	guided := joinInBrowser(t, b, ts, room.Code, xssName1, "guided")
	free := joinInBrowser(t, b, ts, room.Code, xssName2, "free")
	idle := joinInBrowser(t, b, ts, room.Code, "Tim", "guided")
	waitFor(t, fac, "three trainees in the grid", `document.querySelectorAll("#grid tbody tr").length === 3`, 10*time.Second)
	waitFor(t, guided, "the pulse survey", `!document.querySelector("#pulse").hidden`, 5*time.Second)
	do(t, guided, "answer the pulse", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#pulse input[value='2']").forEach(i => i.click())`),
		chromedp.Click(chromedp.CSS("#pulsesend")))
	waitFor(t, guided, "the pulse sent", `document.querySelector("#pulse").hidden`, 5*time.Second)

	do(t, fac, "start", chromedp.Click(chromedp.CSS("#start")))
	started := time.Now()
	for _, tab := range []context.Context{guided, free, idle} {
		waitFor(t, tab, "the customer's first line", `[...document.querySelectorAll("#chat .msg.customer")].some(m => m.textContent.includes("charged twice"))`, 10*time.Second)
	}
	waitFor(t, fac, "everyone playing", `[...document.querySelectorAll("#grid td.status")].every(td => td.textContent === "playing")`, 5*time.Second)
	shot(t, guided, "trainee-guided")

	// Pause first, while every clock runs: the idle trainee's clock stops.
	do(t, fac, "pause", chromedp.Click(chromedp.CSS("#pause")))
	waitFor(t, idle, "the paused banner", `document.querySelector("#banner").textContent.includes("Paused")`, 5*time.Second)
	before := eval[string](t, idle, `document.querySelector("#limit").textContent`)
	time.Sleep(2500 * time.Millisecond)
	if after := eval[string](t, idle, `document.querySelector("#limit").textContent`); after != before {
		t.Errorf("time left while paused went from %s to %s; want it frozen", before, after)
	}
	if n := eval[int](t, idle, `document.querySelectorAll("button[data-reply]:not([disabled])").length`); n != 0 {
		t.Errorf("%d reply buttons enabled while paused, want 0", n)
	}
	shot(t, idle, "trainee-paused")
	do(t, fac, "resume", chromedp.Click(chromedp.CSS("#resume")))
	waitFor(t, idle, "the clock running again", `document.querySelector("#limit").textContent !== `+jsString(before), 5*time.Second)

	// Guided: two buttons to "resolved".
	do(t, guided, "apologise", chromedp.Click(chromedp.CSS(`button[data-reply=apologise]`)))
	waitFor(t, fac, "the grid showing the guided trainee at refund", `[...document.querySelectorAll("#grid tbody tr")][0].children[5].textContent === "refund"`, 5*time.Second)
	do(t, guided, "give the timeline", chromedp.Click(chromedp.CSS(`button[data-reply=timeline]`)))
	waitFor(t, guided, "the end of the guided session", `!document.querySelector("#end").hidden && document.querySelector("#end").textContent.includes("resolved")`, 5*time.Second)

	// Free: a typed reply with HTML in it, to "escalated".
	do(t, free, "type a reply", setValue("#say", xssReply), chromedp.Click(chromedp.CSS("#send")))
	waitFor(t, free, "the end of the free session", `!document.querySelector("#end").hidden && document.querySelector("#end").textContent.includes("escalated")`, 5*time.Second)
	if !eval[bool](t, free, `[...document.querySelectorAll("#chat .msg.agent")].some(m => m.textContent.includes(`+jsString(`<b class="injected">bold</b>`)+`))`) {
		t.Error("the typed reply is not shown as typed")
	}
	waitFor(t, fac, "the grid showing both endings", gridStatus(xssName1)+` === "resolved" && `+gridStatus(xssName2)+` === "escalated"`, 5*time.Second)
	shot(t, fac, "facilitator-two-endings")

	// Idle: the 12-second limit runs out.
	waitFor(t, fac, "the idle trainee timing out", gridStatus("Tim")+` === "timed out"`, 20*time.Second)
	if d := time.Since(started); d < 14*time.Second {
		t.Errorf("the 12 s limit ran out %v after the start; with 2.5 s paused it cannot be before 14.5 s", d.Round(time.Millisecond))
	}
	waitFor(t, idle, "the time-out on the trainee's page", `document.querySelector("#end").textContent.includes("timed out")`, 5*time.Second)

	for name, tab := range map[string]context.Context{"facilitator": fac, "guided": guided, "free": free} {
		noInjectedHTML(t, tab, name)
	}
	if got := eval[string](t, fac, `[...document.querySelectorAll("#grid td.name")].map(td => td.firstChild.textContent).join("|")`); got != xssName1+"|"+xssName2+"|Tim" {
		t.Errorf("grid names = %q, want them as typed", got)
	}

	// Debrief.
	do(t, fac, "open the debrief", chromedp.Click(chromedp.CSS("#debrief")))
	waitFor(t, fac, "the debrief scores", `document.querySelectorAll("#scores tbody tr").length === 3`, 10*time.Second)
	outcomes := eval[string](t, fac, `[...document.querySelectorAll("#scores td.outcome")].map(td => td.textContent).join(",")`)
	if outcomes != "resolved,escalated,timed out" {
		t.Errorf("debrief outcomes = %q, want resolved,escalated,timed out", outcomes)
	}
	if n := eval[int](t, fac, `document.querySelectorAll("table.heat tbody tr").length`); n != 4 {
		t.Errorf("heatmap rows = %d, want the script's 4 nodes", n)
	}
	if !eval[bool](t, fac, `document.querySelector("#pulse").textContent.includes("fewer than 5") && !document.querySelector("#pulse").textContent.includes("[")`) {
		t.Error("the pulse of three trainees shows a figure (fewer than 5 respondents)")
	}
	noInjectedHTML(t, fac, "debrief")
	if !strings.Contains(eval[string](t, fac, `document.querySelector("#scores").textContent`), xssName2) {
		t.Error("debrief does not show the second name as typed")
	}
	shot(t, fac, "debrief-three-endings")
}

// TestBrowserReload reloads a trainee's page mid-session: the transcript and
// the place in the conversation come back, and the trainee carries on.
func TestBrowserReload(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Title: "Refund workshop", Mode: "choice"})
	tab := joinInBrowser(t, b, ts, room.Code, "Rae", "free")
	ts.act(t, room, workshop.Action{Action: "start"})
	waitFor(t, tab, "the first line", `!!document.querySelector("#say")`, 10*time.Second)
	do(t, tab, "reply", setValue("#say", "I am so sorry, I will refund it"), chromedp.Click(chromedp.CSS("#send")))
	waitFor(t, tab, "the customer's answer", `[...document.querySelectorAll("#chat .msg.customer")].some(m => m.textContent.includes("When will I see it"))`, 5*time.Second)
	count := eval[int](t, tab, `document.querySelectorAll("#chat .msg").length`)

	do(t, tab, "reload", chromedp.Reload())
	waitFor(t, tab, "the transcript back", `document.querySelectorAll("#chat .msg").length === `+itoa(count)+` && !!document.querySelector("#say")`, 10*time.Second)
	if !eval[bool](t, tab, `[...document.querySelectorAll("#chat .msg.agent")].some(m => m.textContent.includes("I am so sorry"))`) {
		t.Error("the acknowledged reply is missing after the reload")
	}
	shot(t, tab, "trainee-reloaded")
	do(t, tab, "reply after the reload", setValue("#say", "Within 5 business days"), chromedp.Click(chromedp.CSS("#send")))
	waitFor(t, tab, "the end", `document.querySelector("#end").textContent.includes("resolved")`, 5*time.Second)
}

func itoa(n int) string { return strings.TrimSpace(string(mustJSON(n))) }

// TestBrowserServerRestart stops the server under a trainee's open page,
// lets them type while it is down, and starts it again on the same port and
// database: the page reconnects, sends the waiting reply once, and the
// conversation goes on.
func TestBrowserServerRestart(t *testing.T) {
	b := newBrowser(t)
	db := filepath.Join(t.TempDir(), "ccsim.db")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	serve := func(ln net.Listener) (stop func()) {
		s := &Server{DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		if err := s.Open(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		// The server goroutine exits when stop cancels ctx.
		go func() { done <- s.Serve(ctx, ln) }()
		return func() { cancel(); <-done }
	}
	stop := serve(ln)
	base := "http://" + addr
	room := postRoom(t, base, workshop.Request{Title: "Refund workshop", Custom: []string{strings.Replace(quickScript(t), "time_limit_s = 12", "time_limit_s = 600", 1)}})
	ts := &testServer{http: &httptest.Server{URL: base}}
	tab := joinInBrowser(t, b, ts, room.Code, "Uma", "free")
	postAction(t, base, room, workshop.Action{Action: "start"})
	waitFor(t, tab, "the first line", `!!document.querySelector("#say")`, 10*time.Second)
	do(t, tab, "reply", setValue("#say", "So sorry about that, I will refund it"), chromedp.Click(chromedp.CSS("#send")))
	waitFor(t, tab, "the customer's answer", `[...document.querySelectorAll("#chat .msg.customer")].some(m => m.textContent.includes("When will I see it"))`, 5*time.Second)

	stop()
	waitFor(t, tab, "the page noticing", `document.querySelector("#banner").textContent.includes("reconnecting")`, 10*time.Second)
	do(t, tab, "reply while the server is down", setValue("#say", "Within 5 business days"), chromedp.Click(chromedp.CSS("#send")))
	waitFor(t, tab, "the reply held as sending", `!!document.querySelector(".msg.pending")`, 5*time.Second)
	shot(t, tab, "trainee-server-down")

	ln2, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	stop2 := serve(ln2)
	defer stop2()
	waitFor(t, tab, "the end after the restart", `document.querySelector("#end").textContent.includes("resolved") && !document.querySelector(".msg.pending")`, 20*time.Second)
	if n := eval[int](t, tab, `[...document.querySelectorAll("#chat .msg.agent")].filter(m => m.textContent.includes("Within 5 business days")).length`); n != 1 {
		t.Errorf("the reply typed while the server was down shows %d times, want 1", n)
	}
	shot(t, tab, "trainee-after-restart")
}

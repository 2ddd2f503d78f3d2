package web

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/ccsim/ccsim/workshop"
)

// gridRoom opens a room with the quick script (an hour's time limit) in
// the browser, seats n free-mode trainees over HTTP and starts it.
func gridRoom(t *testing.T, n int) (*testServer, context.Context, created, []workshop.Joined) {
	t.Helper()
	b := newBrowser(t)
	ts := newTestServer(t, "")
	fac, room := openRoomInBrowser(t, b, ts, false)
	joins := make([]workshop.Joined, n)
	for i := range joins {
		joins[i] = ts.join(t, room.Code, fmt.Sprintf("Trainee %02d", i+1), "guided")
	}
	ts.act(t, room, workshop.Action{Action: "start"})
	waitFor(t, fac, fmt.Sprintf("%d rows", n), fmt.Sprintf(`document.querySelectorAll("#grid tbody tr").length === %d`, n), 10*time.Second)
	return ts, fac, room, joins
}

// TestBrowserGridLayout: at 1280×720 the grid shows 30 trainees at once,
// every column (status and the row menu included) inside the window, and
// highlights the trainees who need attention (here: offline) first.
func TestBrowserGridLayout(t *testing.T) {
	ts, fac, _, joins := gridRoom(t, 30)
	online := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: joins[0].Token})
	online.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	do(t, fac, "a 1280×720 window", chromedp.EmulateViewport(1280, 720))
	waitFor(t, fac, "trainee 01 online, the others flagged offline", `(() => {
		const rows = [...document.querySelectorAll("#grid tbody tr")];
		const one = rows.find(r => r.querySelector("td.name").textContent === "Trainee 01");
		return !one.classList.contains("attn") && rows.filter(r => r.classList.contains("attn") && r.textContent.includes("offline")).length === 29;
	})()`, 10*time.Second)
	visible := eval[int](t, fac, `(() => {
		const box = document.querySelector(".gridwrap").getBoundingClientRect(), head = document.querySelector("#grid thead").getBoundingClientRect();
		return [...document.querySelectorAll("#grid tbody tr")].filter(r => { const b = r.getBoundingClientRect(); return b.top >= head.bottom - 1 && b.bottom <= Math.min(box.bottom, innerHeight) + 0.5; }).length;
	})()`)
	if visible < 30 {
		t.Errorf("%d rows fully visible at 1280×720, want 30", visible)
	}
	for _, sel := range []string{"#grid thead th:last-child", "#grid tbody tr:first-child td.status", "#grid tbody tr:first-child summary"} {
		if right := eval[float64](t, fac, `document.querySelector(`+jsString(sel)+`).getBoundingClientRect().right`); right > 1280 {
			t.Errorf("%s ends at x=%v, beyond the 1280 px window", sel, right)
		}
	}
	if w := eval[int](t, fac, `document.documentElement.scrollWidth`); w > 1280 {
		t.Errorf("page is %d px wide, want no horizontal scrolling at 1280", w)
	}
	if got := eval[string](t, fac, `document.querySelector("#grid tbody tr:last-child td.name").textContent`); got != "Trainee 01" {
		t.Errorf("last row %q, want Trainee 01 (needing no attention, after the flagged ones)", got)
	}
	sticky := eval[string](t, fac, `getComputedStyle(document.querySelector("#grid thead th")).position`)
	if sticky != "sticky" {
		t.Errorf("grid header position %q, want sticky", sticky)
	}
	docShot(t, fac, "web-facilitator-grid-720")
}

// TestBrowserGridClickUnderLoad: with 40 trainees replying all the time,
// ten presses on rows' Remove (through the row menu, with the real mouse)
// all register: rows are updated in place, never rebuilt under the pointer.
func TestBrowserGridClickUnderLoad(t *testing.T) {
	ts, fac, _, joins := gridRoom(t, 40)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i, j := range joins {
		c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
		wg.Add(1)
		// Each load client exits when stop is closed or its socket fails.
		go func(c *wsClient, i int) {
			defer wg.Done()
			go func() { // the reader exits when the socket closes at cleanup
				for {
					if _, _, err := c.ws.ReadMessage(); err != nil {
						return
					}
				}
			}()
			tick := time.NewTicker(time.Duration(200+i*5) * time.Millisecond)
			defer tick.Stop()
			for n := int64(1); ; n++ {
				select {
				case <-stop:
					return
				case <-tick.C:
					if c.ws.WriteJSON(workshop.Message{T: "pulse", N: n}) != nil { // refused, but every message is acknowledged
						return
					}
				}
			}
		}(c, i)
	}
	defer func() { close(stop); wg.Wait() }()
	// The grid changes all the time: online dots, then replies.
	do(t, fac, "confirm removals", chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`))
	// The pointer rests on the grid first, as a facilitator's would: rows
	// do not re-sort under it (a re-sort between finding a row and clicking
	// it would move the row away from a real click, and makes CDP drop the
	// node it found).
	x := eval[float64](t, fac, `(() => { const b = document.querySelector("#grid tbody").getBoundingClientRect(); return b.left + b.width / 2; })()`)
	y := eval[float64](t, fac, `(() => { const b = document.querySelector("#grid tbody").getBoundingClientRect(); return b.top + 10; })()`)
	do(t, fac, "rest the pointer on the grid", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	for _, j := range joins[:10] {
		row := `tr[data-seat="` + j.ID + `"]`
		do(t, fac, "open the row menu", chromedp.Click(chromedp.CSS(row+" summary")))
		do(t, fac, "press Remove", chromedp.Click(chromedp.CSS(row+" button.remove")))
	}
	waitFor(t, fac, "ten trainees removed", `document.querySelectorAll("#grid tr.removed").length === 10`, 10*time.Second)
	removed := 0
	for _, s := range ts.hub(joins[0].Code).Seats {
		if s.Extra.Removed {
			removed++
		}
	}
	if removed != 10 {
		t.Errorf("%d of 10 presses on Remove registered", removed)
	}
}

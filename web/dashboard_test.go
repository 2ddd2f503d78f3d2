package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/gorilla/websocket"
)

// TestRunSocket runs a bundled scenario over the dashboard socket: progress,
// a provisional result, then results whose files and charts download.
func TestRunSocket(t *testing.T) {
	ts := newTestServer(t, "")
	src, _ := scenarios.Source("erlang-c")
	u := "ws" + strings.TrimPrefix(ts.http.URL, "http") + "/ws/run"
	ws, _, err := websocket.DefaultDialer.Dial(u, http.Header{"Origin": {ts.http.URL}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	ws.WriteJSON(runRequest{T: "run", TOML: string(src), Replications: 3})
	seen := map[string]int{}
	var done struct {
		ID     string      `json:"id"`
		Charts []chartInfo `json:"charts"`
	}
	ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	for seen["done"] == 0 {
		_, data, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("after %v: %v", seen, err)
		}
		var m struct{ T string }
		json.Unmarshal(data, &m)
		seen[m.T]++
		if m.T == "done" {
			json.Unmarshal(data, &done)
		}
		if m.T == "invalid" {
			t.Fatalf("invalid: %s", data)
		}
	}
	if seen["progress"] == 0 || seen["provisional"] != 1 {
		t.Errorf("messages = %v, want progress and one provisional", seen)
	}
	for _, f := range []string{"files/results.json", "files/summary.csv", "files/report.html", "files/report.pdf", "charts/" + done.Charts[0].Name + ".svg"} {
		res, err := http.Get(ts.http.URL + "/api/runs/" + done.ID + "/" + f)
		if err != nil || res.StatusCode != 200 {
			t.Errorf("GET %s = %v %v", f, res.Status, err)
		}
		res.Body.Close()
	}
}

// TestValidateLines reports a scenario's errors at their lines.
func TestValidateLines(t *testing.T) {
	ts := newTestServer(t, "")
	var out struct{ Errors []lineError }
	ts.call(t, "POST", "/api/validate", "", scenarioText{TOML: "name = \"x\"\nseed = 1\nbogus = 2\n"}, &out)
	if len(out.Errors) == 0 || out.Errors[0].Line != 3 {
		t.Errorf("errors = %+v, want one at line 3", out.Errors)
	}
}

// TestRunCancelAndCompare cancels a long run, then compares two short runs.
func TestRunCancelAndCompare(t *testing.T) {
	ts := newTestServer(t, "")
	src, _ := scenarios.Source("default")
	u := "ws" + strings.TrimPrefix(ts.http.URL, "http") + "/ws/run"
	ws, _, err := websocket.DefaultDialer.Dial(u, http.Header{"Origin": {ts.http.URL}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	await := func(want string) []byte {
		ws.SetReadDeadline(time.Now().Add(30 * time.Second))
		for {
			_, data, err := ws.ReadMessage()
			if err != nil {
				t.Fatalf("waiting for %s: %v", want, err)
			}
			var m struct{ T string }
			json.Unmarshal(data, &m)
			if m.T == want {
				return data
			}
			if m.T == "done" || m.T == "invalid" {
				t.Fatalf("got %s while waiting for %s", m.T, want)
			}
		}
	}
	ws.WriteJSON(runRequest{T: "run", TOML: string(src), Replications: 1000})
	await("provisional")
	ws.WriteJSON(runRequest{T: "cancel"})
	await("cancelled")
	for _, reps := range []int{2, 3} {
		ws.WriteJSON(runRequest{T: "run", TOML: string(src), Replications: reps})
		await("done")
	}
	res, err := http.Get(ts.http.URL + "/api/compare/1/2/service_level.svg")
	if err != nil || res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("compare chart: %v %v", res.Status, err)
	}
	res.Body.Close()
	res, _ = http.Get(ts.http.URL + "/api/compare/1/9/service_level.svg")
	if res.StatusCode != 404 {
		t.Errorf("compare with an unknown run = %d, want 404", res.StatusCode)
	}
	res.Body.Close()
}

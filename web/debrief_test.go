package web

import (
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
)

// TestDebriefPulseAndQueue plays a room with the trust pulse and a queue
// backdrop: the debrief has the outcome, the pulse (withheld: one
// respondent is fewer than five) and what the conversation cost the queue.
func TestDebriefPulseAndQueue(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Mode: "guided", Pulse: true,
		Backdrop: &workshop.BackdropConfig{Scenario: "erlang-c", Speed: 600}})
	j := ts.join(t, room.Code, "Pia", "guided")
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	st := c.waitState(5*time.Second, func(s traineeState) bool { return s.PulseNeed == "before" })
	if st.Pulse == nil || len(st.Pulse.Items) != 12 || st.Pulse.Anchors[4] != "Strongly agree" || st.Pulse.Free == "" {
		t.Fatalf("pulse form = %+v, want the 12 statements of the bundled instrument, its anchors and free-text question", st.Pulse)
	}
	c.send(workshop.Message{T: "pulse", N: 1, Phase: "before", Answers: []int{2, 2, 3, 1, 0, 3, 3, 3, 3, 3, 3, 3}})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 1 && s.PulseNeed == "" })
	ts.act(t, room, workshop.Action{Action: "start"})
	st = c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	if st.Waiting == nil {
		t.Error("the trainee does not see the queue backdrop")
	}
	time.Sleep(2200 * time.Millisecond) // two backdrop steps charged to the conversation
	c.send(workshop.Message{T: "reply", N: 2, ID: "apologise"})
	c.send(workshop.Message{T: "reply", N: 3, ID: "timeline"})
	st = c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 3 })
	if st.PulseNeed != "after" {
		t.Fatalf("pulse after the session = %q, want after", st.PulseNeed)
	}
	c.send(workshop.Message{T: "pulse", N: 4, Phase: "after", Answers: []int{4, 4, 4, 2, 0, 4, 4, 4, 4, 4, 4, 4}, Text: "more time"})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 4 })

	var d workshop.Debrief
	if code := ts.call(t, "GET", "/api/rooms/"+room.Code+"/debrief", room.Token, nil, &d); code != 200 {
		t.Fatalf("debrief = %d", code)
	}
	if len(d.Outcomes) != 1 || d.Outcomes[0].Name != "resolved" || d.Outcomes[0].Count != 1 {
		t.Errorf("outcomes = %+v, want resolved 1", d.Outcomes)
	}
	if p := d.Pulse; p == nil || !p.Hidden || p.Scales[0].Before != nil || p.Statements[0].Before != nil || len(p.Texts) != 0 {
		t.Errorf("pulse of one respondent = %+v, want every figure and text withheld", p)
	}
	q := d.Trainees[0].Queue
	if q == nil || q.Seconds < 2 {
		t.Fatalf("queue figures = %+v, want at least 2 s of conversation observed", q)
	}
	if len(d.Heatmap) != 1 || d.Heatmap[0].Nodes[0].Total != 1 {
		t.Errorf("heatmap = %+v", d.Heatmap)
	}
	db := d.Trainees[0].Debrief
	if db == nil || db.Score.TotalPct != 100 || len(db.Transcript) == 0 {
		t.Errorf("trainee debrief = %+v", db)
	}
}

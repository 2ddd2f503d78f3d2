package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
)

// TestRoomPlayRestartResume plays two trainees, restarts the server on the
// same database, and checks both come back to the same place and finish.
func TestRoomPlayRestartResume(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ccsim.db")
	ts := newTestServer(t, db)
	room := ts.openQuickRoom(t, workshop.Request{Title: "Restart", Pulse: true})
	guided := ts.join(t, room.Code, "Gia", "guided")
	free := ts.join(t, room.Code, "Fred", "free")
	ts.act(t, room, workshop.Action{Action: "start"})

	g := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: guided.Token})
	g.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	g.send(workshop.Message{T: "reply", N: 1, ID: "apologise"})
	st := g.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 1 })
	if st.Session.Node != "refund" {
		t.Fatalf("guided trainee at %q after apologise, want refund", st.Session.Node)
	}
	f := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: free.Token})
	f.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	f.send(workshop.Message{T: "say", N: 1, Text: "So sorry <script>alert(1)</script>, I will refund it"})
	f.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 1 })
	ts.close()

	ts2 := newTestServer(t, db)
	g2 := dialWS(t, ts2.http.URL, hello{T: "hello", Role: "trainee", Token: guided.Token})
	st = g2.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	if st.Session.Node != "refund" || st.Ack != 1 || st.From != 0 {
		t.Fatalf("after restart: node %q ack %d from %d; want refund 1 0", st.Session.Node, st.Ack, st.From)
	}
	if !hasEntry(st.Entries, "agent", "I'm sorry about that") {
		t.Errorf("transcript after restart lacks the acknowledged reply: %+v", st.Entries)
	}
	g2.send(workshop.Message{T: "reply", N: 2, ID: "timeline"})
	st = g2.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 2 })
	if !st.Session.Ended || st.Session.Outcome != "resolved" {
		t.Errorf("after the timeline reply: ended %v outcome %q, want resolved", st.Session.Ended, st.Session.Outcome)
	}
	if st.PulseNeed != "after" {
		t.Errorf("pulse after the session = %q, want after", st.PulseNeed)
	}
	f2 := dialWS(t, ts2.http.URL, hello{T: "hello", Role: "trainee", Token: free.Token})
	st = f2.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	if !hasEntry(st.Entries, "agent", "<script>alert(1)</script>") || st.Session.Node != "refund" {
		t.Errorf("free trainee after restart: node %q, transcript %+v", st.Session.Node, st.Entries)
	}
	// The downtime was logged as a pause and a resume, so a fresh replay agrees.
	evs := storedEvents(t, ts2.Server, guided.ID)
	kinds := []string{}
	for _, e := range evs {
		kinds = append(kinds, e.Kind)
	}
	if got := strings.Join(kinds, " "); got != "start reply pause resume reply" {
		t.Errorf("guided log = %q, want start reply pause resume reply", got)
	}
	sc, err := scenarios.ParseRoleplay("custom-1.roleplay.toml", []byte(quickScript(t)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := trainer.Replay(sc, evs); err != nil {
		t.Errorf("trainer.Replay(stored log) = %v", err)
	}
}

func hasEntry(es []trainer.Entry, speaker, text string) bool {
	for _, e := range es {
		if e.Speaker == speaker && strings.Contains(e.Text, text) {
			return true
		}
	}
	return false
}

func storedEvents(tb testing.TB, s *Server, pid string) []trainer.Event {
	tb.Helper()
	raw, err := s.db.Events(context.Background(), pid)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]trainer.Event, len(raw))
	for i, e := range raw {
		if err := json.Unmarshal(e.Data, &out[i]); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// TestResendAppliedOnce sends the same numbered reply twice (as a page does
// after reconnecting); it is applied once and acknowledged twice.
func TestResendAppliedOnce(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Mode: "free"})
	j := ts.join(t, room.Code, "Dup", "free")
	ts.act(t, room, workshop.Action{Action: "start"})
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	for range 2 {
		c.send(workshop.Message{T: "say", N: 1, Text: "hmm"})
	}
	c.send(workshop.Message{T: "say", N: 2, Text: "hmm again"})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 2 })
	says := 0
	for _, e := range storedEvents(t, ts.Server, j.ID) {
		if e.Kind == "say" {
			says++
		}
	}
	if says != 2 {
		t.Errorf("stored say events = %d, want 2", says)
	}
}

// memStore is an in-memory roomStore for hub tests.
type memStore struct {
	mu     sync.Mutex
	events map[string][]workshop.StoredEvent
}

func (m *memStore) Commit(_ context.Context, b *workshop.Batch) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.events == nil {
		m.events = map[string][]workshop.StoredEvent{}
	}
	for pid, evs := range b.Events {
		m.events[pid] = append(m.events[pid], evs...)
	}
	return nil
}

// TestPauseFreezesTimers runs a hub in a synctest bubble: the session's
// 12-second limit does not run while the room is paused.
func TestPauseFreezesTimers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sc, err := scenarios.ParseRoleplay("quick.roleplay.toml", []byte(quickScript(t)))
		if err != nil {
			t.Fatal(err)
		}
		cfg := workshop.Config{Title: "T", Scripts: []workshop.ScriptSource{{Name: "quick"}}, Mode: "guided", Seed: 1}
		h := newHub(workshop.New("ABCDEF", nil, cfg, []*trainer.Script{sc}, time.Now), &memStore{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		go h.run() // exits at h.stop below
		defer h.stop()
		ctx := context.Background()
		if _, err := h.do(ctx, func() (any, error) { return h.join(workshop.JoinRequest{Name: "Tim", Mode: "guided"}) }); err != nil {
			t.Fatal(err)
		}
		do := func(a string) {
			if _, err := h.do(ctx, func() (any, error) { return h.act(workshop.Action{Action: a}) }); err != nil {
				t.Fatal(err)
			}
		}
		outcome := func() string {
			v, _ := h.do(ctx, func() (any, error) { return h.Seats[0].Session.Outcome(), nil })
			return v.(string)
		}
		do("start")
		time.Sleep(5 * time.Second)
		do("pause")
		time.Sleep(time.Minute)
		synctest.Wait()
		if o := outcome(); o != "" {
			t.Fatalf("outcome after a paused minute = %q, want none", o)
		}
		do("resume")
		time.Sleep(6 * time.Second)
		synctest.Wait()
		if o := outcome(); o != "" {
			t.Fatalf("outcome after 11 active seconds = %q, want none", o)
		}
		time.Sleep(2 * time.Second)
		synctest.Wait()
		if o := outcome(); o != "timed_out" {
			t.Fatalf("outcome after 13 active seconds = %q, want timed_out", o)
		}
	})
}

// TestSeatOneDevice: opening a seat again replaces the older connection.
func TestSeatOneDevice(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{})
	j := ts.join(t, room.Code, "Two Tabs", "guided")
	first := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	first.next("state", 5*time.Second)
	second := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	second.next("state", 5*time.Second)
	first.next("replaced", 5*time.Second)
}

// TestPauseWhenFacilitatorAway: a PauseAway room pauses a minute after its
// last facilitator page closes, and resumes when one is back.
func TestPauseWhenFacilitatorAway(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sc, err := scenarios.ParseRoleplay("quick.roleplay.toml", []byte(quickScript(t)))
		if err != nil {
			t.Fatal(err)
		}
		cfg := workshop.Config{Title: "T", Scripts: []workshop.ScriptSource{{Name: "quick"}}, Mode: "guided", Seed: 1, PauseAway: true}
		h := newHub(workshop.New("ABCDEF", nil, cfg, []*trainer.Script{sc}, time.Now), &memStore{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		go h.run() // exits at h.stop below
		defer h.stop()
		ctx := context.Background()
		call := func(f func() (any, error)) any {
			v, err := h.do(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		paused := func() bool { return call(func() (any, error) { return h.State.Paused, nil }).(bool) }
		call(func() (any, error) { return h.join(workshop.JoinRequest{Name: "Tim", Mode: "guided"}) })
		call(func() (any, error) { return h.act(workshop.Action{Action: "start"}) })
		fac := &client{conn: &conn{send: make(chan []byte, sendBuffer)}}
		call(func() (any, error) { h.registerFacilitator(fac); return nil, nil })
		call(func() (any, error) { h.drop(fac); return nil, nil })
		time.Sleep(59 * time.Second)
		synctest.Wait()
		if paused() {
			t.Fatal("paused 59 s after the facilitator left, want still running")
		}
		time.Sleep(2 * time.Second)
		synctest.Wait()
		if !paused() {
			t.Fatal("running 61 s after the facilitator left, want paused")
		}
		back := &client{conn: &conn{send: make(chan []byte, sendBuffer)}}
		call(func() (any, error) { h.registerFacilitator(back); return nil, nil })
		if paused() {
			t.Error("still paused with the facilitator back, want resumed")
		}
	})
}

// TestForceVariant: a forced hand-off variant applies to sessions started
// afterwards; an unknown one is refused.
func TestForceVariant(t *testing.T) {
	ts := newTestServer(t, "")
	room := ts.openQuickRoom(t, workshop.Request{Scripts: []string{"failed-bot"}, Mode: "guided"})
	if st := ts.call(t, "POST", "/api/rooms/"+room.Code+"/actions", room.Token, workshop.Action{Action: "variant", Variant: "<nope>"}, nil); st != 400 {
		t.Errorf("unknown variant = %d, want 400", st)
	}
	ts.act(t, room, workshop.Action{Action: "variant", Variant: "no_context"})
	ts.act(t, room, workshop.Action{Action: "start"})
	for i := range 4 {
		j := ts.join(t, room.Code, "T"+string(rune('0'+i)), "guided")
		evs := storedEvents(t, ts.Server, j.ID)
		if len(evs) == 0 || evs[0].Start.Variant != "no_context" {
			t.Fatalf("trainee %d: start event %+v, want the forced variant no_context", i, evs)
		}
	}
}

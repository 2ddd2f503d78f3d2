package web

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/ccsim/ccsim/workshop/sqlite"
)

// archivedStore builds a store with two open rooms, one ended room where
// a trainee played, and n more ended rooms; it returns the store's path,
// the played room, its trainee and the codes of the n rooms.
func archivedStore(tb testing.TB, n int) (string, created, workshop.Joined, []string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "ccsim.db")
	ts := newTestServer(tb, path)
	ts.openQuickRoom(tb, workshop.Request{Title: "Open 1"})
	ts.openQuickRoom(tb, workshop.Request{Title: "Open 2"})
	played := ts.openQuickRoom(tb, workshop.Request{Title: "Played"})
	j := ts.join(tb, played.Code, "Ann", "guided")
	ts.act(tb, played, workshop.Action{Action: "start"})
	c := dialWS(tb, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	c.send(workshop.Message{T: "reply", N: 1, ID: "apologise"})
	c.waitState(5*time.Second, func(s traineeState) bool { return s.Ack == 1 })
	ts.act(tb, played, workshop.Action{Action: "end"})
	ts.close()

	db, err := sqlite.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rec, _, err := db.Room(context.Background(), played.Code)
	if err != nil {
		tb.Fatal(err)
	}
	b := &workshop.Batch{}
	var codes []string
	for len(codes) < n {
		r := rec
		if r.Code = workshop.NewCode(); r.Code == played.Code {
			continue
		}
		r.TokenHash = workshop.HashToken(workshop.NewToken())
		codes = append(codes, r.Code)
		b.Rooms = append(b.Rooms, r)
	}
	if err := db.Commit(context.Background(), b); err != nil {
		tb.Fatal(err)
	}
	return path, played, j, codes
}

// TestClosedRoomsArchived: a server over a store with 1,000 ended rooms
// rebuilds only the 2 open ones at start; an archived room is loaded when
// its trainee or its facilitator comes back, with its sessions intact.
func TestClosedRoomsArchived(t *testing.T) {
	path, played, j, codes := archivedStore(t, 1000)
	ts := newTestServer(t, path)
	if got := ts.rebuilt; got != 2 {
		t.Fatalf("rooms rebuilt at start = %d, want the 2 open ones (1,001 ended stay archived)", got)
	}
	c := dialWS(t, ts.http.URL, hello{T: "hello", Role: "trainee", Token: j.Token})
	st := c.waitState(5*time.Second, func(s traineeState) bool { return s.Session != nil })
	if !st.Room.Ended || st.Ack != 1 || !hasEntry(st.Entries, "agent", "I'm sorry about that") {
		t.Errorf("the archived room's trainee: ended %v, ack %d, entries %+v; want the ended room with the reply", st.Room.Ended, st.Ack, st.Entries)
	}
	var d struct {
		Trainees []struct{ Name string } `json:"trainees"`
	}
	if code := ts.call(t, "GET", "/api/rooms/"+played.Code+"/debrief", played.Token, nil, &d); code != 200 || len(d.Trainees) != 1 || d.Trainees[0].Name != "Ann" {
		t.Errorf("debrief of the archived room = %d, %+v; want 200 with Ann", code, d)
	}
	if got := ts.rebuilt; got != 3 {
		t.Errorf("rooms rebuilt after the visits = %d, want 3 (the played room once)", got)
	}
	for _, tok := range []string{"", played.Token} {
		if code := ts.call(t, "GET", "/api/rooms/"+codes[1]+"/debrief", tok, nil, nil); code != 403 {
			t.Errorf("an archived room with a wrong secret = %d, want 403", code)
		}
	}
	if got := ts.rebuilt; got != 3 {
		t.Errorf("rooms rebuilt after wrong secrets = %d, want still 3 (a wrong secret loads nothing)", got)
	}
	if code := ts.call(t, "POST", "/api/join", "", workshop.JoinRequest{Code: codes[2], Name: "Bo", Mode: "guided"}, nil); code != 403 {
		t.Errorf("joining an archived (ended) room = %d, want 403", code)
	}
}

// BenchmarkOpenArchived measures a server's start over a store with 1,000
// ended rooms (and 2 open ones): it rebuilds only the open rooms.
func BenchmarkOpenArchived(b *testing.B) {
	path, _, _, _ := archivedStore(b, 1000)
	for b.Loop() {
		s := &Server{DB: path}
		if err := s.Open(); err != nil {
			b.Fatal(err)
		}
		if s.rebuilt != 2 {
			b.Fatalf("rebuilt %d rooms, want 2", s.rebuilt)
		}
		s.Close()
	}
}

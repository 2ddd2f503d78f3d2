package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

func TestStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ name, want string }{{"journal_mode", "wal"}, {"synchronous", "2"}} {
		if got, err := db.Pragma(p.name); err != nil || got != p.want {
			t.Errorf("PRAGMA %s = %q, %v; want %q", p.name, got, err, p.want)
		}
	}
	b := &workshop.Batch{Rooms: []workshop.RoomRecord{{Code: "ABCDEF", TokenHash: []byte{1}, Config: []byte(`{"a":1}`), State: []byte(`{}`)}},
		Participants: []workshop.Participant{{ID: "p1", Room: "ABCDEF", Name: "<Ann>", TokenHash: []byte{2}, Script: "s", Mode: "guided"}}}
	b.AddEvents("p1", workshop.StoredEvent{Seq: 0, Data: []byte(`{"kind":"start"}`)}, workshop.StoredEvent{Seq: 1, Data: []byte(`{"kind":"reply"}`)})
	if err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	// A duplicate event position is refused and nothing of the batch is written.
	dup := &workshop.Batch{Participants: []workshop.Participant{{ID: "p1", Room: "ABCDEF", Name: "<Ann>", TokenHash: []byte{2}, Script: "s", Mode: "guided", LastN: 9}}}
	dup.AddEvents("p1", workshop.StoredEvent{Seq: 1, Data: []byte(`{}`)})
	if err := db.Commit(ctx, dup); err == nil {
		t.Error("Commit(duplicate seq) = nil, want an error")
	}
	db.Close()

	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rooms, err := db.Rooms(ctx)
	if err != nil || len(rooms) != 1 || string(rooms[0].Config) != `{"a":1}` {
		t.Fatalf("Rooms() = %+v, %v", rooms, err)
	}
	ps, err := db.Participants(ctx, "ABCDEF")
	if err != nil || len(ps) != 1 || ps[0].Name != "<Ann>" || ps[0].LastN != 0 {
		t.Fatalf("Participants() = %+v, %v", ps, err)
	}
	evs, err := db.Events(ctx, "p1")
	if err != nil || len(evs) != 2 || string(evs[1].Data) != `{"kind":"reply"}` {
		t.Fatalf("Events() = %+v, %v", evs, err)
	}
}

// BenchmarkCommit measures one durable commit of one event.
func BenchmarkCommit(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "s.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	db.Commit(ctx, &workshop.Batch{Rooms: []workshop.RoomRecord{{Code: "R", TokenHash: []byte{1}, Config: []byte(`{}`), State: []byte(`{}`)}},
		Participants: []workshop.Participant{{ID: "p", Room: "R", TokenHash: []byte{1}}}})
	for i := 0; b.Loop(); i++ {
		bt := &workshop.Batch{}
		bt.AddEvents("p", workshop.StoredEvent{Seq: i, Data: []byte(fmt.Sprintf(`{"n":%d}`, i))})
		if err := db.Commit(ctx, bt); err != nil {
			b.Fatal(err)
		}
	}
}

package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ccsim/ccsim/workshop"
	"github.com/ccsim/ccsim/workshop/sqlite"
)

// Example commits a room, a participant and two events in one durable
// transaction and reads the log back.
func Example() {
	dir, _ := os.MkdirTemp("", "store-example")
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(filepath.Join(dir, "ccsim.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	ctx := context.Background()
	b := &workshop.Batch{
		Rooms:        []workshop.RoomRecord{{Code: "ABC347", TokenHash: []byte{1}, Config: []byte(`{}`), State: []byte(`{}`)}},
		Participants: []workshop.Participant{{ID: "p1", Room: "ABC347", Seat: 1, Name: "Ann", TokenHash: []byte{2}}},
	}
	b.AddEvents("p1", workshop.StoredEvent{Seq: 0, Data: []byte(`{"kind":"start"}`)}, workshop.StoredEvent{Seq: 1, Data: []byte(`{"kind":"reply"}`)})
	if err := db.Commit(ctx, b); err != nil {
		fmt.Println(err)
		return
	}
	evs, _ := db.Events(ctx, "p1")
	for _, e := range evs {
		fmt.Println(e.Seq, string(e.Data))
	}
	// Output:
	// 0 {"kind":"start"}
	// 1 {"kind":"reply"}
}

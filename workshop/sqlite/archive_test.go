package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

// TestOpenRoomsAndArchive: OpenRooms leaves out ended rooms and rooms
// created before the cut-off; Room and RoomOfToken still find them.
func TestOpenRoomsAndArchive(t *testing.T) {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := &workshop.Batch{Rooms: []workshop.RoomRecord{
		{Code: "OPEN", CreatedMS: 2000, TokenHash: []byte{1}, Config: []byte(`{}`), State: []byte(`{}`)},
		{Code: "STARTED", CreatedMS: 2001, TokenHash: []byte{1}, Config: []byte(`{}`), State: []byte(`{"started":true,"ended":false}`)},
		{Code: "ENDED", CreatedMS: 2002, TokenHash: []byte{1}, Config: []byte(`{}`), State: []byte(`{"started":true,"ended":true}`)},
		{Code: "OLD", CreatedMS: 999, TokenHash: []byte{1}, Config: []byte(`{}`), State: []byte(`{}`)},
	}, Participants: []workshop.Participant{{ID: "p", Room: "ENDED", TokenHash: []byte{7, 7}}}}
	if err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	open, err := db.OpenRooms(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range open {
		got = append(got, r.Code)
	}
	if len(got) != 2 || got[0] != "OPEN" || got[1] != "STARTED" {
		t.Errorf("OpenRooms(1000) = %v, want [OPEN STARTED]", got)
	}
	for _, tc := range []struct {
		code string
		ok   bool
	}{{"ENDED", true}, {"OLD", true}, {"NONE", false}} {
		r, ok, err := db.Room(ctx, tc.code)
		if err != nil || ok != tc.ok || ok && r.Code != tc.code {
			t.Errorf("Room(%q) = %q, %v, %v; want found %v", tc.code, r.Code, ok, err, tc.ok)
		}
	}
	for _, tc := range []struct {
		hash []byte
		want string
	}{{[]byte{7, 7}, "ENDED"}, {[]byte{8}, ""}} {
		if got, err := db.RoomOfToken(ctx, tc.hash); err != nil || got != tc.want {
			t.Errorf("RoomOfToken(%v) = %q, %v; want %q", tc.hash, got, err, tc.want)
		}
	}
}

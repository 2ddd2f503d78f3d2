package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

// TestRoomLangRestored: a room's language is stored with the room and read
// back after the store is closed and opened again.
func TestRoomLangRestored(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "l.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	b := &workshop.Batch{}
	for code, lang := range map[string]string{"GERMAN": "de", "ENGLSH": "en", "BROWSR": ""} {
		cfg, scripts, err := workshop.Prepare(workshop.Request{Title: code, Scripts: []string{"cancel-x5"}, Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		b.Rooms = append(b.Rooms, workshop.New(code, []byte{1}, cfg, scripts, nil).Record())
	}
	if err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	db.Close()

	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for code, want := range map[string]string{"GERMAN": "de", "ENGLSH": "en", "BROWSR": ""} {
		rec, ok, err := db.Room(ctx, code)
		if err != nil || !ok {
			t.Fatalf("Room(%s) = %v, %v", code, ok, err)
		}
		var cfg workshop.Config
		if err := json.Unmarshal(rec.Config, &cfg); err != nil {
			t.Fatal(err)
		}
		if cfg.Lang != want || cfg.Title != code {
			t.Errorf("room %s restored with Lang %q (title %q), want %q", code, cfg.Lang, cfg.Title, want)
		}
	}
}

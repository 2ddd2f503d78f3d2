package web

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/workshop"
)

// TestRoomLangPages: a room's language, kept in the store across a restart,
// picks the language of its join and play pages and its exported debrief
// whatever the browser asks for; ?lang= still wins, a room without one
// follows the browser, the facilitator's page follows the browser, and an
// archived room answers from the store without being loaded.
func TestRoomLangPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ccsim.db")
	ts := newTestServer(t, path)
	if code := ts.call(t, "POST", "/api/rooms", "", workshop.Request{Custom: []string{quickScript(t)}, Lang: "fr"}, nil); code != http.StatusBadRequest {
		t.Errorf("POST /api/rooms with lang fr = %d, want 400", code)
	}
	de := ts.openQuickRoom(t, workshop.Request{Title: "de", Lang: "de"})
	en := ts.openQuickRoom(t, workshop.Request{Title: "en", Lang: "en"})
	none := ts.openQuickRoom(t, workshop.Request{Title: "browser"})
	ended := ts.openQuickRoom(t, workshop.Request{Title: "ended", Lang: "de"})
	ts.act(t, ended, workshop.Action{Action: "end"})
	ts.close()

	ts = newTestServer(t, path) // the restart: open rooms are rebuilt, the ended one stays archived
	tests := []struct {
		name, path, accept, want string
	}{
		{"German room, English browser: join", "/join?code=" + de.Code, "en-GB", "de"},
		{"German room, English browser: play", "/play/" + de.Code, "en-GB", "de"},
		{"?lang wins over the room", "/play/" + de.Code + "?lang=en", "de", "en"},
		{"English room, German browser", "/play/" + en.Code, "de-DE,de;q=0.9", "en"},
		{"no room language, German browser", "/play/" + none.Code, "de", "de"},
		{"no room language, English browser", "/join?code=" + none.Code, "en", "en"},
		{"archived German room", "/play/" + ended.Code, "en", "de"},
		{"join without a code", "/join", "de", "de"},
		{"join with an unknown code", "/join?code=ZZZZZZZZ", "de", "de"},
		{"the facilitator's page follows the browser", "/facilitate/" + de.Code, "en", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, body := ts.getLang(t, tc.path, "", tc.accept)
			if want := `<html lang="` + tc.want + `">`; !strings.Contains(body, want) {
				t.Errorf("GET %s (Accept-Language %s) lacks %s:\n%.300s", tc.path, tc.accept, want, body)
			}
		})
	}
	ts.mu.Lock()
	_, loaded := ts.rooms[ended.Code]
	ts.mu.Unlock()
	if loaded {
		t.Errorf("room %s was loaded from the archive by a page's language", ended.Code)
	}
	if _, got := ts.getLang(t, "/api/rooms/"+de.Code+"/export/debrief.html", de.Token, "en"); !strings.Contains(got, `<html lang="de">`) {
		t.Errorf("the German room's exported debrief for an English browser:\n%.300s", got)
	}
	if _, got := ts.getLang(t, "/api/rooms/"+none.Code+"/export/debrief.html", none.Token, "de"); !strings.Contains(got, `<html lang="de">`) {
		t.Errorf("the exported debrief of a room without a language, for a German browser:\n%.300s", got)
	}
}

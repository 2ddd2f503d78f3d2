package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccsim/ccsim/web"
)

// Example opens a server on a fresh database, opens a workshop room with a
// bundled role-play and seats a trainee, all through the JSON API.
func Example() {
	dir, _ := os.MkdirTemp("", "ccsim-example")
	defer os.RemoveAll(dir)
	s := &web.Server{DB: filepath.Join(dir, "ccsim.db")}
	if err := s.Open(); err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	post := func(path, body string, out any) int {
		res, err := http.Post(ts.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			return 0
		}
		defer res.Body.Close()
		json.NewDecoder(res.Body).Decode(out)
		return res.StatusCode
	}
	var room struct{ Code, Token string }
	fmt.Println(post("/api/rooms", `{"title":"Monday","scripts":["failed-bot"],"mode":"guided"}`, &room))
	fmt.Println(len(room.Code), len(room.Token))
	var seat struct{ Token string }
	fmt.Println(post("/api/join", `{"code":"`+strings.ToLower(room.Code)+`","name":"Ann","mode":"guided"}`, &seat))
	fmt.Println(seat.Token != "" && seat.Token != room.Token)
	// Output:
	// 201
	// 8 43
	// 201
	// true
}

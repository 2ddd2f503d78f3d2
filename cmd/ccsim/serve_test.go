package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a stderr that the server's goroutines may write at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe starts ccsim serve on a free port, fetches a page, then cancels
// (as Ctrl-C does) and expects a clean exit.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	db := filepath.Join(t.TempDir(), "ccsim.db")
	done := make(chan error, 1)
	// The server goroutine exits when ctx is cancelled below.
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}, strings.NewReader(""), io.Discard, &stderr)
	}()
	re := regexp.MustCompile(`serving on (http://[0-9.:]+)/`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("no 'serving on' line; stderr:\n%s", stderr.String())
	}
	res, err := http.Get(base + "/dashboard")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("GET /dashboard = %d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after cancel, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

func TestServeUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"an argument", []string{"serve", "extra"}},
		{"a short admin token", []string{"serve", "--admin-token", "short"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, code := ccsim(t, tc.args...); code != 2 {
				t.Errorf("serve with %s exited %d, want 2", tc.name, code)
			}
		})
	}
}

// TestServeAdminToken: without --admin-token or $CCSIM_ADMIN_TOKEN, serve
// prints a generated token once; opening a room needs it.
func TestServeAdminToken(t *testing.T) {
	t.Setenv(adminTokenEnv, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	done := make(chan error, 1)
	// The server goroutine exits when ctx is cancelled below.
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "c.db")}, strings.NewReader(""), io.Discard, &stderr)
	}()
	re := regexp.MustCompile(`serving on (http://[0-9.:]+)/\s.*\n.*admin token[^:]*: (\S+)`)
	var m []string
	for deadline := time.Now().Add(10 * time.Second); m == nil && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		m = re.FindStringSubmatch(stderr.String())
	}
	if m == nil {
		t.Fatalf("no serving line with an admin token; stderr:\n%s", stderr.String())
	}
	if n := strings.Count(stderr.String(), m[2]); n != 1 {
		t.Errorf("the admin token appears %d times on stderr, want once", n)
	}
	for _, tc := range []struct {
		name, token string
		want        int
	}{
		{"without the token", "", http.StatusUnauthorized},
		{"with the token", m[2], http.StatusCreated},
	} {
		req, _ := http.NewRequest("POST", m[1]+"/api/rooms", strings.NewReader(`{"scripts":["cancel-x5"]}`))
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("POST /api/rooms %s = %d, want %d", tc.name, res.StatusCode, tc.want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v", err)
	}
}

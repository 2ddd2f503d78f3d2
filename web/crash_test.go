package web

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsim/ccsim/workshop"
	"github.com/gorilla/websocket"
)

// crashEnv names the database a child server process uses (TestCrashChild).
const crashEnv = "CCSIM_CRASH_CHILD_DB"

// TestCrashChild is not a test: it is the server process that
// TestCrashKill9 starts and kills. It prints "READY addr" once serving.
func TestCrashChild(t *testing.T) {
	db := os.Getenv(crashEnv)
	if db == "" {
		t.Skip("runs only as the child of TestCrashKill9")
	}
	s := &Server{Addr: "127.0.0.1:0", DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Ready: func(addr string) { fmt.Printf("READY %s\n", addr) }}
	if err := s.ListenAndServe(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// child is a server process on a database.
type child struct {
	cmd  *exec.Cmd
	base string
}

// startChild runs the test binary as a server on db.
func startChild(t *testing.T, db string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(out)
	ready := make(chan string, 1)
	// This goroutine exits when the child's stdout closes (the child exits).
	go func() {
		for lines.Scan() {
			if addr, ok := strings.CutPrefix(lines.Text(), "READY "); ok {
				ready <- addr
			}
		}
	}()
	select {
	case addr := <-ready:
		return &child{cmd: cmd, base: "http://" + addr}
	case <-time.After(30 * time.Second):
		t.Fatal("the child server did not start")
		return nil
	}
}

// crashTrainee replies over and over, recording what was acknowledged.
type crashTrainee struct {
	token   string
	n       int64
	acked   []string          // texts acknowledged, in order
	pending *workshop.Message // sent but not acknowledged when the server died
}

// play sends numbered replies until the connection fails.
func (ct *crashTrainee) play(base string, stop <-chan struct{}) {
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(base, "http")+"/ws/room", nil)
	if err != nil {
		return
	}
	defer ws.Close()
	ws.WriteJSON(hello{T: "hello", Role: "trainee", Token: ct.token})
	for {
		select {
		case <-stop:
			return
		default:
		}
		ct.n++
		msg := workshop.Message{T: "say", N: ct.n, Text: fmt.Sprintf("reply number %d", ct.n)}
		ct.pending = &msg
		if ws.WriteJSON(msg) != nil {
			return
		}
		for {
			var st traineeState
			ws.SetReadDeadline(time.Now().Add(5 * time.Second))
			if ws.ReadJSON(&st) != nil {
				return
			}
			if st.T == "state" && st.Ack >= msg.N {
				ct.acked = append(ct.acked, msg.Text)
				ct.pending = nil
				break
			}
		}
		time.Sleep(110 * time.Millisecond) // under the rate limit, so only the kill ends this
	}
}

// TestCrashKill9 kills the server with SIGKILL while trainees reply, restarts
// it on the same database, and checks that every acknowledged reply is in
// the transcripts exactly once and that every session goes on.
func TestCrashKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	db := filepath.Join(t.TempDir(), "crash.db")
	srv := startChild(t, db)
	src := strings.Replace(quickScript(t), "time_limit_s = 12", "time_limit_s = 3600", 1)
	room := postRoom(t, srv.base, workshop.Request{Title: "Crash", Custom: []string{src}, Mode: "free"})
	var trainees []*crashTrainee
	for i := range 6 {
		j := postJoin(t, srv.base, room.Code, fmt.Sprintf("T%d", i))
		trainees = append(trainees, &crashTrainee{token: j.Token})
	}
	postAction(t, srv.base, room, workshop.Action{Action: "start"})

	var wg sync.WaitGroup
	stop := make(chan struct{})
	for _, ct := range trainees {
		wg.Add(1)
		// Each player exits when its connection dies with the server.
		go func() { defer wg.Done(); ct.play(srv.base, stop) }()
	}
	time.Sleep(3 * time.Second)
	if err := srv.cmd.Process.Kill(); err != nil { // SIGKILL: no shutdown, no final commit
		t.Fatal(err)
	}
	srv.cmd.Wait()
	wg.Wait()
	total := 0
	for _, ct := range trainees {
		total += len(ct.acked)
	}
	if total < 60 {
		t.Fatalf("only %d replies acknowledged before the kill; the test needs more", total)
	}
	t.Logf("%d replies acknowledged before kill -9", total)

	srv2 := startChild(t, db)
	for i, ct := range trainees {
		ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv2.base, "http")+"/ws/room", nil)
		if err != nil {
			t.Fatal(err)
		}
		ws.WriteJSON(hello{T: "hello", Role: "trainee", Token: ct.token})
		st := readState(t, ws, func(s traineeState) bool { return s.Session != nil })
		said := agentLines(st)
		for _, text := range ct.acked {
			if said[text] != 1 {
				t.Errorf("trainee %d: acknowledged %q appears %d times in the transcript, want 1", i, text, said[text])
			}
		}
		// The page resends what was not acknowledged; it is applied at most once.
		if ct.pending != nil {
			ws.WriteJSON(ct.pending)
			st = readState(t, ws, func(s traineeState) bool { return s.Ack >= ct.pending.N })
		}
		next := workshop.Message{T: "say", N: ct.n + 1, Text: "after the restart"}
		ws.WriteJSON(next)
		st = readState(t, ws, func(s traineeState) bool { return s.Ack >= next.N })
		if st.Session.Ended {
			t.Errorf("trainee %d: session ended (%s) after the restart", i, st.Session.Outcome)
		}
		ws.Close()
	}
	// A fresh look at the store: every log replays, nothing is duplicated.
	for i, ct := range trainees {
		ws, _, _ := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv2.base, "http")+"/ws/room", nil)
		ws.WriteJSON(hello{T: "hello", Role: "trainee", Token: ct.token})
		st := readState(t, ws, func(s traineeState) bool { return s.Session != nil })
		said := agentLines(st)
		if said["after the restart"] != 1 {
			t.Errorf("trainee %d: the reply after the restart appears %d times", i, said["after the restart"])
		}
		if ct.pending != nil && said[ct.pending.Text] > 1 {
			t.Errorf("trainee %d: the resent reply appears %d times", i, said[ct.pending.Text])
		}
		ws.Close()
	}
}

func readState(t *testing.T, ws *websocket.Conn, ok func(traineeState) bool) traineeState {
	t.Helper()
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		var st traineeState
		if err := ws.ReadJSON(&st); err != nil {
			t.Fatalf("reading state: %v", err)
		}
		if st.T == "state" && ok(st) {
			return st
		}
	}
}

// agentLines counts the agent's lines in a full transcript.
func agentLines(st traineeState) map[string]int {
	out := map[string]int{}
	for _, e := range st.Entries {
		if e.Speaker == "agent" {
			out[e.Text]++
		}
	}
	return out
}

package workshop

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// quickRoom returns a room of testdata/quick.roleplay.toml on a fixed clock.
func quickRoom(tb testing.TB, cfg Config) *Room {
	tb.Helper()
	src, err := os.ReadFile("testdata/quick.roleplay.toml")
	if err != nil {
		tb.Fatal(err)
	}
	sc, err := scenarios.ParseRoleplay("quick.roleplay.toml", src)
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Scripts = []ScriptSource{{Name: "quick.roleplay.toml", Source: string(src)}}
	if cfg.Mode == "" {
		cfg.Mode = "choice"
	}
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	return New("ABC347", nil, cfg, []*trainer.Script{sc}, func() time.Time { return now })
}

// TestJoinRules checks who may join a room in which phase.
func TestJoinRules(t *testing.T) {
	tests := []struct {
		name  string
		cfg   Config
		state State
		req   JoinRequest
		want  error
	}{
		{"open room", Config{}, State{}, JoinRequest{Name: "Ann", Mode: "guided"}, nil},
		{"started room", Config{}, State{Started: true}, JoinRequest{Name: "Ann", Mode: "free"}, nil},
		{"no name", Config{}, State{}, JoinRequest{Name: "  ", Mode: "guided"}, ErrBadName},
		{"long name", Config{}, State{}, JoinRequest{Name: string(make([]rune, MaxName+1)), Mode: "guided"}, ErrBadName},
		{"no mode", Config{}, State{}, JoinRequest{Name: "Ann"}, ErrBadMode},
		{"room mode wins", Config{Mode: "guided"}, State{}, JoinRequest{Name: "Ann", Mode: "nonsense"}, nil},
		{"locked", Config{}, State{Locked: true}, JoinRequest{Name: "Ann", Mode: "guided"}, ErrLocked},
		{"ended", Config{}, State{Ended: true, Locked: true}, JoinRequest{Name: "Ann", Mode: "guided"}, ErrEnded},
		{"full", Config{Cap: 1}, State{}, JoinRequest{Name: "Ann", Mode: "guided"}, ErrFull},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rm := quickRoom(t, tc.cfg)
			if tc.cfg.Cap == 1 {
				if _, err := rm.Join(JoinRequest{Name: "First", Mode: "guided"}); err != nil {
					t.Fatal(err)
				}
			}
			rm.State = tc.state
			j, err := rm.Join(tc.req)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Join(%+v) error = %v, want %v", tc.req, err, tc.want)
			}
			if err != nil {
				return
			}
			s := rm.Seat(j.ID)
			if s == nil || !TokenMatches(j.Token, s.Participant.TokenHash) {
				t.Fatalf("Join(%+v) = %+v: no seat with that id and token", tc.req, j)
			}
			if got, want := s.Session != nil, tc.state.Started; got != want {
				t.Errorf("session started = %v, want %v (the room's phase)", got, want)
			}
		})
	}
}

// TestReceiveOnce checks that a resent message is acknowledged, not
// applied twice, and that a refused message says why.
func TestReceiveOnce(t *testing.T) {
	rm := quickRoom(t, Config{})
	j, err := rm.Join(JoinRequest{Name: "Ann", Mode: "guided"})
	if err != nil {
		t.Fatal(err)
	}
	s := rm.Seat(j.ID)
	if _, err := rm.Receive(s, Message{T: "reply", N: 1, ID: "x"}); err == nil {
		t.Fatal("reply before the start accepted")
	}
	if _, err := rm.Act(Action{Action: "start"}); err != nil {
		t.Fatal(err)
	}
	reply := s.Session.Choices()[0].ID
	if applied, err := rm.Receive(s, Message{T: "reply", N: 2, ID: reply}); !applied || err != nil {
		t.Fatalf("Receive(reply 2) = %v, %v; want applied", applied, err)
	}
	turns := s.Session.Turn()
	if applied, err := rm.Receive(s, Message{T: "reply", N: 2, ID: reply}); applied || err != nil || s.Session.Turn() != turns {
		t.Errorf("resent reply 2: applied %v, err %v, turns %d → %d; want acknowledged only", applied, err, turns, s.Session.Turn())
	}
	b, err := rm.TakeBatch()
	if err != nil || len(b.Participants) != 1 || len(b.Events[j.ID]) == 0 {
		t.Errorf("TakeBatch = %d participants, %d events, %v; want the seat and its events", len(b.Participants), len(b.Events[j.ID]), err)
	}
}

// TestActions checks the facilitator's commands on the room's state.
func TestActions(t *testing.T) {
	rm := quickRoom(t, Config{})
	j, _ := rm.Join(JoinRequest{Name: "Ann", Mode: "guided"})
	steps := []struct {
		action Action
		check  func() bool
		want   string
	}{
		{Action{Action: "start"}, func() bool { return rm.State.Started && rm.Seat(j.ID).Running() }, "started with a running session"},
		{Action{Action: "pause"}, func() bool { return rm.State.Paused && rm.Seat(j.ID).Session.Paused() }, "paused"},
		{Action{Action: "resume"}, func() bool { return !rm.State.Paused && !rm.Seat(j.ID).Session.Paused() }, "running"},
		{Action{Action: "lock"}, func() bool { return rm.State.Locked }, "locked"},
		{Action{Action: "remove", Seat: j.ID}, func() bool { return rm.Seat(j.ID).Extra.Removed && rm.Active() == 0 }, "the trainee removed"},
		{Action{Action: "end"}, func() bool { return rm.State.Ended }, "ended"},
	}
	for _, st := range steps {
		if _, err := rm.Act(st.action); err != nil {
			t.Fatalf("Act(%s): %v", st.action.Action, err)
		}
		if !st.check() {
			t.Errorf("after %s: state %+v, want %s", st.action.Action, rm.State, st.want)
		}
	}
	for _, bad := range []Action{{Action: "dance"}, {Action: "remove", Seat: "nobody"}, {Action: "variant", Variant: "none"}} {
		if _, err := rm.Act(bad); err == nil {
			t.Errorf("Act(%+v) accepted", bad)
		}
	}
}

// TestPrepare checks the rules of opening a room.
func TestPrepare(t *testing.T) {
	tests := []struct {
		name string
		req  Request
		ok   bool
	}{
		{"bundled script", Request{Scripts: []string{"cancel-x5"}}, true},
		{"no script", Request{}, false},
		{"unknown script", Request{Scripts: []string{"nope"}}, false},
		{"long title", Request{Title: strings.Repeat("x", 81), Scripts: []string{"cancel-x5"}}, false},
		{"bad mode", Request{Mode: "solo", Scripts: []string{"cancel-x5"}}, false},
		{"cap too big", Request{Cap: 1001, Scripts: []string{"cancel-x5"}}, false},
		{"backdrop too fast", Request{Scripts: []string{"cancel-x5"}, Backdrop: &BackdropConfig{Scenario: "default", Speed: 4000}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, scripts, err := Prepare(tc.req)
			if (err == nil) != tc.ok {
				t.Fatalf("Prepare(%+v) error = %v, want ok %v", tc.req, err, tc.ok)
			}
			if tc.ok && (cfg.Title != "Workshop" || cfg.Mode != "choice" || cfg.Seed == 0 || len(scripts) != 1) {
				t.Errorf("Prepare(%+v) = %+v with %d scripts; want the defaults, a seed and one script", tc.req, cfg, len(scripts))
			}
		})
	}
}

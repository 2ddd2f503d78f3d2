package trainer

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestGuidedAndFreePaths(t *testing.T) {
	tests := []struct {
		name    string
		mode    Mode
		inputs  []string
		outcome string
		pct     float64
		band    string
		pass    bool
	}{
		{"guided best path", ModeGuided, []string{"sorry", "verify"}, "happy", 100, "gold", true},
		{"guided verify only", ModeGuided, []string{"verify"}, "meh", 50, "", false},
		{"free best path", ModeFree, []string{"I'm so sorry!", "Could I have your email?"}, "happy", 100, "gold", true},
		{"free via fallback", ModeFree, []string{"uh", "So sorry", "verify please"}, "happy", 100, "gold", true},
		{"skip is a critical fail", ModeGuided, []string{"sorry", "skip"}, "happy", 50, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := mustStart(t, testScript(), c.opts(tc.mode))
			for _, in := range tc.inputs {
				c.add(2 * time.Second)
				var err error
				if tc.mode == ModeGuided {
					err = s.Reply(in)
				} else {
					err = s.Say(in)
				}
				if err != nil {
					t.Fatalf("input %q: %v", in, err)
				}
			}
			sc := s.Score()
			if got := s.Outcome(); got != tc.outcome {
				t.Errorf("Outcome() = %q, want %q", got, tc.outcome)
			}
			if sc.TotalPct != tc.pct || sc.Band != tc.band || sc.Pass != tc.pass {
				t.Errorf("Score() = %.1f%% band %q pass %v, want %.1f%% band %q pass %v",
					sc.TotalPct, sc.Band, sc.Pass, tc.pct, tc.band, tc.pass)
			}
		})
	}
}

func TestFallback(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.opts(ModeFree))
	if err := s.Say("the weather is nice"); err != nil {
		t.Fatal(err)
	}
	if got := lastCustomer(s); got != "What?" {
		t.Errorf("customer said %q, want the fallback %q", got, "What?")
	}
	if got := varInt(s, "patience"); got != 2 {
		t.Errorf("patience = %d, want 2", got)
	}
	if got := s.Node(); got != "a" {
		t.Errorf("Node() = %q, want a", got)
	}
}

func TestTriggerHangup(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.opts(ModeFree))
	for i := 0; i < 3; i++ {
		if err := s.Say("hmm"); err != nil {
			t.Fatalf("say %d: %v", i, err)
		}
	}
	if got := s.Outcome(); got != "hung_up" {
		t.Errorf("Outcome() = %q, want hung_up", got)
	}
	if got := lastCustomer(s); got != "Bye." {
		t.Errorf("last line %q, want Bye.", got)
	}
	if err := s.Say("hello?"); !errors.Is(err, ErrEnded) {
		t.Errorf("Say after end = %v, want ErrEnded", err)
	}
}

func TestTimers(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(*Script)
		wait     time.Duration
		patience int64
		outcome  string
		lines    int  // "Hello?" lines said
		free     bool // free mode: timers stretched by the time factor (2.5 by default)
	}{
		{"node timeout", nil, 21 * time.Second, 2, "", 1, false},
		{"node timeout re-arms", nil, 41 * time.Second, 0, "hung_up", 2, false},
		{"tick drains patience", func(s *Script) { s.Nodes[0].TimeoutS, s.Nodes[0].OnTimeout = 0, nil },
			61 * time.Second, 1, "", 0, false},
		{"tick drain to hangup in one step", func(s *Script) { s.Nodes[0].TimeoutS, s.Nodes[0].OnTimeout = 0, nil },
			95 * time.Second, 0, "hung_up", 0, false},
		{"time limit", func(s *Script) {
			s.Nodes[0].TimeoutS, s.Nodes[0].OnTimeout, s.Ticks = 0, nil, nil
		}, 301 * time.Second, 3, "timed_out", 0, false},
		{"time limit goes to a node", func(s *Script) {
			s.Nodes[0].TimeoutS, s.Nodes[0].OnTimeout, s.Ticks, s.OnTimeLimit = 0, nil, nil, "meh"
		}, 301 * time.Second, 3, "meh", 0, false},
		{"free mode: no timeout at 21 s", nil, 21 * time.Second, 3, "", 0, true},
		{"free mode: timeout at 50 s", nil, 51 * time.Second, 2, "", 1, true},
		{"free mode: tick at 75 s", func(s *Script) { s.Nodes[0].TimeoutS, s.Nodes[0].OnTimeout = 0, nil },
			76 * time.Second, 2, "", 0, true},
		{"free mode: time limit at 750 s", func(s *Script) {
			s.Nodes[0].TimeoutS, s.Nodes[0].OnTimeout, s.Ticks = 0, nil, nil
		}, 749 * time.Second, 3, "", 0, true},
		{"free mode: own factor", func(s *Script) {
			s.Nodes[0].TimeoutS, s.Nodes[0].OnTimeout, s.Ticks, s.FreeTimeFactor = 0, nil, nil, 1.5
		}, 451 * time.Second, 3, "timed_out", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := testScript()
			if tc.edit != nil {
				tc.edit(sc)
			}
			c := newClock()
			mode := ModeGuided
			if tc.free {
				mode = ModeFree
			}
			s := mustStart(t, sc, c.opts(mode))
			c.add(tc.wait)
			s.Tick()
			if got := varInt(s, "patience"); got != tc.patience {
				t.Errorf("patience = %d, want %d", got, tc.patience)
			}
			if got := s.Outcome(); got != tc.outcome {
				t.Errorf("Outcome() = %q, want %q", got, tc.outcome)
			}
			n := 0
			for _, e := range s.Transcript() {
				if e.Text == "Hello?" {
					n++
				}
			}
			if n != tc.lines {
				t.Errorf("said Hello? %d times, want %d", n, tc.lines)
			}
			if _, err := Replay(sc, s.Events()); err != nil {
				t.Errorf("Replay: %v", err)
			}
		})
	}
}

func TestReplyResetsTimeout(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.opts(ModeGuided))
	c.add(15 * time.Second)
	if err := s.Reply("sorry"); err != nil {
		t.Fatal(err)
	}
	c.add(15 * time.Second) // 30 s since start, 15 s since the reply
	s.Tick()
	if got := varInt(s, "patience"); got != 2 { // one tick at 30 s, no timeout
		t.Errorf("patience = %d, want 2 (tick only)", got)
	}
}

func TestPauseFreezesTimers(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.opts(ModeGuided))
	c.add(10 * time.Second)
	if err := s.Pause(); err != nil {
		t.Fatal(err)
	}
	c.add(time.Hour)
	s.Tick()
	if err := s.Reply("sorry"); !errors.Is(err, ErrPaused) {
		t.Errorf("Reply while paused = %v, want ErrPaused", err)
	}
	if err := s.Resume(); err != nil {
		t.Fatal(err)
	}
	c.add(5 * time.Second)
	s.Tick()
	if got, want := s.Elapsed(), 15*time.Second; got != want {
		t.Errorf("Elapsed() = %v, want %v", got, want)
	}
	if got := varInt(s, "patience"); got != 3 {
		t.Errorf("patience = %d, want 3 (no timer during the pause)", got)
	}
	c.add(6 * time.Second) // 21 s active: node timeout
	s.Tick()
	if got := varInt(s, "patience"); got != 2 {
		t.Errorf("patience = %d, want 2 after the timeout", got)
	}
	if _, err := Replay(testScript(), s.Events()); err != nil {
		t.Errorf("Replay: %v", err)
	}
}

func TestInject(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.opts(ModeGuided))
	if err := s.Pause(); err != nil {
		t.Fatal(err)
	}
	if err := s.Inject("angry"); err != nil {
		t.Fatalf("Inject while paused: %v", err)
	}
	if got := varInt(s, "mood"); got != -3 {
		t.Errorf("mood = %d, want -3", got)
	}
	if got := lastCustomer(s); got != "Grr" {
		t.Errorf("customer said %q, want Grr", got)
	}
	if err := s.Inject("nope"); !errors.Is(err, ErrNoInject) {
		t.Errorf("Inject(nope) = %v, want ErrNoInject", err)
	}
}

func TestVariant(t *testing.T) {
	tests := []struct {
		name, variant, want string
		context, wantErr    bool
	}{
		{"forced with context", "with_context", "with_context", true, false},
		{"forced without", "no_context", "no_context", false, false},
		{"unknown", "sideways", "", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s, err := Start(testScript(), c.optsV(ModeGuided, tc.variant))
			if tc.wantErr {
				if err == nil {
					t.Errorf("Start(variant %q) succeeded, want an error", tc.variant)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Variant() != tc.want || s.HasContext() != tc.context {
				t.Errorf("Variant() = %q context %v, want %q context %v", s.Variant(), s.HasContext(), tc.want, tc.context)
			}
		})
	}
	seen := map[string]bool{}
	for seed := uint64(1); seed <= 40; seed++ {
		s := mustStart(t, testScript(), Options{Seed: seed, Now: newClock().now})
		seen[s.Variant()] = true
	}
	if len(seen) != 2 {
		t.Errorf("40 seeds drew variants %v, want both", seen)
	}
}

func TestOnceAndClamp(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.opts(ModeGuided))
	if err := s.Reply("sorry"); err != nil {
		t.Fatal(err)
	}
	if got := varInt(s, "mood"); got != 5 {
		t.Errorf("mood = %d after += 7 from 0, want 5 (clamped)", got)
	}
	var ids []string
	for _, ch := range s.Choices() {
		ids = append(ids, ch.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"skip", "verify"}) {
		t.Errorf("Choices() = %v, want [verify skip]", ids)
	}
	if err := s.Reply("sorry"); !errors.Is(err, ErrNoReply) {
		t.Errorf("second Reply(sorry) = %v, want ErrNoReply", err)
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name   string
		inputs []string
		fired  []string
		capped bool
	}{
		{"verify before the tag", []string{"sorry", "verify by email"}, nil, false},
		{"require before tag fires", []string{"sorry", "skip"}, []string{"verify-first"}, false},
		{"forbid fires", []string{"whatever, my email?"}, []string{"no-whatever"}, false},
		{"both", []string{"whatever"}, []string{"no-whatever", "verify-first"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := mustStart(t, testScript(), c.opts(ModeFree))
			for _, in := range tc.inputs {
				if err := s.Say(in); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			for _, h := range s.Debrief().Rules {
				got = append(got, h.ID)
			}
			if !slices.Equal(got, tc.fired) {
				t.Errorf("rules fired %v, want %v", got, tc.fired)
			}
			if sc := s.Score(); sc.Capped != tc.capped {
				t.Errorf("Score().Capped = %v (%.1f%%), want %v", sc.Capped, sc.TotalPct, tc.capped)
			}
		})
	}
}

func TestCriticalCap(t *testing.T) {
	sc := testScript()
	sc.Rubric.Dims = append(sc.Rubric.Dims, Dim{ID: "bonus", Weight: 8, Max: 1, Auto: "1"})
	c := newClock()
	s := mustStart(t, sc, c.opts(ModeGuided))
	for _, id := range []string{"sorry", "skip"} {
		if err := s.Reply(id); err != nil {
			t.Fatal(err)
		}
	}
	got := s.Score()
	if got.TotalPct != 59 || got.Pass || !got.Capped {
		t.Errorf("Score() = %.1f%% pass %v capped %v, want 59%% (one below the pass mark), fail, capped", got.TotalPct, got.Pass, got.Capped)
	}
}

func TestRuntimeErrorsAreRecorded(t *testing.T) {
	sc := testScript()
	sc.Nodes[0].Replies[0].Do = []string{"mood = 1 / (mood - mood)"}
	s := mustStart(t, sc, newClock().opts(ModeGuided))
	if err := s.Reply("sorry"); err != nil {
		t.Fatal(err)
	}
	if got := s.Errors(); len(got) != 1 {
		t.Errorf("Errors() = %v, want one division by zero", got)
	}
}

func TestDebriefText(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.optsV(ModeGuided, "no_context"))
	for _, id := range []string{"sorry", "verify"} {
		c.add(3 * time.Second)
		if err := s.Reply(id); err != nil {
			t.Fatal(err)
		}
	}
	d := s.Debrief()
	if d.Outcome != "happy" || d.Turns != 2 || len(d.TurnTimes) != 2 || d.TurnTimes[1].Seconds != 3 {
		t.Errorf("Debrief() = outcome %q turns %d times %v, want happy, 2, 3 s each", d.Outcome, d.Turns, d.TurnTimes)
	}
	want := []string{"a", "b", "happy"}
	if !slices.Equal(d.Path, want) {
		t.Errorf("Debrief().Path = %v, want %v", d.Path, want)
	}
	text := d.Text()
	for _, frag := range []string{"Outcome: happy after 2 turns", "Score: 100.0% PASS", "Path: a → b → happy", "agent:    so sorry"} {
		if !strings.Contains(text, frag) {
			t.Errorf("Debrief().Text() lacks %q:\n%s", frag, text)
		}
	}
}

func TestReplayRandom(t *testing.T) {
	sc := testScript()
	for seed := uint64(1); seed <= 200; seed++ {
		s, err := RandomPlay(sc, seed, "", 100)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Replay(sc, s.Events())
		if err != nil {
			t.Fatalf("seed %d: Replay: %v", seed, err)
		}
		if got, want := r.Debrief(), s.Debrief(); !slices.Equal(got.Path, want.Path) || got.Score.TotalPct != want.Score.TotalPct ||
			len(got.Transcript) != len(want.Transcript) || got.Outcome != want.Outcome {
			t.Fatalf("seed %d: replay differs: %v %v vs %v %v", seed, got.Outcome, got.Path, want.Outcome, want.Path)
		}
	}
}

// TestReplayLive checks that a session rebuilt with ReplayLive goes on with
// the live clock: time passing after the replay counts.
func TestReplayLive(t *testing.T) {
	c := newClock()
	s := mustStart(t, testScript(), c.opts(ModeGuided))
	c.add(10 * time.Second)
	if err := s.Reply("sorry"); err != nil {
		t.Fatal(err)
	}
	live := newClock()
	live.t = c.t
	r, err := ReplayLive(testScript(), s.Events(), live.now)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Elapsed(), 10*time.Second; got != want {
		t.Errorf("Elapsed() right after ReplayLive = %v, want %v", got, want)
	}
	live.add(7 * time.Second)
	r.Tick()
	if got, want := r.Elapsed(), 17*time.Second; got != want {
		t.Errorf("Elapsed() 7 s later = %v, want %v (the live clock)", got, want)
	}
	frozen, err := Replay(testScript(), s.Events())
	if err != nil {
		t.Fatal(err)
	}
	live.add(7 * time.Second)
	frozen.Tick()
	if got := frozen.Elapsed(); got != 10*time.Second {
		t.Errorf("Elapsed() after Replay = %v, want 10s (frozen clock)", got)
	}
}

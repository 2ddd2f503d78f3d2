package scenarios

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

func bundled(tb testing.TB) map[string]*trainer.Script {
	tb.Helper()
	out := map[string]*trainer.Script{}
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			tb.Fatalf("BundledRoleplay(%q): %v", name, err)
		}
		out[name] = sc
	}
	return out
}

// TestReplayBundled plays each bundled script 1,000 times with random seeded
// actions and checks that the event log, through JSON, replays to the same
// state, score and transcript.
func TestReplayBundled(t *testing.T) {
	runs := 1000
	if testing.Short() {
		runs = 100
	}
	for name, sc := range bundled(t) {
		t.Run(name, func(t *testing.T) {
			outcomes := map[string]int{}
			for seed := uint64(1); seed <= uint64(runs); seed++ {
				s, err := trainer.RandomPlay(sc, seed, "", 300)
				if err != nil {
					t.Fatal(err)
				}
				outcomes[s.Outcome()]++
				data, err := json.Marshal(s.Events())
				if err != nil {
					t.Fatal(err)
				}
				var events []trainer.Event
				if err := json.Unmarshal(data, &events); err != nil {
					t.Fatal(err)
				}
				r, err := trainer.Replay(sc, events)
				if err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				if got, want := r.Debrief(), s.Debrief(); !reflect.DeepEqual(got, want) {
					t.Fatalf("seed %d: replayed debrief differs:\n got %+v\nwant %+v", seed, got, want)
				}
				if got, want := r.Choices(), s.Choices(); !reflect.DeepEqual(got, want) {
					t.Fatalf("seed %d: replayed choices %v, want %v", seed, got, want)
				}
			}
			if len(outcomes) < 3 {
				t.Errorf("outcomes %v: want at least 3 different endings over %d runs", outcomes, runs)
			}
		})
	}
}

func TestReplayRejectsOtherScript(t *testing.T) {
	scs := bundled(t)
	a, b := scs["cancel-x5"], scs["failed-bot"]
	s, err := trainer.RandomPlay(a, 1, "", 20)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := trainer.Replay(b, s.Events()); err == nil {
		t.Error("Replay of a cancel-x5 log on failed-bot succeeded")
	}
}

func FuzzScript(f *testing.F) {
	f.Add([]byte(miniScript))
	for _, name := range RoleplayNames() {
		data, _ := RoleplaySource(name)
		f.Add(data)
	}
	f.Add([]byte("[node.a]\nbranch = [ { when = \"((\", goto = \"a\" } ]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		LintRoleplay("fuzz.roleplay.toml", data)
		sc, err := ParseRoleplay("fuzz.roleplay.toml", data)
		if err != nil {
			return
		}
		trainer.Lint(sc)
		trainer.RandomPlay(sc, 1, "", 20)
	})
}

// FuzzSession drives the bundled scripts with arbitrary actions: choices,
// free text, waits, pauses and injects. It must never panic, and every log
// must replay.
func FuzzSession(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7}, "sorry, what's your email?")
	f.Add([]byte{5, 5, 5, 5, 5, 5}, "")
	f.Add([]byte{9, 200, 31, 7, 88, 1, 2, 64}, "I'll cancel it and refund you in 3 days")
	scripts := bundled(f)
	f.Fuzz(func(t *testing.T, ops []byte, text string) {
		for _, sc := range scripts {
			at := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
			mode := trainer.ModeGuided
			if len(ops) > 0 && ops[0]%2 == 1 {
				mode = trainer.ModeFree
			}
			s, err := trainer.Start(sc, trainer.Options{Mode: mode, Seed: uint64(len(ops)) + 1, Now: func() time.Time { return at }})
			if err != nil {
				t.Fatal(err)
			}
			for i, op := range ops {
				at = at.Add(time.Duration(op) * 300 * time.Millisecond)
				fuzzStep(s, sc, op, i, text)
			}
			s.Debrief().Text()
			if _, err := trainer.Replay(sc, s.Events()); err != nil {
				t.Fatalf("Replay: %v", err)
			}
		}
	})
}

func fuzzStep(s *trainer.Session, sc *trainer.Script, op byte, i int, text string) {
	switch op % 8 {
	case 0, 1:
		if ch := s.Choices(); len(ch) > 0 {
			_ = s.Reply(ch[int(op/8)%len(ch)].ID)
		}
	case 2, 3:
		if text != "" {
			_ = s.Say(text[:int(op)%len(text)+1])
		}
	case 4:
		s.Tick()
	case 5:
		_ = s.Pause()
		_ = s.Resume()
	case 6:
		if len(sc.Injects) > 0 {
			_ = s.Inject(sc.Injects[i%len(sc.Injects)].ID)
		}
	case 7:
		_ = s.Say(s.Node() + " " + text)
	}
}

// BenchmarkStep measures one session step (a guided Reply or a free-text Say
// with pattern matching) on the bundled scripts.
func BenchmarkStep(b *testing.B) {
	for name, sc := range bundled(b) {
		for _, mode := range []trainer.Mode{trainer.ModeGuided, trainer.ModeFree} {
			b.Run(name+"/"+string(mode), func(b *testing.B) {
				at := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
				now := func() time.Time { return at }
				var s *trainer.Session
				examples := exampleIndex(sc)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if s == nil || s.Ended() {
						b.StopTimer()
						var err error
						s, err = trainer.Start(sc, trainer.Options{Mode: mode, Seed: uint64(i) + 1, Now: now})
						if err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
					}
					at = at.Add(2 * time.Second)
					ch := s.Choices()
					if len(ch) == 0 {
						s.Tick()
						continue
					}
					c := ch[i%len(ch)]
					if mode == trainer.ModeGuided {
						_ = s.Reply(c.ID)
					} else {
						_ = s.Say(examples[c.ID])
					}
				}
			})
		}
	}
}

func exampleIndex(sc *trainer.Script) map[string]string {
	out := map[string]string{}
	for _, n := range sc.Nodes {
		for _, r := range n.Replies {
			out[r.ID] = r.Label
			if len(r.Examples) > 0 {
				out[r.ID] = r.Examples[len(r.Examples)-1]
			}
		}
	}
	return out
}

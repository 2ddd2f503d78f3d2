package scenarios

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// TestInnocentLinesFireNoRule plays ordinary, polite agent lines at the
// start of bundled scripts: none may fire a rule. A short clause such as
// "one sec" once fired are-you-a-bot's critical no-false-human rule through
// character n-grams shared with its example "Ava is one of us".
func TestInnocentLinesFireNoRule(t *testing.T) {
	tests := []struct{ script, variant, line string }{
		{"are-you-a-bot", "with_context", "Hi Tomas, I'm really sorry about that. Let me check the order for you, one sec"},
		{"are-you-a-bot", "no_context", "Hello, thanks for waiting, bear with me a moment"},
		{"failed-bot", "with_context", "Hi Sam, thanks for holding, give me one second"},
		{"cancel-x5", "with_context", "Hi Dana, thanks for your patience, one moment"},
		{"bereavement", "", "Good afternoon, you're through to Alex, one sec while I open your details"},
	}
	for _, tc := range tests {
		t.Run(tc.script+": "+tc.line, func(t *testing.T) {
			sc, err := BundledRoleplay(tc.script)
			if err != nil {
				t.Fatal(err)
			}
			s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Variant: tc.variant, Now: func() time.Time { return time.Unix(0, 0) }})
			if err != nil {
				t.Fatal(err)
			}
			if u := s.Understand(tc.line); len(u.Fires) > 0 {
				t.Errorf("Understand(%q).Fires = %+v, want none", tc.line, u.Fires)
			}
		})
	}
}

// TestBetterFitsTheVariant: in failed-bot's no-context hand-off, the advice
// never suggests a reply written for the hand-off with context ("you're
// already verified").
func TestBetterFitsTheVariant(t *testing.T) {
	sc, err := BundledRoleplay("failed-bot")
	if err != nil {
		t.Fatal(err)
	}
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Seed: 3, Variant: "no_context", Now: func() time.Time { return time.Unix(0, 0) }})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Say("sorry about the bot. don't worry about security checks, I'll just refund the second charge now"); err != nil {
		t.Fatal(err)
	}
	s.Quit()
	d := s.Debrief()
	if len(d.Better) == 0 {
		t.Fatal("no advice after a failed session")
	}
	for _, a := range d.Better {
		if strings.Contains(a.Example, "already verified") || strings.Contains(a.Example, "bot's notes") {
			t.Errorf("advice for the no-context hand-off quotes a reply for the context one: %+v", a)
		}
	}
}

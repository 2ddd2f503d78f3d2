package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// TestLineEditor feeds keystrokes to the line editor and checks the line it
// returns, what it echoed and whether it quit.
func TestLineEditor(t *testing.T) {
	tests := []struct {
		name     string
		keys     string
		line     string
		echo     string
		quit     bool
		complete bool
	}{
		{"plain line", "hello\r", "hello", "hello", false, true},
		{"newline ends a line too", "ok\n", "ok", "ok", false, true},
		{"backspace", "hella\x7fo\r", "hello", "hella\b \bo", false, true},
		{"backspace on empty line", "\x7fhi\r", "hi", "hi", false, true},
		{"ctrl-h", "ab\x08c\r", "ac", "ab\b \bc", false, true},
		{"arrow keys are ignored", "a\x1b[Db\x1b[1;5Cc\r", "abc", "abc", false, true},
		{"non-ASCII runes", "grüß 😀\x7f\r", "grüß ", "grüß 😀\b \b", false, true},
		{"control characters are ignored", "a\x01\x07b\r", "ab", "ab", false, true},
		{"ctrl-c quits", "abc\x03", "abc", "abc", true, false},
		{"ctrl-d on an empty line quits", "\x04", "", "", true, false},
		{"ctrl-d with text is ignored", "ab\x04c\r", "abc", "abc", false, true},
		{"unfinished line", "abc", "abc", "abc", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			e := lineEditor{out: &out}
			quit, complete := false, false
			for _, k := range tc.keys {
				switch e.key(k) {
				case editQuit:
					quit = true
				case editEnter:
					complete = true
				}
				if quit || complete {
					break
				}
			}
			if got := e.take(); got != tc.line {
				t.Errorf("line = %q, want %q", got, tc.line)
			}
			if got := out.String(); got != tc.echo {
				t.Errorf("echo = %q, want %q", got, tc.echo)
			}
			if quit != tc.quit || complete != tc.complete {
				t.Errorf("quit, complete = %v, %v; want %v, %v", quit, complete, tc.quit, tc.complete)
			}
		})
	}
}

// TestTerminalTickKeepsTyping plays cancel-x5 on a fake raw terminal (a pipe
// of keystrokes and a buffer) in a synctest bubble: the trainee types half a
// line, the node times out and the customer speaks, and the prompt is
// redrawn with the half line, which the trainee then finishes. The clock on
// the prompt advances every second.
func TestTerminalTickKeepsTyping(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sc, err := scenarios.BundledRoleplay("cancel-x5")
		if err != nil {
			t.Fatal(err)
		}
		s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Seed: 3, Variant: "no_context", Now: time.Now})
		if err != nil {
			t.Fatal(err)
		}
		keys, typing := io.Pipe()
		var out bytes.Buffer
		term := &terminal{out: &out, ansi: true, raw: true, ed: lineEditor{out: &out}, p: messages.Printer(i18n.English)}
		finished := make(chan struct{})
		go func() { // exits when the session ends (Ctrl-C below)
			term.play(context.Background(), s, keys)
			close(finished)
		}()
		io.WriteString(typing, "Sorr")
		synctest.Wait()
		before := out.Len()
		timeout := time.Duration(float64(sc.Nodes[0].TimeoutS)*sc.TimeFactor(trainer.ModeFree)) * time.Second
		time.Sleep(timeout + time.Second)
		synctest.Wait()
		after := out.String()[before:]
		spoke := strings.LastIndex(after, sc.Persona.Name+":")
		redrawn := strings.LastIndex(after, "> \x1b[0mSorr")
		if spoke < 0 || redrawn < spoke {
			t.Errorf("after the timeout, want a customer line and then the prompt with the half line; got %q", after)
		}
		if want := "⏱ " + fmtClock(timeout+time.Second) + "/"; !strings.Contains(after, want) {
			t.Errorf("the prompt clock never showed %q; got %q", want, after)
		}
		io.WriteString(typing, "y the bot went in circles, that's frustrating\r")
		synctest.Wait()
		var said string
		for _, e := range s.Transcript() {
			if e.Speaker == "agent" {
				said = e.Text
			}
		}
		if want := "Sorry the bot went in circles, that's frustrating"; said != want {
			t.Errorf("the agent said %q, want %q", said, want)
		}
		io.WriteString(typing, "\x03")
		<-finished
		typing.Close()
		if got := s.Outcome(); got != "quit" {
			t.Errorf("Outcome() = %q after Ctrl-C, want quit", got)
		}
	})
}

// TestTrainRefusesLongLine pipes a line longer than the limit: it is refused
// with a message and the session goes on to the next line.
func TestTrainRefusesLongLine(t *testing.T) {
	long := strings.Repeat("sorry ", maxLine/6+10)
	out, errOut, code := ccsimIn(t, long+"\nempathize\n/quit\n", "train", "cancel-x5", "--seed", "3", "--variant", "no_context")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"That line is longer than 64 KB and was not sent", "You: Sorry the bot went in circles", "Outcome: quit after 1 turns"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

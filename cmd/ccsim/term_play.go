package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/ccsim/ccsim/trainer"
	"golang.org/x/term"
)

// play runs the session until it ends, stdin closes or ctx is cancelled. On
// a terminal in raw mode it reads keys into the line editor and redraws the
// prompt, with the clock, every second; otherwise it reads whole lines.
func (t *terminal) play(ctx context.Context, s *trainer.Session, stdin io.Reader) {
	done := make(chan struct{})
	defer close(done)
	t.playFrom(ctx, s, newLineInput(stdin, t.raw, done))
}

// playFrom is play reading from in, which the caller may go on reading
// afterwards (the closing pulse of ccsim train --pulse).
func (t *terminal) playFrom(ctx context.Context, s *trainer.Session, in lineInput) {
	lines, keys := in.lines, in.keys
	var second <-chan time.Time
	if keys != nil {
		tk := time.NewTicker(time.Second)
		defer tk.Stop()
		second = tk.C
	}
	t.update(s)
	for !s.Ended() {
		var timer <-chan time.Time
		var tm *time.Timer
		if at, ok := s.NextTimer(); ok {
			tm = time.NewTimer(time.Until(at) + 5*time.Millisecond)
			timer = tm.C
		}
		select {
		case <-ctx.Done():
			s.Quit()
		case <-timer:
			if s.Tick() {
				t.update(s)
			}
		case <-second:
			if s.Tick() {
				t.update(s)
			} else {
				t.ed.redraw(t.prompt(s))
			}
		case l, ok := <-lines:
			switch {
			case !ok:
				s.Quit()
			case l.tooLong:
				t.p.Fprintf(t.out, "  That line is longer than %d KB and was not sent; say it in shorter lines.\n", maxLine/1024)
			default:
				t.input(s, l.text)
			}
		case k, ok := <-keys:
			t.key(s, k, ok)
		}
		if tm != nil {
			tm.Stop()
		}
	}
	t.flush(s)
	if t.raw {
		fmt.Fprintln(t.out)
	}
}

// key handles one key typed on a terminal in raw mode; ok is false at end of input.
func (t *terminal) key(s *trainer.Session, k rune, ok bool) {
	if !ok {
		s.Quit()
		return
	}
	switch t.ed.key(k) {
	case editEnter:
		line := t.ed.take()
		fmt.Fprintln(t.out)
		t.input(s, line)
	case editQuit:
		fmt.Fprintln(t.out)
		s.Quit()
	}
}

// makeRaw puts a terminal stdin in raw mode, so the line editor sees each
// key, and returns the function that restores it. Without colour (piped
// input or output) it does nothing.
func (t *terminal) makeRaw(stdin io.Reader) (restore func()) {
	f, ok := stdin.(*os.File)
	if !t.ansi || !ok {
		return func() {}
	}
	old, err := term.MakeRaw(int(f.Fd()))
	if err != nil {
		return func() {}
	}
	t.raw = true
	t.out = crlfWriter{t.out}
	t.ed.out = t.out
	return func() {
		_ = term.Restore(int(f.Fd()), old)
		t.out = t.out.(crlfWriter).w
	}
}

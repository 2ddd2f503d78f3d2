package main

import (
	"bufio"
	"io"
	"strings"
	"unicode"
)

// Keys the line editor understands besides printable runes.
const (
	keyCtrlC     = 0x03
	keyCtrlD     = 0x04
	keyBackspace = 0x7f
	keyCtrlH     = 0x08
	keyEscape    = 0x1b
)

// lineEditor is the trainee's input line on a terminal in raw mode: it
// echoes printable runes, handles backspace, enter, Ctrl-C and Ctrl-D, and
// can redraw the prompt with the partial input after other output, so a
// customer line or a clock tick never erases what the trainee is typing.
type lineEditor struct {
	out    io.Writer
	buf    []rune
	escape int // bytes of an escape sequence still to swallow: 1 after ESC, 2 inside CSI
}

// editResult is what one key did.
type editResult int

const (
	editNone  editResult = iota // the line goes on
	editEnter                   // the line is complete: take it with take
	editQuit                    // Ctrl-C, or Ctrl-D on an empty line
)

// key applies one key to the line.
func (e *lineEditor) key(r rune) editResult {
	if e.escape > 0 {
		e.swallow(r)
		return editNone
	}
	switch {
	case r == '\r' || r == '\n':
		return editEnter
	case r == keyCtrlC:
		return editQuit
	case r == keyCtrlD:
		if len(e.buf) == 0 {
			return editQuit
		}
	case r == keyBackspace || r == keyCtrlH:
		if len(e.buf) > 0 {
			e.buf = e.buf[:len(e.buf)-1]
			io.WriteString(e.out, "\b \b")
		}
	case r == keyEscape:
		e.escape = 1
	case unicode.IsPrint(r):
		e.buf = append(e.buf, r)
		io.WriteString(e.out, string(r))
	}
	return editNone
}

// swallow skips an escape sequence (arrow keys and the like): ESC [ params final.
func (e *lineEditor) swallow(r rune) {
	switch {
	case e.escape == 1 && (r == '[' || r == 'O'):
		e.escape = 2
	case e.escape == 2 && (r < 0x40 || r > 0x7e):
		// a parameter byte: keep swallowing
	default:
		e.escape = 0
	}
}

// take returns the line typed so far and empties it.
func (e *lineEditor) take() string {
	s := string(e.buf)
	e.buf = e.buf[:0]
	return s
}

// redraw clears the terminal line and writes prompt and the partial input.
func (e *lineEditor) redraw(prompt string) {
	io.WriteString(e.out, "\r\x1b[2K"+prompt+string(e.buf))
}

// readKeys sends the runes read from r on the returned channel and closes it
// at EOF or on a read error. The goroutine exits then, or once done is closed
// and a key arrives; on a real terminal it may stay blocked in Read until the
// process exits.
func readKeys(r io.Reader, done <-chan struct{}) <-chan rune {
	ch := make(chan rune)
	go func() {
		defer close(ch)
		br := bufio.NewReader(r)
		for {
			k, _, err := br.ReadRune()
			if err != nil {
				return
			}
			select {
			case ch <- k:
			case <-done:
				return
			}
		}
	}()
	return ch
}

// crlfWriter turns "\n" into "\r\n": a terminal in raw mode does not.
type crlfWriter struct{ w io.Writer }

func (c crlfWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(c.w, strings.ReplaceAll(string(p), "\n", "\r\n")); err != nil {
		return 0, err
	}
	return len(p), nil
}

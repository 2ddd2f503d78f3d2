package main

import "io"

// lineInput is the trainee's input: whole lines (piped input, or a terminal
// in cooked mode) or keys (a terminal in raw mode, read by the line editor
// during play). One lineInput serves a whole ccsim train run, so that no
// reader started for one part swallows what was typed for the next.
type lineInput struct {
	lines <-chan inputLine
	keys  <-chan rune
}

// newLineInput reads stdin as keys when keys is set, else as lines, until
// done is closed.
func newLineInput(stdin io.Reader, keys bool, done <-chan struct{}) lineInput {
	if keys {
		return lineInput{keys: readKeys(stdin, done)}
	}
	return lineInput{lines: readLines(stdin, done)}
}

// line reads one line outside play: from lines, or from keys up to the end
// of a line (the terminal is then in cooked mode and echoes itself); false
// at the end of input. An over-long line reads as empty.
func (in lineInput) line() (string, bool) {
	if in.lines != nil {
		l, ok := <-in.lines
		return l.text, ok
	}
	var buf []rune
	for k := range in.keys {
		if k == '\n' || k == '\r' {
			return string(buf), true
		}
		buf = append(buf, k)
	}
	return string(buf), len(buf) > 0
}

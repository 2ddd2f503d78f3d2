package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxLine is the longest piped line ccsim train accepts, in bytes; a longer
// line is refused with a message and the session goes on.
const maxLine = bufio.MaxScanTokenSize

// inputLine is one line of piped input, or the news that a line was too long.
type inputLine struct {
	text    string
	tooLong bool
}

// readLines sends stdin's lines on the returned channel and closes it at EOF.
// A line longer than maxLine is skipped up to its end and sent as tooLong.
// The goroutine exits at EOF or once done is closed and a line arrives; on a
// real terminal it may stay blocked in Read until the process exits.
func readLines(r io.Reader, done <-chan struct{}) <-chan inputLine {
	ch := make(chan inputLine)
	go func() {
		defer close(ch)
		br := bufio.NewReaderSize(r, 4096)
		for {
			l, err := readLine(br)
			if err != nil && l.text == "" && !l.tooLong {
				return
			}
			select {
			case ch <- l:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return ch
}

// readLine reads one line without its end (\n or \r\n), keeping at most maxLine bytes.
func readLine(br *bufio.Reader) (inputLine, error) {
	var buf []byte
	var l inputLine
	for {
		part, err := br.ReadSlice('\n')
		if !l.tooLong {
			buf = append(buf, part...)
			if len(bytes.TrimRight(buf, "\r\n")) > maxLine {
				l.tooLong, buf = true, nil
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if !l.tooLong {
			l.text = string(bytes.TrimRight(buf, "\r\n"))
		}
		return l, err
	}
}

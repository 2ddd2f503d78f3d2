package records

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// This file reads the "Anonymous Bank" call-by-call records (Technion SEE
// lab, Israel 1999): 17 tab-separated fields, dates yymmdd, clock times
// h:mm:ss, durations in whole seconds. The quirks it handles are listed in
// data/anonymous-bank/README.md; each is counted in the Issues.

// bankFields are the 17 header names, in order.
var bankFields = []string{"vru+line", "call_id", "customer_id", "priority", "type", "date", "vru_entry",
	"vru_exit", "vru_time", "q_start", "q_exit", "q_time", "outcome", "ser_start", "ser_exit", "ser_time", "server"}

// Field positions.
const (
	bType = 4 + iota
	bDate
	bVRUEntry
	bVRUExit
	bVRUTime
	bQStart
	bQExit
	bQTime
	bOutcome
	bSerStart
	bSerExit
	bSerTime
	bServer
)

// bankTypes are the valid service types: regular banking, in English, stock
// trading, prospective customers, internet support, callbacks put on hold.
var bankTypes = map[string]bool{"PS": true, "PE": true, "NE": true, "NW": true, "IN": true, "TT": true}

// maxLine is the longest line read; longer lines are dropped as malformed.
const maxLine = 64 << 10

// ErrFormat is wrapped by reader errors about a file that is not in the
// expected format at all (as opposed to individual malformed records).
var ErrFormat = errors.New("records: unknown record format")

// ReadBank reads Anonymous Bank records from r; name labels example places in
// the issues. Malformed records are counted by reason in the result's Issues;
// the error is non-nil only when reading fails or the file is not in this
// format.
func ReadBank(r io.Reader, name string) (*Set, error) {
	set := &Set{Source: "anonymous-bank", Files: []string{name}, Dated: true}
	iss := lineIssues{&set.Issues, name}
	lr := newLineReader(r)
	for {
		line, n, tooLong, err := lr.next()
		if err == io.EOF && n == 0 {
			return nil, fmt.Errorf("%s: %w: the file is empty", name, ErrFormat)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if n == 1 {
			if isBankHeader(line) {
				continue
			}
			if f := bankSplit(line); len(f) != len(bankFields) || !isDigits(f[bDate]) {
				return nil, fmt.Errorf("%s:1: %w: the first line is neither the Anonymous Bank header (%s …) nor a 17-field record",
					name, ErrFormat, strings.Join(bankFields[:4], "\\t"))
			}
		}
		set.Lines++
		if tooLong {
			iss.drop(n, fmt.Sprintf("line longer than %d bytes", maxLine))
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			iss.drop(n, "empty line")
			continue
		}
		if rec, ok := parseBankLine(line, n, iss); ok {
			set.Records = append(set.Records, rec)
		}
	}
	return set, nil
}

func isBankHeader(line []byte) bool {
	f := bankSplit(line)
	if len(f) != len(bankFields) {
		return false
	}
	for i, h := range bankFields {
		if !strings.EqualFold(strings.TrimSpace(f[i]), h) {
			return false
		}
	}
	return true
}

// bankSplit splits on tabs, or on runs of white space when tabs do not give
// 17 fields (some monthly files have a run of spaces for a tab).
func bankSplit(line []byte) []string {
	s := strings.TrimRight(string(line), "\r\n")
	f := strings.Split(s, "\t")
	if len(f) != len(bankFields) {
		if g := strings.Fields(s); len(g) == len(bankFields) {
			return g
		}
	}
	return f
}

// bankRow is one line's values, parsed but not yet interpreted.
type bankRow struct {
	n                                                   int
	typ, outcome, server                                string
	day                                                 int
	vruEntry, vruExit, qStart, qExit, serStart, serExit float64 // clock times, seconds since midnight
	vruTime, qTime, serTime                             float64 // durations, seconds
}

// parseBankLine converts one record, reporting problems to iss.
func parseBankLine(line []byte, n int, iss lineIssues) (Record, bool) {
	row, reason := splitBankLine(line, n)
	if reason != "" {
		iss.drop(n, reason)
		return Record{}, false
	}
	if !strings.Contains(string(line), "\t") {
		iss.keep(n, "fields separated by spaces, not tabs", "split on white space")
	}
	return row.record(iss)
}

// splitBankLine parses a line's fields; reason says why it cannot be used.
func splitBankLine(line []byte, n int) (r bankRow, reason string) {
	f := bankSplit(line)
	if len(f) != len(bankFields) {
		return r, fmt.Sprintf("wrong number of fields (%d, want 17)", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	r = bankRow{n: n, typ: f[bType], outcome: f[bOutcome], server: f[bServer]}
	switch {
	case r.outcome == "PHANTOM":
		return r, "PHANTOM call (the documentation says to ignore them)"
	case r.outcome != "AGENT" && r.outcome != "HANG":
		return r, fmt.Sprintf("unknown outcome %q", clip(r.outcome))
	case !bankTypes[r.typ]:
		return r, fmt.Sprintf("unknown type code %q", clip(r.typ))
	}
	var ok bool
	if r.day, ok = parseYYMMDD(f[bDate]); !ok {
		return r, "unparsable date (want yymmdd)"
	}
	clocks := []*float64{&r.vruEntry, &r.vruExit, &r.qStart, &r.qExit, &r.serStart, &r.serExit}
	for i, k := range []int{bVRUEntry, bVRUExit, bQStart, bQExit, bSerStart, bSerExit} {
		if *clocks[i], ok = parseClock(f[k]); !ok {
			return r, fmt.Sprintf("unparsable time in %s (want h:mm:ss)", bankFields[k])
		}
	}
	durs := []*float64{&r.vruTime, &r.qTime, &r.serTime}
	for i, k := range []int{bVRUTime, bQTime, bSerTime} {
		v, err := strconv.Atoi(f[k])
		if err != nil {
			return r, fmt.Sprintf("unparsable %s (want whole seconds)", bankFields[k])
		}
		*durs[i] = float64(v)
	}
	if r.qTime < 0 || r.serTime < 0 {
		return r, "negative duration (q_time or ser_time)"
	}
	return r, ""
}

// record interprets a row: sentinel zeros, midnight, outcomes. Durations
// are used rather than clock differences (the clocks disagree by a second).
func (r bankRow) record(iss lineIssues) (Record, bool) {
	rec := Record{Line: r.n, Day: r.day, Type: r.typ, Arrival: r.vruEntry, Front: math.NaN(), Queue: math.NaN(), Service: math.NaN()}
	if r.vruTime >= 0 {
		rec.Front = r.vruTime
	} else {
		iss.keep(r.n, "negative vru_time (vru_exit before vru_entry)", "VRU time ignored, record kept")
	}
	// 0:00:00 means "not queued" unless the duration or exit clock says otherwise (then it is midnight).
	rec.Queued = r.qStart != 0 || r.qExit != 0 || r.qTime > 0
	if rec.Queued {
		rec.Queue = unwrap(r.qStart, r.vruEntry)
		rec.Wait = r.qTime
	}
	if r.outcome == "HANG" {
		rec.Outcome = FrontHangup
		if rec.Queued {
			rec.Outcome = Abandoned
		}
		if r.serTime > 0 {
			iss.keep(r.n, "HANG with a service time", "service ignored, counted as hung up")
		}
		return rec, true
	}
	rec.Outcome = Answered
	rec.Service = r.serTime
	if !rec.Queued {
		start := r.serStart
		if start == 0 && r.serExit == 0 {
			start = r.vruExit
		}
		rec.Queue = unwrap(start, r.vruEntry)
	}
	if rec.Agent = r.server; rec.Agent == "NO_SERVER" {
		rec.Agent = ""
		iss.keep(r.n, "AGENT with server NO_SERVER", "kept as answered, agent unknown")
	}
	return rec, true
}

// clip shortens a value quoted in an issue reason, so that garbage does not
// create a new reason per record.
func clip(s string) string {
	if len(s) > 12 {
		return s[:12] + "…"
	}
	return s
}

// lineReader returns lines of any length without holding more than maxLine bytes.
type lineReader struct {
	br   *bufio.Reader
	n    int
	buf  []byte
	done bool
}

func newLineReader(r io.Reader) *lineReader { return &lineReader{br: bufio.NewReaderSize(r, 64<<10)} }

// next returns the next line (without its end), its number from 1, and
// whether it was cut because it exceeded maxLine.
func (l *lineReader) next() (line []byte, n int, tooLong bool, err error) {
	if l.done {
		return nil, l.n, false, io.EOF
	}
	l.buf = l.buf[:0]
	for {
		part, isPrefix, err := l.br.ReadLine()
		if err == io.EOF {
			l.done = true
			if len(l.buf) == 0 && !tooLong {
				return nil, l.n, false, io.EOF
			}
			break
		}
		if err != nil {
			return nil, l.n + 1, false, err
		}
		if len(l.buf)+len(part) > maxLine {
			tooLong = true
		} else {
			l.buf = append(l.buf, part...)
		}
		if !isPrefix {
			break
		}
	}
	l.n++
	return l.buf, l.n, tooLong, nil
}

package scenarios

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// This file reads the "Anonymous Bank" call-by-call records (Technion SEE
// lab, Israel 1999): 17 tab-separated fields, dates yymmdd, clock times
// h:mm:ss, durations in whole seconds. The quirks it handles are listed in
// shared/data/anonymous-bank/README.md; each is counted in the Issues.

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
var ErrFormat = errors.New("scenarios: unknown record format")

// ReadBank reads Anonymous Bank records from r; name labels example places in
// the issues. Malformed records are counted by reason in the result's Issues;
// the error is non-nil only when reading fails or the file is not in this
// format.
func ReadBank(r io.Reader, name string) (*RecordSet, error) {
	set := &RecordSet{Source: "anonymous-bank", Files: []string{name}, Dated: true}
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

// parseBankLine converts one record, reporting problems to iss.
func parseBankLine(line []byte, n int, iss lineIssues) (Record, bool) {
	f := bankSplit(line)
	if len(f) != len(bankFields) {
		iss.drop(n, fmt.Sprintf("wrong number of fields (%d, want 17)", len(f)))
		return Record{}, false
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	if !strings.Contains(string(line), "\t") {
		iss.keep(n, "fields separated by spaces, not tabs", "split on white space")
	}
	rec := Record{Line: n, Type: f[bType], Front: math.NaN(), Queue: math.NaN(), Service: math.NaN()}
	switch f[bOutcome] {
	case "AGENT", "HANG":
	case "PHANTOM":
		iss.drop(n, "PHANTOM call (the documentation says to ignore them)")
		return Record{}, false
	default:
		iss.drop(n, fmt.Sprintf("unknown outcome %q", clip(f[bOutcome])))
		return Record{}, false
	}
	if !bankTypes[rec.Type] {
		iss.drop(n, fmt.Sprintf("unknown type code %q", clip(rec.Type)))
		return Record{}, false
	}
	day, ok := parseYYMMDD(f[bDate])
	if !ok {
		iss.drop(n, "unparsable date (want yymmdd)")
		return Record{}, false
	}
	rec.Day = day
	var clocks [6]float64
	for i, k := range []int{bVRUEntry, bVRUExit, bQStart, bQExit, bSerStart, bSerExit} {
		if clocks[i], ok = parseClock(f[k]); !ok {
			iss.drop(n, fmt.Sprintf("unparsable time in %s (want h:mm:ss)", bankFields[k]))
			return Record{}, false
		}
	}
	var durs [3]float64
	for i, k := range []int{bVRUTime, bQTime, bSerTime} {
		v, err := strconv.Atoi(f[k])
		if err != nil {
			iss.drop(n, fmt.Sprintf("unparsable %s (want whole seconds)", bankFields[k]))
			return Record{}, false
		}
		durs[i] = float64(v)
	}
	vruEntry, vruExit, qStart, qExit, serStart, serExit := clocks[0], clocks[1], clocks[2], clocks[3], clocks[4], clocks[5]
	vruTime, qTime, serTime := durs[0], durs[1], durs[2]
	if qTime < 0 || serTime < 0 {
		iss.drop(n, "negative duration (q_time or ser_time)")
		return Record{}, false
	}
	rec.Arrival = vruEntry
	if vruTime >= 0 {
		rec.Front = vruTime
	} else {
		iss.keep(n, "negative vru_time (vru_exit before vru_entry)", "VRU time ignored, record kept")
	}
	// 0:00:00 means "not queued" unless the duration or exit clock says otherwise (then it is midnight).
	rec.Queued = qStart != 0 || qExit != 0 || qTime > 0
	if rec.Queued {
		rec.Queue = unwrap(qStart, vruEntry)
		rec.Wait = qTime
	}
	if f[bOutcome] == "HANG" {
		rec.Outcome = FrontHangup
		if rec.Queued {
			rec.Outcome = Abandoned
		}
		if serTime > 0 {
			iss.keep(n, "HANG with a service time", "service ignored, counted as hung up")
		}
		return rec, true
	}
	rec.Outcome = Answered
	rec.Service = serTime
	if !rec.Queued {
		start := serStart
		if start == 0 && serExit == 0 {
			start = vruExit
		}
		rec.Queue = unwrap(start, vruEntry)
	}
	if rec.Agent = f[bServer]; rec.Agent == "NO_SERVER" {
		rec.Agent = ""
		iss.keep(n, "AGENT with server NO_SERVER", "kept as answered, agent unknown")
	}
	return rec, true
}

// unwrap returns clock time t (seconds since midnight) as seconds since the
// midnight before ref, adding a day when t is more than 12 hours before ref
// (an interval that crossed midnight). Clocks a few seconds or minutes early
// are kept as they are.
func unwrap(t, ref float64) float64 {
	if t < ref-12*3600 {
		return t + 24*3600
	}
	return t
}

// parseClock parses h:mm:ss (hours 0–47) into seconds since midnight.
func parseClock(s string) (float64, bool) {
	h, rest, ok1 := strings.Cut(s, ":")
	m, sec, ok2 := strings.Cut(rest, ":")
	if !ok1 || !ok2 || len(m) != 2 || len(h) == 0 || len(h) > 2 || !isDigits(h) || !isDigits(m) {
		return 0, false
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	ss, err := strconv.ParseFloat(sec, 64)
	if err != nil || len(sec) < 2 || !isDigits(sec[:2]) || hh > 47 || mm > 59 || !(ss >= 0 && ss < 60) {
		return 0, false
	}
	return float64(hh*3600+mm*60) + ss, true
}

// parseYYMMDD parses a yymmdd date (years 50–99 are 19xx) into days since 1970-01-01.
func parseYYMMDD(s string) (int, bool) {
	if len(s) != 6 || !isDigits(s) {
		return 0, false
	}
	yy, _ := strconv.Atoi(s[:2])
	y := 2000 + yy
	if yy >= 50 {
		y = 1900 + yy
	}
	return civilDay(y, s[2:4], s[4:6])
}

// civilDay validates a calendar date and returns it as days since 1970-01-01.
func civilDay(y int, mm, dd string) (int, bool) {
	m, err1 := strconv.Atoi(mm)
	d, err2 := strconv.Atoi(dd)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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

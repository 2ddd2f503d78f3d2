package records

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// This file writes synthetic contact logs: one row per contact, as an ACD or
// bot platform would export them, streamed so that memory stays constant.
// ReadGeneric reads them back without a mapping.

// LogFormat is the encoding of a contact log.
type LogFormat string

// Log formats.
const (
	LogCSV   LogFormat = "csv"   // comma-separated with a header row; empty cells for absent values
	LogJSONL LogFormat = "jsonl" // one JSON object per line; null for absent values
)

// logEntry is what a column reads: one simulated contact and its day.
type logEntry struct {
	x      *sim.Record
	sc     *sim.Scenario
	day    int     // from 1
	offset float64 // seconds from midnight to the run's start (opening time)
}

// at returns a run time as seconds since midnight (NaN stays NaN).
func (e *logEntry) at(t float64) float64 { return e.offset + t }

// logColumn is one column of the log. Exactly one of num and str is set;
// num returns NaN and str "" for an absent value. prec is the number of
// decimals of num; raw marks str values written unquoted in JSON (booleans).
type logColumn struct {
	name, doc string
	prec      int
	num       func(e *logEntry) float64
	str       func(e *logEntry) string
	raw       bool
}

// logColumns are the log's columns in order. Adding a field is one line here.
var logColumns = []logColumn{
	{name: "id", doc: "contact number within its day, from 1; (day, id) is unique", num: func(e *logEntry) float64 { return float64(e.x.ID) }},
	{name: "day", doc: "simulated day, from 1 (day d is replication d−1 of the scenario)", num: func(e *logEntry) float64 { return float64(e.day) }},
	{name: "arrival", doc: "arrival time, seconds since midnight (since the run's start for a steady-state scenario)", prec: 3, num: func(e *logEntry) float64 { return e.at(e.x.Arrival) }},
	{name: "intent", doc: "reason for contact (the scenario's intent name)", str: func(e *logEntry) string { return e.sc.Intents[e.x.Intent].Name }},
	{name: "channel", doc: "voice, chat or email", str: func(e *logEntry) string { return e.x.Channel.String() }},
	{name: "bot_start", doc: "bot session start, seconds since midnight; empty: no bot session", prec: 3, num: func(e *logEntry) float64 { return e.at(e.x.BotStart) }},
	{name: "bot_end", doc: "bot session end", prec: 3, num: func(e *logEntry) float64 { return e.at(e.x.BotEnd) }},
	{name: "bot_outcome", doc: "contained, hung_up, escalated, opted_out (asked for a human at once), overflow (bot full); empty: not bot-eligible", str: botOutcome},
	{name: "context", doc: "true/false: an escalation carried the bot's context to the agent; empty: not escalated", str: contextFlag, raw: true},
	{name: "queue_entry", doc: "reached the human queue; empty: never", prec: 3, num: func(e *logEntry) float64 { return e.at(e.x.QueueEntry) }},
	{name: "queue_exit", doc: "left the queue: answered or abandoned", prec: 3, num: func(e *logEntry) float64 { return e.at(e.x.QueueExit) }},
	{name: "answer", doc: "an agent answered; empty: not answered", prec: 3, num: answerTime},
	{name: "end", doc: "left the center: end of service, abandonment, or end of the bot session", prec: 3, num: func(e *logEntry) float64 { return e.at(e.x.End) }},
	{name: "agent", doc: "agent seat that served it (a number within the day); empty: none", num: agentSeat},
	{name: "group", doc: "that agent's group", str: groupName},
	{name: "outcome", doc: "answered, abandoned, contained (by the bot) or bot_hangup", str: func(e *logEntry) string { return e.x.Outcome.String() }},
	{name: "callback", doc: "true: the customer accepted a callback instead of waiting", str: callbackFlag, raw: true},
	{name: "retrial_of", doc: "id (same day) of the abandoned contact this one retries; empty: a fresh contact", num: func(e *logEntry) float64 { return idOrNaN(e.x.RetrialOf) }},
	{name: "repeat_of", doc: "id (same day) of the handled contact this one repeats (not resolved the first time); empty: none", num: func(e *logEntry) float64 { return idOrNaN(e.x.RepeatOf) }},
}

func botOutcome(e *logEntry) string {
	switch {
	case e.x.Outcome == sim.OutContained:
		return "contained"
	case e.x.Outcome == sim.OutBotHangup:
		return "hung_up"
	}
	switch e.x.Route {
	case sim.RouteOptOut:
		return "opted_out"
	case sim.RouteOverflow:
		return "overflow"
	case sim.RouteEscalatedCtx, sim.RouteEscalatedNoCtx:
		return "escalated"
	}
	return ""
}

func contextFlag(e *logEntry) string {
	switch e.x.Route {
	case sim.RouteEscalatedCtx:
		return "true"
	case sim.RouteEscalatedNoCtx:
		return "false"
	}
	return ""
}

func callbackFlag(e *logEntry) string {
	if e.x.Callback {
		return "true"
	}
	return "false"
}

func idOrNaN(id uint64) float64 {
	if id == 0 {
		return math.NaN()
	}
	return float64(id)
}

func answerTime(e *logEntry) float64 {
	if e.x.Outcome != sim.OutAnswered {
		return math.NaN()
	}
	return e.at(e.x.QueueExit)
}

func agentSeat(e *logEntry) float64 {
	if e.x.Agent < 0 {
		return math.NaN()
	}
	return float64(e.x.Agent)
}

func groupName(e *logEntry) string {
	if e.x.Group < 0 {
		return ""
	}
	return e.sc.Groups[e.x.Group].Name
}

// LogColumn documents one column of a generated log.
type LogColumn struct{ Name, Doc string }

// LogColumns documents the columns of generated logs, in order.
func LogColumns() []LogColumn {
	out := make([]LogColumn, len(logColumns))
	for i, c := range logColumns {
		out[i] = LogColumn{c.name, c.doc}
	}
	return out
}

// LogWriter streams contact records as CSV or JSON lines. It buffers its
// output; call Flush at the end. The first write error is kept and returned
// by Flush (and Err); later writes are skipped.
type LogWriter struct {
	w      *bufio.Writer
	format LogFormat
	buf    []byte
	err    error
	rows   int64
}

// NewLogWriter returns a writer of the given format; CSV starts with the header.
func NewLogWriter(w io.Writer, format LogFormat) (*LogWriter, error) {
	if format != LogCSV && format != LogJSONL {
		return nil, fmt.Errorf("records: log format %q: want csv or jsonl", format)
	}
	lw := &LogWriter{w: bufio.NewWriterSize(w, 256<<10), format: format}
	if format == LogCSV {
		names := make([]string, len(logColumns))
		for i, c := range logColumns {
			names[i] = c.name
		}
		_, lw.err = lw.w.WriteString(strings.Join(names, ",") + "\n")
	}
	return lw, nil
}

// write appends one contact's row.
func (lw *LogWriter) write(e *logEntry) {
	if lw.err != nil {
		return
	}
	b := lw.buf[:0]
	if lw.format == LogJSONL {
		b = append(b, '{')
	}
	for i := range logColumns {
		c := &logColumns[i]
		if i > 0 {
			b = append(b, ',')
		}
		if lw.format == LogJSONL {
			b = strconv.AppendQuote(b, c.name)
			b = append(b, ':')
		}
		b = lw.appendValue(b, c, e)
	}
	if lw.format == LogJSONL {
		b = append(b, '}')
	}
	b = append(b, '\n')
	lw.buf = b
	_, lw.err = lw.w.Write(b)
	lw.rows++
}

func (lw *LogWriter) appendValue(b []byte, c *logColumn, e *logEntry) []byte {
	json := lw.format == LogJSONL
	if c.num != nil {
		x := c.num(e)
		if math.IsNaN(x) {
			if json {
				return append(b, "null"...)
			}
			return b
		}
		return strconv.AppendFloat(b, x, 'f', c.prec, 64)
	}
	s := c.str(e)
	switch {
	case s == "" && json:
		return append(b, "null"...)
	case json && c.raw:
		return append(b, s...)
	case json:
		return strconv.AppendQuote(b, s)
	case strings.ContainsAny(s, ",\"\n\r"):
		return append(b, csvQuote(s)...)
	}
	return append(b, s...)
}

func csvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// Rows returns the number of rows written (the header excluded).
func (lw *LogWriter) Rows() int64 { return lw.rows }

// Err returns the first write error.
func (lw *LogWriter) Err() error { return lw.err }

// Flush writes out buffered rows and returns the first error met.
func (lw *LogWriter) Flush() error {
	if lw.err != nil {
		return lw.err
	}
	lw.err = lw.w.Flush()
	return lw.err
}

// Generate simulates days of sc, one replication per day (day d uses
// replication d−1, so days differ), and writes every contact that arrived
// before closing (before the horizon in a steady state) to lw in the order
// the contacts leave. Memory stays constant: only contacts in the center
// are held. progress, if not nil, is called after each day.
func Generate(ctx context.Context, sc *sim.Scenario, days int, lw *LogWriter, progress func(done, total int)) error {
	if err := sc.Validate(); err != nil {
		return err
	}
	e := logEntry{sc: sc}
	end := sc.Horizon.Seconds()
	if sc.Arrivals.Day() {
		e.offset = sc.Arrivals.Open.Seconds()
		end = (sc.Arrivals.Close - sc.Arrivals.Open).Seconds()
	}
	for d := range days {
		r := sim.NewRun(sc, sc.Seed, d)
		e.day = d + 1
		r.Observe(func(x *sim.Record) {
			if x.Arrival < end {
				e.x = x
				lw.write(&e)
			}
		})
		for step := time.Hour; !r.Done() && step.Seconds() < end+3600; step += time.Hour {
			if err := ctx.Err(); err != nil {
				return err
			}
			r.RunUntil(step)
		}
		r.RunUntil(math.MaxInt64) // the drain after closing: only contacts already in the center
		if lw.err != nil {
			return lw.err
		}
		if progress != nil {
			progress(d+1, days)
		}
	}
	return lw.Flush()
}

package scenarios

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// This file reads contact records from any CSV (comma, semicolon or tab
// separated, with a header row) or JSON-lines file, given which column holds
// which field. The logs `ccsim generate` writes read back with no mapping.

// GenericFields are the fields a column can be mapped to, with what each
// holds. Times are seconds (a number), h:mm[:ss], or a date and time
// ("2006-01-02 15:04:05", RFC 3339); durations are seconds or h:mm:ss.
var GenericFields = []struct{ Name, Doc string }{
	{"date", "day of the contact: 2006-01-02, 20060102, yymmdd, or a day number"},
	{"arrival", "time the contact reached the center (required)"},
	{"type", "contact type or intent"},
	{"front_start", "start of the automated front end (VRU or bot) session"},
	{"front_end", "end of the front-end session"},
	{"front_time", "seconds in the front end (instead of start and end)"},
	{"queue_entry", "time it reached the human queue"},
	{"queue_exit", "time it left the queue (answered or abandoned)"},
	{"wait", "seconds waited in the human queue"},
	{"answer", "time an agent answered"},
	{"end", "time service (or the contact) ended"},
	{"service", "seconds of agent service (handle time)"},
	{"agent", "agent who served it"},
	{"outcome", "answered, abandoned, contained, bot_hangup (synonyms: agent, hang, resolved, …)"},
}

// genericSynonyms map common column names to fields.
var genericSynonyms = map[string]string{
	"day": "date", "intent": "type", "bot_start": "front_start", "bot_end": "front_end",
	"vru_entry": "front_start", "vru_exit": "front_end", "vru_time": "front_time", "q_start": "queue_entry",
	"q_exit": "queue_exit", "q_time": "wait", "ser_start": "answer", "ser_exit": "end", "ser_time": "service",
	"handle_time": "service", "server": "agent", "arrival_time": "arrival",
}

// Mapping maps column names to fields (see GenericFields).
type Mapping map[string]string

// ParseMapping parses "column=field" pairs (from --map flags).
func ParseMapping(pairs []string) (Mapping, error) {
	m := Mapping{}
	for _, p := range pairs {
		col, field, ok := strings.Cut(p, "=")
		col, field = strings.TrimSpace(col), strings.ToLower(strings.TrimSpace(field))
		if !ok || col == "" || field == "" {
			return nil, fmt.Errorf("scenarios: mapping %q: want COLUMN=FIELD", p)
		}
		if !isGenericField(field) {
			return nil, fmt.Errorf("scenarios: mapping %q: unknown field %q (one of %s)", p, field, genericFieldNames())
		}
		m[col] = field
	}
	return m, nil
}

func isGenericField(f string) bool {
	for _, g := range GenericFields {
		if g.Name == f {
			return true
		}
	}
	return false
}

func genericFieldNames() string {
	names := make([]string, len(GenericFields))
	for i, g := range GenericFields {
		names[i] = g.Name
	}
	return strings.Join(names, ", ")
}

// columns resolves a header to field → column index: explicit mappings
// first, then columns named like a field or a synonym.
func (m Mapping) columns(header []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		header[i] = h
		if f, ok := m[h]; ok {
			if _, dup := cols[f]; dup {
				return nil, fmt.Errorf("two columns are mapped to %s", f)
			}
			cols[f] = i
		}
	}
	for col := range m {
		if !hasString(header, col) {
			return nil, fmt.Errorf("--map names column %q, which the header lacks (columns: %s)", col, strings.Join(header, ", "))
		}
	}
	for i, h := range header {
		if _, explicit := m[h]; explicit {
			continue
		}
		f := strings.ToLower(h)
		if s, ok := genericSynonyms[f]; ok {
			f = s
		}
		if _, taken := cols[f]; !taken && isGenericField(f) {
			cols[f] = i
		}
	}
	if _, ok := cols["arrival"]; !ok {
		return nil, fmt.Errorf("no column holds the arrival time (columns: %s); map one with --map COLUMN=arrival", strings.Join(header, ", "))
	}
	return cols, nil
}

func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// ReadGeneric reads contact records from a CSV file with a header row, or a
// JSON-lines file of objects, using m to find the fields; name labels
// example places in the issues. Malformed records are counted by reason in
// the result's Issues; the error is non-nil only when reading fails or the
// columns cannot be resolved.
func ReadGeneric(r io.Reader, name string, m Mapping) (*RecordSet, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(1)
	set := &RecordSet{Source: "generic", Files: []string{name}, Dated: true}
	iss := lineIssues{&set.Issues, name}
	p := &genericParser{iss: iss, dated: true}
	var err error
	if len(head) == 1 && head[0] == '{' {
		err = p.readJSONLines(br, m, set)
	} else {
		err = p.readCSV(br, m, set)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	set.Dated = p.dated && p.sawDate
	return set, nil
}

// genericParser converts rows of field values into records.
type genericParser struct {
	iss     lineIssues
	dated   bool // every day so far was a calendar date
	sawDate bool
}

func (p *genericParser) readCSV(br *bufio.Reader, m Mapping, set *RecordSet) error {
	first, err := br.ReadSlice('\n')
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return err
	}
	cr := csv.NewReader(io.MultiReader(bytes.NewReader(append([]byte(nil), first...)), br))
	cr.Comma = sniffComma(first)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%w: cannot read a header row: %v", ErrFormat, err)
	}
	header = append([]string(nil), header...)
	cols, err := m.columns(header)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	vals := map[string]string{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			set.Lines++
			p.iss.drop(pe.StartLine, "unparsable CSV ("+pe.Err.Error()+")")
			continue
		}
		if err != nil {
			return err
		}
		set.Lines++
		line, _ := cr.FieldPos(0)
		if len(row) != len(header) {
			p.iss.drop(line, fmt.Sprintf("wrong number of fields (%d, header has %d)", len(row), len(header)))
			continue
		}
		clear(vals)
		for f, i := range cols {
			vals[f] = strings.TrimSpace(row[i])
		}
		if rec, ok := p.record(vals, line); ok {
			set.Records = append(set.Records, rec)
		}
	}
}

// sniffComma picks the separator the header line uses most: tab, semicolon or comma.
func sniffComma(header []byte) rune {
	best, n := ',', bytes.Count(header, []byte{','})
	for _, c := range []rune{'\t', ';'} {
		if k := bytes.Count(header, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

func (p *genericParser) readJSONLines(br *bufio.Reader, m Mapping, set *RecordSet) error {
	lr := newLineReader(br)
	vals := map[string]string{}
	for {
		line, n, tooLong, err := lr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		set.Lines++
		if tooLong {
			p.iss.drop(n, fmt.Sprintf("line longer than %d bytes", maxLine))
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal(line, &obj); err != nil {
			p.iss.drop(n, "unparsable JSON")
			continue
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		cols, err := m.columns(keys)
		if err != nil {
			p.iss.drop(n, "JSON object without the mapped fields")
			continue
		}
		clear(vals)
		for f, i := range cols {
			vals[f] = jsonString(obj[keys[i]])
		}
		if rec, ok := p.record(vals, n); ok {
			set.Records = append(set.Records, rec)
		}
	}
}

func jsonString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}

// genericOutcomes maps outcome words (lower case) to outcomes.
var genericOutcomes = map[string]Outcome{
	"answered": Answered, "answer": Answered, "agent": Answered, "served": Answered, "handled": Answered, "completed": Answered,
	"abandoned": Abandoned, "abandon": Abandoned, "hang": Abandoned, "hangup": Abandoned, "hung_up": Abandoned,
	"bot_hangup": FrontHangup, "front_hangup": FrontHangup, "vru_hangup": FrontHangup, "ivr_hangup": FrontHangup,
	"contained": Contained, "resolved": Contained, "self_service": Contained, "bot_resolved": Contained,
}

// record converts one row's field values, reporting problems at line.
func (p *genericParser) record(v map[string]string, line int) (Record, bool) {
	rec := Record{Line: line, Type: v["type"], Front: math.NaN(), Queue: math.NaN(), Service: math.NaN(), Agent: v["agent"]}
	if rec.Type == "" {
		rec.Type = "all"
	}
	day, dayKnown, ok := p.day(v["date"])
	if !ok {
		p.iss.drop(line, "unparsable date")
		return Record{}, false
	}
	arr, ok := parseInstant(v["arrival"])
	if !ok || arr.missing {
		p.iss.drop(line, "missing or unparsable arrival time")
		return Record{}, false
	}
	if !dayKnown {
		day, dayKnown = arr.day, arr.dated
		if !dayKnown {
			p.dated = false
		}
	}
	if arr.dated {
		p.sawDate = true
	}
	rec.Day = day
	rec.Arrival = arr.relative(day, math.NaN())
	t := map[string]float64{}
	for _, f := range []string{"front_start", "front_end", "queue_entry", "queue_exit", "answer", "end"} {
		in, ok := parseInstant(v[f])
		if !ok {
			p.iss.drop(line, "unparsable time in "+f)
			return Record{}, false
		}
		t[f] = in.relative(day, rec.Arrival)
	}
	d := map[string]float64{}
	for _, f := range []string{"front_time", "wait", "service"} {
		x, ok := parseSeconds(v[f])
		if !ok {
			p.iss.drop(line, "unparsable duration in "+f)
			return Record{}, false
		}
		d[f] = x
	}
	return p.finish(rec, t, d, v["outcome"], line)
}

// finish derives the queue, wait, service and outcome from the parsed times.
func (p *genericParser) finish(rec Record, t, d map[string]float64, outcome string, line int) (Record, bool) {
	or := func(a, b float64) float64 {
		if math.IsNaN(a) {
			return b
		}
		return a
	}
	start := or(t["front_start"], rec.Arrival)
	rec.Front = or(d["front_time"], t["front_end"]-start)
	entry, answer := t["queue_entry"], t["answer"]
	if math.IsNaN(entry) && !math.IsNaN(d["wait"]) { // a wait without an entry time: queued on leaving the front end
		entry = or(t["front_end"], start+or(rec.Front, 0))
	}
	exit := or(t["queue_exit"], answer)
	rec.Queued = !math.IsNaN(entry)
	rec.Queue = or(entry, answer)
	rec.Wait = or(d["wait"], exit-entry)
	if !rec.Queued {
		rec.Wait = 0
	}
	rec.Service = or(d["service"], t["end"]-answer)
	out, ok := p.outcome(outcome, rec, t, line)
	if !ok {
		return Record{}, false
	}
	rec.Outcome = out
	if out == Abandoned && !rec.Queued {
		rec.Outcome = FrontHangup
	}
	if out != Answered {
		rec.Service = math.NaN()
	}
	if rec.Outcome == Abandoned && math.IsNaN(rec.Wait) {
		rec.Wait = t["end"] - entry
	}
	if rec.Outcome == Answered && math.IsNaN(rec.Queue) {
		p.iss.drop(line, "answered without an answer or queue time")
		return Record{}, false
	}
	for name, x := range map[string]float64{"front time": rec.Front, "wait": rec.Wait, "service": rec.Service} {
		if x < 0 {
			p.iss.drop(line, "negative "+name)
			return Record{}, false
		}
	}
	if rec.ReachedHuman() && math.IsNaN(rec.Wait) {
		p.iss.drop(line, "reached the queue but no wait is known")
		return Record{}, false
	}
	if rec.Outcome == Answered && math.IsNaN(rec.Service) {
		p.iss.keep(line, "answered without a service time", "kept for arrivals and waits, not for handle time")
	}
	return rec, true
}

// outcome reads the outcome column, or infers it from the times when absent.
func (p *genericParser) outcome(s string, rec Record, t map[string]float64, line int) (Outcome, bool) {
	if s != "" {
		w := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_"))
		if w == "phantom" {
			p.iss.drop(line, "PHANTOM record")
			return 0, false
		}
		out, ok := genericOutcomes[w]
		if !ok {
			p.iss.drop(line, fmt.Sprintf("unknown outcome %q", clip(s)))
		}
		return out, ok
	}
	switch {
	case !math.IsNaN(t["answer"]):
		return Answered, true
	case rec.Queued:
		return Abandoned, true
	}
	p.iss.drop(line, "no outcome, and no queue or answer time to infer it")
	return 0, false
}

// day parses a date field: calendar dates become days since 1970-01-01;
// small integers are day numbers of an undated log.
func (p *genericParser) day(s string) (day int, known, ok bool) {
	switch {
	case s == "":
		return 0, false, true
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, err := strconv.Atoi(s[:4])
		if err != nil {
			return 0, false, false
		}
		day, ok = civilDay(y, s[5:7], s[8:10])
	case len(s) == 8 && isDigits(s):
		y, _ := strconv.Atoi(s[:4])
		day, ok = civilDay(y, s[4:6], s[6:8])
	case len(s) == 6 && isDigits(s):
		day, ok = parseYYMMDD(s)
	case len(s) <= 5 && isDigits(s):
		n, _ := strconv.Atoi(s)
		p.dated = false
		return n, true, true
	default:
		return 0, false, false
	}
	if ok {
		p.sawDate = true
	}
	return day, ok, ok
}

// instant is a parsed time value.
type instant struct {
	missing bool
	secs    float64 // seconds since midnight (or since the day's start for plain numbers)
	clock   bool    // from h:mm:ss: may need unwrapping past midnight
	dated   bool    // carried its own date
	day     int     // that date, days since 1970-01-01
}

// relative returns the instant as seconds since midnight of day; clock
// times more than 12 h before ref (when known) are taken as past midnight.
func (in instant) relative(day int, ref float64) float64 {
	switch {
	case in.missing:
		return math.NaN()
	case in.dated:
		return in.secs + float64(in.day-day)*86400
	case in.clock && !math.IsNaN(ref):
		return unwrap(in.secs, ref)
	}
	return in.secs
}

var datetimeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// parseInstant parses a time value; "" is missing.
func parseInstant(s string) (instant, bool) {
	if s == "" {
		return instant{missing: true}, true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return instant{secs: x}, !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	if strings.Count(s, ":") == 1 && len(s) <= 5 {
		s += ":00"
	}
	if c, ok := parseClock(s); ok {
		return instant{secs: c, clock: true}, true
	}
	for _, l := range datetimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			d := int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
			secs := float64(t.Hour()*3600+t.Minute()*60+t.Second()) + float64(t.Nanosecond())/1e9
			return instant{secs: secs, dated: true, day: d}, true
		}
	}
	return instant{}, false
}

// parseSeconds parses a duration: seconds, or h:mm:ss; "" is NaN.
func parseSeconds(s string) (float64, bool) {
	if s == "" {
		return math.NaN(), true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	if c, ok := parseClock(s); ok {
		return c, true
	}
	return 0, false
}

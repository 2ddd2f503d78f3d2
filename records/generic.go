package records

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
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
			return nil, fmt.Errorf("records: mapping %q: want COLUMN=FIELD", p)
		}
		if !isGenericField(field) {
			return nil, fmt.Errorf("records: mapping %q: unknown field %q (one of %s)", p, field, genericFieldNames())
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
func ReadGeneric(r io.Reader, name string, m Mapping) (*Set, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(1)
	set := &Set{Source: "generic", Files: []string{name}, Dated: true}
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

func (p *genericParser) readCSV(br *bufio.Reader, m Mapping, set *Set) error {
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

func (p *genericParser) readJSONLines(br *bufio.Reader, m Mapping, set *Set) error {
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

package records

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"testing"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/simtest"
)

// TestLogCSV checks the header, one row per contact, and that times and
// outcomes agree row by row.
func TestLogCSV(t *testing.T) {
	sc := simtest.KnownDay()
	sc.Bot = &sim.Bot{HandleTime: sim.Exponential{MeanS: 30}, HangUp: 0.2, OptOut: 0.1, ContextTransfer: true}
	sc.Intents[0].BotContainment = 0.5
	r := csv.NewReader(generated(t, sc, 2, LogCSV))
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	cols := LogColumns()
	if len(header) != len(cols) {
		t.Fatalf("header has %d columns, LogColumns %d", len(header), len(cols))
	}
	idx := map[string]int{}
	for i, h := range header {
		if h != cols[i].Name || cols[i].Doc == "" {
			t.Errorf("column %d = %q, documented as %q (doc %q)", i, h, cols[i].Name, cols[i].Doc)
		}
		idx[h] = i
	}
	rows, outcomes, botOutcomes := 0, map[string]int{}, map[string]int{}
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		get := func(c string) string { return row[idx[c]] }
		num := func(c string) float64 { x, _ := strconv.ParseFloat(get(c), 64); return x }
		outcomes[get("outcome")]++
		botOutcomes[get("bot_outcome")]++
		if (get("answer") != "") != (get("outcome") == "answered") {
			t.Fatalf("row %d: answer %q with outcome %q", rows, get("answer"), get("outcome"))
		}
		if a := num("arrival"); a < 8*3600 || a >= 14*3600 || num("end") < a {
			t.Fatalf("row %d: arrival %g, end %g; want arrival within opening hours and end after it", rows, a, num("end"))
		}
		if get("channel") != "voice" || (get("context") != "") != (get("bot_outcome") == "escalated") {
			t.Fatalf("row %d: channel %q, context %q, bot outcome %q", rows, get("channel"), get("context"), get("bot_outcome"))
		}
	}
	if rows < 2*1400 {
		t.Errorf("%d rows for two days of about 1,490 contacts", rows)
	}
	for _, o := range []string{"answered", "abandoned", "contained", "bot_hangup"} {
		if outcomes[o] == 0 {
			t.Errorf("no %s contact in the log (outcomes %v)", o, outcomes)
		}
	}
	for _, o := range []string{"", "contained", "hung_up", "escalated", "opted_out"} {
		if botOutcomes[o] == 0 {
			t.Errorf("no bot outcome %q in the log (%v)", o, botOutcomes)
		}
	}
}

func TestLogJSONL(t *testing.T) {
	buf := generated(t, simtest.KnownDay(), 1, LogJSONL)
	s := bufio.NewScanner(buf)
	n := 0
	for s.Scan() {
		var obj map[string]any
		if err := json.Unmarshal(s.Bytes(), &obj); err != nil {
			t.Fatalf("line %d is not JSON: %v: %s", n+1, err, s.Bytes())
		}
		if len(obj) != len(logColumns) {
			t.Fatalf("line %d has %d keys, want %d", n+1, len(obj), len(logColumns))
		}
		if obj["bot_start"] != nil || obj["callback"] != false || obj["day"] != 1.0 {
			t.Fatalf("line %d: bot_start %v, callback %v, day %v; want null, false, 1", n+1, obj["bot_start"], obj["callback"], obj["day"])
		}
		n++
	}
	if n < 1400 {
		t.Errorf("%d lines for a day of about 1,490 contacts", n)
	}
}

func TestGenerateErrors(t *testing.T) {
	if _, err := NewLogWriter(io.Discard, "xml"); err == nil {
		t.Error("NewLogWriter accepted format xml")
	}
	lw, _ := NewLogWriter(io.Discard, LogCSV)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Generate(ctx, simtest.KnownDay(), 3, lw, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Generate with a cancelled context: %v, want context.Canceled", err)
	}
	bad := simtest.KnownDay()
	bad.Intents = nil
	if err := Generate(context.Background(), bad, 1, lw, nil); err == nil {
		t.Error("Generate accepted an invalid scenario")
	}
	fail, _ := NewLogWriter(failWriter{}, LogCSV)
	if err := Generate(context.Background(), simtest.KnownDay(), 1, fail, nil); err == nil {
		t.Error("Generate reported no write error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestLogQuoting checks that intent names with commas or quotes survive CSV.
func TestLogQuoting(t *testing.T) {
	sc := simtest.KnownDay()
	sc.Intents[0].Name = `order, "status"`
	r := csv.NewReader(bytes.NewReader(generated(t, sc, 1, LogCSV).Bytes()))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range recs[1:] {
		found = found || row[3] == sc.Intents[0].Name
	}
	if !found {
		t.Errorf("intent %q not read back from the CSV", sc.Intents[0].Name)
	}
}

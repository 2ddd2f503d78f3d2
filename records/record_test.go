package records

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

const bankHeader = "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\r\n"

// bankLine builds a record line from its 17 fields.
func bankLine(fields ...string) string { return strings.Join(fields, "\t") + "\r\n" }

var (
	served    = bankLine("AA0101", "33118", "27997683", "2", "PS", "990101", "6:55:20", "6:55:26", "6", "6:55:26", "6:55:43", "17", "AGENT", "6:55:43", "6:56:37", "54", "MICHAL")
	direct    = bankLine("AA0101", "33119", "0", "0", "PS", "990101", "7:41:16", "7:41:26", "10", "0:00:00", "0:00:00", "0", "AGENT", "7:41:25", "7:44:53", "208", "BASCH")
	abandoned = bankLine("AA0101", "33116", "9664491", "2", "PS", "990101", "0:00:31", "0:00:36", "5", "0:00:36", "0:03:09", "153", "HANG", "0:00:00", "0:00:00", "0", "NO_SERVER")
	vruHang   = bankLine("AA0101", "33117", "0", "0", "PS", "990101", "0:34:12", "0:34:23", "11", "0:00:00", "0:00:00", "0", "HANG", "0:00:00", "0:00:00", "0", "NO_SERVER")
	midnight  = bankLine("AA0105", "1", "5", "1", "NE", "990104", "23:58:50", "23:59:00", "10", "23:59:00", "0:00:30", "90", "AGENT", "0:00:29", "0:05:29", "300", "DORIT")
)

func TestReadBankRecords(t *testing.T) {
	set, err := ReadBank(strings.NewReader(bankHeader+served+direct+abandoned+vruHang+midnight), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	if set.Lines != 5 || len(set.Records) != 5 || set.Issues.Dropped() != 0 {
		t.Fatalf("read %d lines, %d records, %d dropped; want 5, 5, 0", set.Lines, len(set.Records), set.Issues.Dropped())
	}
	day := 10592 // 1999-01-01
	want := []Record{
		{Line: 2, Day: day, Type: "PS", Arrival: 6*3600 + 55*60 + 20, Front: 6, Queue: 6*3600 + 55*60 + 26, Queued: true, Wait: 17, Service: 54, Agent: "MICHAL", Outcome: Answered},
		{Line: 3, Day: day, Type: "PS", Arrival: 7*3600 + 41*60 + 16, Front: 10, Queue: 7*3600 + 41*60 + 25, Wait: 0, Service: 208, Agent: "BASCH", Outcome: Answered},
		{Line: 4, Day: day, Type: "PS", Arrival: 31, Front: 5, Queue: 36, Queued: true, Wait: 153, Service: math.NaN(), Outcome: Abandoned},
		{Line: 5, Day: day, Type: "PS", Arrival: 34*60 + 12, Front: 11, Queue: math.NaN(), Service: math.NaN(), Outcome: FrontHangup},
		{Line: 6, Day: day + 3, Type: "NE", Arrival: 23*3600 + 58*60 + 50, Front: 10, Queue: 23*3600 + 59*60, Queued: true, Wait: 90, Service: 300, Agent: "DORIT", Outcome: Answered},
	}
	for i, w := range want {
		if g := set.Records[i]; !sameRecord(g, w) {
			t.Errorf("record %d = %+v, want %+v", i, g, w)
		}
	}
	if a := set.Records[4].Answer(); a != 86400+30 {
		t.Errorf("answer past midnight = %g, want %d", a, 86400+30)
	}
}

func sameRecord(a, b Record) bool {
	eq := func(x, y float64) bool { return x == y || (math.IsNaN(x) && math.IsNaN(y)) }
	return a.Line == b.Line && a.Day == b.Day && a.Type == b.Type && eq(a.Arrival, b.Arrival) && eq(a.Front, b.Front) &&
		eq(a.Queue, b.Queue) && a.Queued == b.Queued && eq(a.Wait, b.Wait) && eq(a.Service, b.Service) &&
		a.Agent == b.Agent && a.Outcome == b.Outcome
}

// TestReadBankMalformed feeds one bad line after a good one and checks it is
// counted under its reason, with its line number, and never crashes.
func TestReadBankMalformed(t *testing.T) {
	swap := func(line string, field int, v string) string {
		f := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
		f[field] = v
		return bankLine(f...)
	}
	cases := []struct {
		name, line, reason string
		dropped            bool
	}{
		{"too few fields", "AA0101\t1\t2\r\n", "wrong number of fields (3, want 17)", true},
		{"empty line", "\r\n", "empty line", true},
		{"phantom", swap(served, 12, "PHANTOM"), "PHANTOM call (the documentation says to ignore them)", true},
		{"unknown outcome", swap(served, 12, "LOST"), `unknown outcome "LOST"`, true},
		{"bad type", swap(served, 4, "AA"), `unknown type code "AA"`, true},
		{"bad date", swap(served, 5, "991301"), "unparsable date (want yymmdd)", true},
		{"bad clock", swap(served, 6, "6:5x:20"), "unparsable time in vru_entry (want h:mm:ss)", true},
		{"bad duration", swap(served, 11, "1.5e"), "unparsable q_time (want whole seconds)", true},
		{"negative wait", swap(served, 11, "-3"), "negative duration (q_time or ser_time)", true},
		{"negative vru time", swap(served, 8, "-37"), "negative vru_time (vru_exit before vru_entry)", false},
		{"no server", swap(served, 16, "NO_SERVER"), "AGENT with server NO_SERVER", false},
		{"hang with service", swap(abandoned, 15, "12"), "HANG with a service time", false},
		{"spaces for tabs", strings.ReplaceAll(served, "\t", "   "), "fields separated by spaces, not tabs", false},
		{"long line", strings.Repeat("x", maxLine+10) + "\n", "line longer than 65536 bytes", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set, err := ReadBank(strings.NewReader(bankHeader+served+c.line+direct), "t.txt")
			if err != nil {
				t.Fatalf("ReadBank error: %v", err)
			}
			list := set.Issues.List()
			if len(list) != 1 {
				t.Fatalf("issues = %+v, want exactly one", list)
			}
			is := list[0]
			if is.Reason != c.reason || is.Dropped != c.dropped || is.Count != 1 || is.Examples[0] != "t.txt:3" {
				t.Errorf("issue = %+v, want %q (dropped %v) once at t.txt:3", is, c.reason, c.dropped)
			}
			wantRecs := 3
			if c.dropped {
				wantRecs = 2
			}
			if len(set.Records) != wantRecs || set.Lines != 3 {
				t.Errorf("%d records from %d lines, want %d from 3", len(set.Records), set.Lines, wantRecs)
			}
		})
	}
}

func TestReadBankUnknownFormat(t *testing.T) {
	for _, in := range []string{"", "id,arrival\n1,2\n", "hello\n"} {
		if _, err := ReadBank(strings.NewReader(in), "x.csv"); !errors.Is(err, ErrFormat) {
			t.Errorf("ReadBank(%q) error = %v, want ErrFormat", in, err)
		}
	}
	// No header: the first line is data.
	set, err := ReadBank(strings.NewReader(served+direct), "x.txt")
	if err != nil || len(set.Records) != 2 {
		t.Errorf("headerless file: %d records, error %v; want 2, nil", len(set.Records), err)
	}
}

func TestReadGeneric(t *testing.T) {
	in := "when;kind;waited;talk;result;who\n" +
		"2024-03-04 09:00:05;sales;12;300;answered;ann\n" +
		"2024-03-04 09:01:00;sales;40;;abandoned;\n" +
		"2024-03-04 09:02:00;care;0;;hang;\n" +
		"2024-03-05 23:59:00;care;;;answered;bob\n" +
		"2024-03-05 10:00:00;care;5;120;lost;bob\n" +
		"not a time;care;5;120;answered;bob\n" +
		"2024-03-05 10:00:00;care;5\n"
	m, err := ParseMapping([]string{"when=arrival", "kind=type", "waited=wait", "talk=service", "result=outcome", "who=agent"})
	if err != nil {
		t.Fatal(err)
	}
	set, err := ReadGeneric(strings.NewReader(in), "g.csv", m)
	if err != nil {
		t.Fatal(err)
	}
	if !set.Dated || set.Lines != 7 {
		t.Errorf("dated %v, %d lines; want true, 7", set.Dated, set.Lines)
	}
	reasons := map[string]string{}
	for _, is := range set.Issues.List() {
		reasons[is.Reason] = is.Examples[0]
	}
	for reason, at := range map[string]string{
		`unknown outcome "lost"`:                   "g.csv:6",
		"missing or unparsable arrival time":       "g.csv:7",
		"wrong number of fields (3, header has 6)": "g.csv:8",
		"answered without an answer or queue time": "g.csv:5",
	} {
		if reasons[reason] != at {
			t.Errorf("issue %q at %q, want at %s (issues: %v)", reason, reasons[reason], at, reasons)
		}
	}
	if len(set.Records) != 3 {
		t.Fatalf("%d records, want 3", len(set.Records))
	}
	r := set.Records[0]
	if r.Type != "sales" || r.Arrival != 9*3600+5 || r.Wait != 12 || r.Service != 300 || r.Outcome != Answered || r.Agent != "ann" {
		t.Errorf("record 0 = %+v", r)
	}
	// A wait column means the contact queued (on arrival, with no front-end times).
	if r := set.Records[1]; r.Outcome != Abandoned || r.Wait != 40 || r.Queue != r.Arrival || !r.Queued {
		t.Errorf("abandoned after 40 s = %+v", r)
	}
	if r := set.Records[2]; r.Outcome != Abandoned || r.Wait != 0 {
		t.Errorf("hang after 0 s = %+v, want abandoned at 0", r)
	}
}

func TestReadGenericJSONLines(t *testing.T) {
	in := `{"day":1,"arrival":28800.5,"intent":"a","queue_entry":28800.5,"queue_exit":28810.5,"answer":28810.5,"end":28900.5,"outcome":"answered","agent":3}` + "\n" +
		`{"day":2,"arrival":28801,"intent":"a","queue_entry":28801,"queue_exit":28861,"answer":null,"end":28861,"outcome":"abandoned"}` + "\n" +
		"{not json\n"
	set, err := ReadGeneric(strings.NewReader(in), "l.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if set.Dated || len(set.Records) != 2 || set.Issues.Dropped() != 1 {
		t.Fatalf("dated %v, %d records, %d dropped; want false, 2, 1", set.Dated, len(set.Records), set.Issues.Dropped())
	}
	a, b := set.Records[0], set.Records[1]
	if a.Day != 1 || a.Wait != 10 || a.Service != 90 || a.Agent != "3" || b.Day != 2 || b.Wait != 60 || b.Outcome != Abandoned {
		t.Errorf("records = %+v, %+v", a, b)
	}
}

func TestReadGenericBadMapping(t *testing.T) {
	if _, err := ParseMapping([]string{"x=nonsense"}); err == nil {
		t.Error("ParseMapping accepted an unknown field")
	}
	if _, err := ParseMapping([]string{"novalue"}); err == nil {
		t.Error("ParseMapping accepted a pair without =")
	}
	m, _ := ParseMapping([]string{"missing=arrival"})
	if _, err := ReadGeneric(strings.NewReader("a,b\n1,2\n"), "x.csv", m); !errors.Is(err, ErrFormat) {
		t.Errorf("mapping a missing column: error %v, want ErrFormat", err)
	}
	if _, err := ReadGeneric(strings.NewReader("a,b\n1,2\n"), "x.csv", nil); !errors.Is(err, ErrFormat) {
		t.Errorf("no arrival column: error %v, want ErrFormat", err)
	}
}

// FuzzReadBank checks that no input makes the bank reader panic, and that
// every data line is either a record or a counted issue.
func FuzzReadBank(f *testing.F) {
	f.Add([]byte(bankHeader + served + direct + abandoned + vruHang + midnight))
	f.Add([]byte(served + "AA\t1\r\n\r\n"))
	f.Add([]byte(bankHeader + strings.ReplaceAll(served, "\t", " ")))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ReadBank(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		checkAccounted(t, set)
	})
}

// FuzzReadGeneric does the same for CSV and JSON-lines input.
func FuzzReadGeneric(f *testing.F) {
	f.Add([]byte("day,arrival,intent,queue_entry,queue_exit,answer,end,outcome\n1,100,a,100,110,110,200,answered\n1,x,a,,,,,\n"))
	f.Add([]byte("arrival;outcome;wait\n9:00;abandoned;30\n\"9:01;answered;\n"))
	f.Add([]byte(`{"arrival":"2024-01-02T10:00:00Z","wait":"0:01:00","outcome":"hang","queue_entry":"10:00"}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ReadGeneric(bytes.NewReader(data), "fuzz", nil)
		if err != nil {
			return
		}
		checkAccounted(t, set)
	})
}

func checkAccounted(t *testing.T, set *Set) {
	t.Helper()
	if got := len(set.Records) + set.Issues.Dropped(); got != set.Lines {
		t.Fatalf("%d records + %d dropped != %d lines read", len(set.Records), set.Issues.Dropped(), set.Lines)
	}
	for _, r := range set.Records {
		if r.Outcome < Answered || r.Outcome > Contained || r.Wait < 0 || r.Service < 0 || r.Front < 0 {
			t.Fatalf("record out of range: %+v", r)
		}
	}
}

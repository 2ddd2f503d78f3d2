package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// readCSV parses data and returns its header and rows.
func readCSV(t *testing.T, data []byte) ([]string, [][]string) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(rows) == 0 {
		t.Fatal("CSV is empty")
	}
	return rows[0], rows[1:]
}

// parseCell reads a numeric cell: empty is NaN, anything else must be a plain number.
func parseCell(t *testing.T, s string) float64 {
	t.Helper()
	if s == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("cell %q is not a number: %v", s, err)
	}
	return v
}

func TestReplicationsCSV(t *testing.T) {
	res := synthetic(t, 24, 5)
	var b bytes.Buffer
	if err := WriteReplicationsCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	head, rows := readCSV(t, b.Bytes())
	if want := []string{"replication", "interval", "metric", "value"}; !slices.Equal(head, want) {
		t.Fatalf("header = %q, want %q", head, want)
	}
	metrics := len(res.PerReplication[0].Metrics)
	if want := 5 * (24 + 1) * metrics; len(rows) != want {
		t.Errorf("%d rows, want 5 replications × 25 intervals × %d metrics = %d", len(rows), metrics, want)
	}
	got := map[[3]string]float64{}
	for _, r := range rows {
		got[[3]string{r[0], r[1], r[2]}] = parseCell(t, r[3])
	}
	tests := []struct {
		rep, interval, metric string
		want                  float64
	}{
		{"0", "08:00", sim.MOffered, res.PerReplication[0].Intervals[0][sim.MOffered]},
		{"4", "19:30", sim.MASA, res.PerReplication[4].Intervals[23][sim.MASA]},
		{"2", "09:30", sim.MServiceLevel, math.NaN()}, // undefined: an empty cell
		{"3", Total, sim.MOffered, res.PerReplication[3].Metrics[sim.MOffered]},
	}
	for _, tc := range tests {
		v, ok := got[[3]string{tc.rep, tc.interval, tc.metric}]
		if !ok || !(v == tc.want || math.IsNaN(v) && math.IsNaN(tc.want)) {
			t.Errorf("replication %s, %s, %s = %v (present %v), want %v", tc.rep, tc.interval, tc.metric, v, ok, tc.want)
		}
	}
}

func TestSummaryCSV(t *testing.T) {
	res := synthetic(t, 24, 5)
	var b bytes.Buffer
	if err := WriteSummaryCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	head, rows := readCSV(t, b.Bytes())
	if want := []string{"interval", "scope", "name", "metric", "mean", "ci_low", "ci_high", "n", "unit"}; !slices.Equal(head, want) {
		t.Fatalf("header = %q, want %q", head, want)
	}
	center, group := len(res.Metrics), len(res.Groups[0].Metrics)
	if want := 25*(center+3*center+2*group) + 2*center; len(rows) != want { // + channels, whole run only
		t.Errorf("%d rows, want %d", len(rows), want)
	}
	type key struct{ interval, scope, name, metric string }
	got := map[key][]string{}
	for _, r := range rows {
		for _, c := range r[4:8] {
			parseCell(t, c)
		}
		got[key{r[0], r[1], r[2], r[3]}] = r[4:]
	}
	tests := []struct {
		k    key
		want sim.Stat
	}{
		{key{"08:30", ScopeCenter, "", sim.MServiceLevel}, res.Intervals[1].Metrics[sim.MServiceLevel]},
		{key{"09:30", ScopeCenter, "", sim.MASA}, res.Intervals[3].Metrics[sim.MASA]},
		{key{"12:00", ScopeIntent, "orders", sim.MOffered}, res.Intervals[8].Intents[1].Metrics[sim.MOffered]},
		{key{"12:00", ScopeGroup, "senior", sim.MOccupancy}, res.Intervals[8].Groups[1].Metrics[sim.MOccupancy]},
		{key{Total, ScopeCenter, "", sim.MAbandonRate}, res.Metrics[sim.MAbandonRate]},
		{key{Total, ScopeChannel, "chat", sim.MOffered}, res.Channels[1].Metrics[sim.MOffered]},
	}
	for _, tc := range tests {
		r, ok := got[tc.k]
		if !ok {
			t.Errorf("no row %+v", tc.k)
			continue
		}
		want := []string{csvFloat(tc.want.Mean), csvFloat(tc.want.CI95[0]), csvFloat(tc.want.CI95[1]), strconv.Itoa(tc.want.N),
			string(info(tc.k.metric).Unit)}
		if !slices.Equal(r, want) {
			t.Errorf("row %+v = %q, want %q", tc.k, r, want)
		}
	}
	if r := got[key{"09:30", ScopeCenter, "", sim.MASA}]; r[0] != "" || r[3] != "0" {
		t.Errorf("undefined ASA row = %q, want empty mean and CI, n 0", r)
	}
}

func TestCompareCSV(t *testing.T) {
	runs := []Run{{"a", synthetic(t, 2, 2)}, {"b", synthetic(t, 3, 2)}}
	var b bytes.Buffer
	if err := WriteCompareCSV(&b, runs); err != nil {
		t.Fatal(err)
	}
	head, rows := readCSV(t, b.Bytes())
	if head[0] != "run" || len(head) != 10 {
		t.Errorf("header = %q, want run then the summary columns", head)
	}
	count := map[string]int{}
	for _, r := range rows {
		count[r[0]]++
	}
	var one, two bytes.Buffer
	WriteSummaryCSV(&one, runs[0].Results)
	WriteSummaryCSV(&two, runs[1].Results)
	_, r1 := readCSV(t, one.Bytes())
	_, r2 := readCSV(t, two.Bytes())
	if count["a"] != len(r1) || count["b"] != len(r2) {
		t.Errorf("rows per run = %v, want a: %d, b: %d", count, len(r1), len(r2))
	}
}

func TestCSVFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{{0.25, "0.25"}, {1e-7, "1e-07"}, {7200, "7200"}, {math.NaN(), ""}, {math.Inf(1), ""}}
	for _, tc := range tests {
		if got := csvFloat(tc.in); got != tc.want {
			t.Errorf("csvFloat(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

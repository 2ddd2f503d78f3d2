package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

func fileNames(files []File) []string {
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	return names
}

func TestReportFiles(t *testing.T) {
	st := testStaffing()
	r := Report{Results: synthetic(t, 24, 5), Staffing: &st}
	charts := []string{"service-level", "asa-abandonment", "traffic", "wait-distribution", "occupancy", "bot-funnel", "staffing-curve"}
	var images []string
	for _, f := range []string{"png", "svg", "pdf"} {
		for _, c := range charts {
			images = append(images, "charts/"+c+"."+f)
		}
	}
	tests := []struct {
		name    string
		formats []Format
		want    []string
	}{
		{"all", nil, append(append([]string{"report.html", "report.pdf"}, images...),
			"summary.csv", "replications.csv", "results.json", "summary.txt")},
		{"svg", []Format{SVG}, images[len(charts) : 2*len(charts)]},
		{"html and csv", []Format{HTML, CSV}, []string{"report.html", "summary.csv", "replications.csv"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := r.Files(tc.formats)
			if got := fileNames(files); !slices.Equal(got, tc.want) {
				t.Fatalf("Files(%v) = %q, want %q", tc.formats, got, tc.want)
			}
			for _, f := range files {
				var b bytes.Buffer
				if err := f.Write(&b); err != nil || b.Len() == 0 {
					t.Errorf("%s: %d bytes, error %v; want content", f.Name, b.Len(), err)
				}
			}
		})
	}
}

func TestResultsJSONRoundTrip(t *testing.T) {
	res := synthetic(t, 3, 2)
	var b bytes.Buffer
	if err := writeJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	var back sim.Results
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("results.json does not read back: %v", err)
	}
	if back.Scenario != res.Scenario || len(back.Intervals) != 3 || back.Metrics[sim.MOffered] != res.Metrics[sim.MOffered] {
		t.Errorf("results.json read back as %q with %d intervals, offered %+v", back.Scenario, len(back.Intervals), back.Metrics[sim.MOffered])
	}
}

// pdfPages counts the pages of a PDF written by fpdf.
func pdfPages(data []byte) int {
	return len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(data, -1))
}

func TestPDFReport(t *testing.T) {
	st := testStaffing()
	tests := []struct {
		name     string
		r        Report
		minPages int
	}{
		{"empty", Report{Results: &sim.Results{}}, 1 + 6},
		{"day", Report{Results: synthetic(t, 24, 5), Staffing: &st}, 1 + 7 + 1},
		{"two days", Report{Results: synthetic(t, 48, 3)}, 1 + 6 + 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.r.WritePDF(&b); err != nil {
				t.Fatalf("WritePDF: %v", err)
			}
			checkImage(t, b.Bytes(), PDF)
			if got := pdfPages(b.Bytes()); got < tc.minPages {
				t.Errorf("PDF has %d pages, want at least %d", got, tc.minPages)
			}
		})
	}
}

func TestWindows1252(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"95 % ± t·s/√n", "95 % \xb1 t\xb7s/sqrtn"},
		{"n−1 → ≥", "n-1 -> >="},
		{"café", "caf\xe9"},
	}
	for _, tc := range tests {
		if got := toWindows1252(tc.in); got != tc.want {
			t.Errorf("toWindows1252(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	sty := textStyle(10, false)
	text := strings.Repeat("word ", 60)
	lines := wrap(text, sty, 200)
	if len(lines) < 5 {
		t.Fatalf("wrap gave %d lines, want several", len(lines))
	}
	for _, l := range lines {
		if w := sty.Width(l); w > 200 {
			t.Errorf("line %q is %v wide, want ≤ 200", l, w)
		}
	}
	if got := strings.Join(lines, " "); got != strings.TrimSpace(text) {
		t.Errorf("wrapped lines rejoin to %d chars, want %d", len(got), len(strings.TrimSpace(text)))
	}
}

// ExampleWriteSummaryCSV writes the tidy summary of a one-interval result.
func ExampleWriteSummaryCSV() {
	res := &sim.Results{
		Intervals: []sim.Interval{{Start: "08:00", Metrics: sim.Metrics{
			sim.MServiceLevel: {Mean: 0.85, CI95: [2]float64{0.8, 0.9}, N: 10},
		}}},
		Metrics: sim.Metrics{sim.MServiceLevel: {Mean: 0.85, CI95: [2]float64{0.8, 0.9}, N: 10}},
	}
	var b bytes.Buffer
	WriteSummaryCSV(&b, res)
	fmt.Print(b.String())
	// Output:
	// interval,scope,name,metric,mean,ci_low,ci_high,n,unit
	// 08:00,center,,service_level,0.85,0.8,0.9,10,share
	// total,center,,service_level,0.85,0.8,0.9,10,share
}

// BenchmarkReport renders every file of a report of two days of 30-minute
// intervals (the default scenario's report, with its simulation, is
// benchmarked in cmd/ccsim).
func BenchmarkReport(b *testing.B) {
	st := testStaffing()
	r := Report{Results: synthetic(b, 48, 20), Staffing: &st}
	for b.Loop() {
		for _, f := range r.Files(nil) {
			if err := f.Write(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
}

package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// runCharts are the charts of a run's report, staffing curve last.
func runCharts() []string {
	return []string{"service-level", "asa-abandonment", "traffic", "wait-distribution", "occupancy", "bot-funnel", "staffing-curve"}
}

// saveResults runs a bundled scenario with few replications and saves its JSON in dir.
func saveResults(t *testing.T, dir, scenario, name string) string {
	t.Helper()
	out, errb, code := ccsim(t, "run", scenario, "--json", "--reps", "3")
	if code != 0 {
		t.Fatalf("run %s --json exited %d: %s", scenario, code, errb)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// listDir returns the files under dir, relative and with forward slashes, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() == 0 {
			t.Errorf("%s is empty", p)
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

func chartFiles(names []string, formats ...string) []string {
	var out []string
	for _, n := range names {
		for _, f := range formats {
			out = append(out, "charts/"+n+"."+f)
		}
	}
	return out
}

func sorted(xs ...[]string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x...)
	}
	slices.Sort(out)
	return out
}

func TestRunOutWritesReportDir(t *testing.T) {
	dir := t.TempDir()
	_, errb, code := ccsim(t, "run", "--reps", "3", "--out", dir)
	if code != 0 {
		t.Fatalf("run --out exited %d: %s", code, errb)
	}
	want := sorted(chartFiles(runCharts(), "png", "svg", "pdf"),
		[]string{"report.html", "report.pdf", "summary.csv", "replications.csv", "results.json", "summary.txt"})
	if got := listDir(t, dir); !slices.Equal(got, want) {
		t.Errorf("run --out wrote %q, want %q", got, want)
	}
}

func TestReport(t *testing.T) {
	in := t.TempDir()
	a := saveResults(t, in, "default", "a.json")
	b := saveResults(t, in, "bot-no-context", "b.json")
	noStaffing := runCharts()[:len(runCharts())-1]
	var compare []string
	for _, m := range reports.CompareMetrics() {
		compare = append(compare, "compare-"+strings.ReplaceAll(m, "_", "-"))
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"default formats", []string{a}, sorted(chartFiles(noStaffing, "png", "svg", "pdf"),
			[]string{"report.html", "report.pdf", "summary.csv", "replications.csv"})},
		{"svg only", []string{a, "--format", "svg"}, sorted(chartFiles(noStaffing, "svg"))},
		{"html and csv", []string{"--format", "html,csv", a}, sorted([]string{"report.html", "summary.csv", "replications.csv"})},
		{"json and text", []string{a, "--format", "json,txt"}, []string{"results.json", "summary.txt"}},
		{"staffing curve", []string{a, "--format", "png", "--scenario", "default"}, sorted(chartFiles(runCharts(), "png"))},
		{"compare", []string{"--compare", a, b}, sorted(chartFiles(compare, "png", "svg", "pdf"),
			[]string{"report.html", "report.pdf", "summary.csv"})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out, errb, code := ccsim(t, append([]string{"report", "--out", dir}, tc.args...)...)
			if code != 0 {
				t.Fatalf("report %q exited %d: %s", tc.args, code, errb)
			}
			got := listDir(t, dir)
			if !slices.Equal(got, tc.want) {
				t.Errorf("report %q wrote %q, want %q", tc.args, got, tc.want)
			}
			if n := len(strings.Fields(out)); n != len(tc.want) {
				t.Errorf("report %q listed %d files on stdout, want %d", tc.args, n, len(tc.want))
			}
		})
	}
}

func TestReportCompareLabels(t *testing.T) {
	in := t.TempDir()
	for _, d := range []string{"before", "after"} {
		if err := os.Mkdir(filepath.Join(in, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	a := saveResults(t, filepath.Join(in, "before"), "default", "results.json")
	b := saveResults(t, filepath.Join(in, "after"), "default", "results.json")
	dir := t.TempDir()
	if _, errb, code := ccsim(t, "report", "--compare", a, b, "--format", "html", "--out", dir); code != 0 {
		t.Fatalf("report --compare exited %d: %s", code, errb)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "before vs after") {
		t.Error("comparison of before/results.json and after/results.json is not titled \"before vs after\"")
	}
}

func TestReportBadInput(t *testing.T) {
	in := t.TempDir()
	good := saveResults(t, in, "default", "good.json")
	steady := saveResults(t, in, "erlang-c", "steady.json")
	write := func(name, content string) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	notJSON := write("notes.json", "service level was fine\n")
	scenario := write("scenario.json", `{"name": "x", "arrivals": {"rate": 10}}`)
	array := write("array.json", `[1, 2, 3]`)
	wrongType := write("wrong.json", `{"scenario": 5, "replications": 3, "metrics": {}, "intervals": []}`)
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"missing file", []string{filepath.Join(in, "nope.json")}, "nope.json: no such file"},
		{"not JSON", []string{notJSON}, "notes.json: not JSON"},
		{"JSON of another shape", []string{scenario}, "not ccsim results (ccsim run --json): missing scenario, replications, metrics, intervals"},
		{"JSON array", []string{array}, "not ccsim results: the JSON is not an object"},
		{"wrong field type", []string{wrongType}, "wrong.json: not ccsim results"},
		{"no intervals", []string{steady}, "steady.json: the results have no intervals"},
		{"no file", nil, "expected one RESULTS.json file"},
		{"two files", []string{good, good}, "expected one RESULTS.json file"},
		{"unknown format", []string{good, "--format", "gif"}, `unknown format "gif"`},
		{"compare one file", []string{"--compare", good}, "--compare needs at least two results files"},
		{"compare a bad file", []string{"--compare", good, notJSON}, "notes.json: not JSON"},
		{"unknown scenario", []string{good, "--scenario", "nope"}, "no bundled scenario"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			_, errb, code := ccsim(t, append([]string{"report", "--out", dir}, tc.args...)...)
			if code != 2 || !strings.Contains(errb, tc.wantErr) {
				t.Errorf("report %q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, errb, tc.wantErr)
			}
		})
	}
}

// BenchmarkRunReport renders the full report directory of the default
// scenario: the staffing-curve simulation, every chart in three formats,
// the HTML and PDF reports, the CSV, JSON and text files (to io.Discard).
// The day itself is simulated once, outside the timing.
func BenchmarkRunReport(b *testing.B) {
	sc, err := scenarios.Bundled("default")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	res, err := sim.Run(ctx, sc, sim.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		st, err := staff.SimulateCurve(ctx, sc, res, staff.CurveOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range (reports.Report{Results: res, Staffing: &st}).Files(nil) {
			if err := f.Write(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
}

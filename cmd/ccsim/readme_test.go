package main

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/calibrate"
	"github.com/ccsim/ccsim/records"
	"github.com/ccsim/ccsim/sim"
)

// readmePath is the README whose headline figures these tests pin;
// calibrationDoc the page with the back-test's interval table.
const (
	readmePath     = "../../README.md"
	calibrationDoc = "../../docs/calibration.md"
)

// readmeLines returns the README's lines (index i is line i+1).
func readmeLines(tb testing.TB) []string { return docLines(tb, readmePath) }

// docLines returns a file's lines (index i is line i+1).
func docLines(tb testing.TB, path string) []string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Split(string(data), "\n")
}

// findLine returns the index of the first line at or after from that
// starts with prefix, or fails.
func findLine(tb testing.TB, lines []string, from int, prefix string) int {
	tb.Helper()
	for i := from; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], prefix) {
			return i
		}
	}
	tb.Fatalf("no line starting %q", prefix)
	return -1
}

// toolVersion matches the tool version ending a provenance line; it
// differs between builds (make build stamps git describe).
var toolVersion = regexp.MustCompile(`(?m)^(source .*, ccsim )\S+$`)

// TestReadmeFirstRun runs the bundled default scenario as "A first run"
// shows it and requires the README's block, line by line, in the output
// (the README's "..." stands for the intervals it leaves out).
func TestReadmeFirstRun(t *testing.T) {
	lines := readmeLines(t)
	start := findLine(t, lines, 0, "Retail hybrid weekday")
	out, stderr, code := ccsim(t, "run")
	if code != 0 {
		t.Fatalf("ccsim run: exit %d: %s", code, stderr)
	}
	got := strings.Split(toolVersion.ReplaceAllString(out, "${1}VERSION"), "\n")
	for i := 0; start+i < len(lines) && lines[start+i] != "```"; i++ {
		want := toolVersion.ReplaceAllString(lines[start+i], "${1}VERSION")
		if strings.TrimSpace(want) == "..." {
			break
		}
		if i >= len(got) || got[i] != want {
			g := ""
			if i < len(got) {
				g = got[i]
			}
			t.Errorf("README.md:%d: ccsim run prints %q, the README says %q", start+i+1, g, want)
		}
	}
}

// TestReadmeVariants checks the service level and abandonment the README
// quotes for the bundled variants bot-no-context and human-only.
func TestReadmeVariants(t *testing.T) {
	lines := readmeLines(t)
	text := strings.Join(lines, "\n")
	for _, name := range []string{"bot-no-context", "human-only"} {
		re := regexp.MustCompile("`ccsim run " + name + "`" + `[^)]*?service level ([\d.]+) %,\s+abandonment ([\d.]+) %`)
		m := re.FindStringSubmatchIndex(text)
		if m == nil {
			t.Fatalf("README.md: no \"ccsim run %s\" with its service level and abandonment", name)
		}
		line := strings.Count(text[:m[0]], "\n") + 1
		sc, err := loadScenario(name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := sim.Run(context.Background(), sc, sim.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for k, metric := range []string{sim.MServiceLevel, sim.MAbandonRate} {
			want := text[m[2+2*k]:m[3+2*k]]
			digits := 0
			if _, frac, ok := strings.Cut(want, "."); ok {
				digits = len(frac)
			}
			got := strconv.FormatFloat(100*res.Metrics[metric].Mean, 'f', digits, 64)
			if got != want {
				t.Errorf("README.md:%d: ccsim run %s gives %s %s %%, the README says %s %%", line, name, metric, got, want)
			}
		}
	}
}

// TestReadmeBacktest calibrates the shipped January records, back-tests
// every day type as `ccsim calibrate --backtest` does, and requires the
// README's whole-day table and the Sun–Thu interval table of
// docs/calibration.md.
func TestReadmeBacktest(t *testing.T) {
	cal := calibrateJanuary(t)
	lines := readmeLines(t)
	names := map[string]string{"sun-thu": "Sun–Thu", "fri": "Friday", "sat": "Saturday"}
	for _, d := range cal.DayTypes {
		b, err := cal.Backtest(context.Background(), d.Name, sim.Options{})
		if err != nil {
			t.Fatal(err)
		}
		label := names[d.Name]
		obs := findLine(t, lines, 0, "| "+label+", observed")
		for k, row := range []string{wholeDayRow(b, label, true), wholeDayRow(b, label, false)} {
			if lines[obs+k] != row {
				t.Errorf("README.md:%d: the back-test gives\n%s\nthe README says\n%s", obs+k+1, row, lines[obs+k])
			}
		}
		if d.Name != "sun-thu" {
			continue
		}
		var md strings.Builder
		if err := b.WriteTable(&md, true); err != nil {
			t.Fatal(err)
		}
		// The page shortens the header row; the rows below are the table's.
		doc := docLines(t, calibrationDoc)
		first := findLine(t, doc, 0, "| interval | offered |")
		for i, row := range strings.Split(strings.TrimSuffix(md.String(), "\n"), "\n") {
			if i > 0 && doc[first+i] != row {
				t.Errorf("docs/calibration.md:%d: the Sun–Thu back-test gives %q, the page says %q", first+i+1, row, doc[first+i])
			}
		}
	}
}

// calibrateJanuary calibrates the shipped January records with the default options.
func calibrateJanuary(tb testing.TB) *calibrate.Report {
	tb.Helper()
	set, err := readRecordFile(januaryPath, "anonymous-bank", records.Mapping{})
	if err != nil {
		tb.Fatal(err)
	}
	cal, err := calibrate.Run(set, calibrate.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return cal
}

// wholeDayRow formats one row of the README's whole-day back-test table.
func wholeDayRow(b *calibrate.Backtest, label string, observed bool) string {
	pick := func(metric string) sim.Stat {
		o, s := b.Pair(metric, -1)
		if observed {
			return o
		}
		return s
	}
	ci := func(metric, format, unit string, k float64) string {
		s := pick(metric)
		v := func(x float64) string { return fmt.Sprintf(format, k*x) }
		return v(s.Mean) + unit + " (" + v(s.CI95[0]) + "–" + v(s.CI95[1]) + ")"
	}
	head := label + ", simulated"
	if observed {
		head = fmt.Sprintf("%s, observed (%d days)", label, b.Days)
	}
	return "| " + strings.Join([]string{head, ci(sim.MToHuman, "%.0f", "", 1), ci(sim.MServiceLevel, "%.1f", " %", 100),
		ci(sim.MASA, "%.0f", " s", 1), ci(sim.MAbandonRate, "%.1f", " %", 100), ci(sim.MQueueLength, "%.2f", "", 1)}, " | ") + " |"
}

// TestReadmeWalkthrough checks the figures of the README's manager's
// walk-through that ccsim staff prints: the day's totals and the check.
func TestReadmeWalkthrough(t *testing.T) {
	text := strings.Join(readmeLines(t), "\n")
	out, stderr, code := ccsim(t, "staff")
	if code != 0 {
		t.Fatalf("ccsim staff: exit %d: %s", code, stderr)
	}
	n := 0
	for _, line := range strings.Split(out, "\n") {
		if n == 4 {
			break // the per-channel and per-group tables repeat the starts
		}
		if strings.HasPrefix(line, "scheduled agent-hours") || strings.HasPrefix(line, "out of sample") || strings.HasPrefix(line, "71.9 FTE") ||
			strings.HasPrefix(line, "  10:30 ") {
			n++
			if !strings.Contains(text, line) {
				t.Errorf("README.md: the walk-through lacks ccsim staff's line %q", line)
			}
		}
	}
	if n != 4 {
		t.Errorf("found %d of the 4 lines of ccsim staff the walk-through quotes:\n%s", n, out)
	}
}

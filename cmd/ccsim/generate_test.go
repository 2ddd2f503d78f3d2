package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsim/ccsim/records"
)

func TestGenerateCSVToStdout(t *testing.T) {
	out, _, code := ccsim(t, "generate", "erlang-c", "--days", "2")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 100 || rows[0][0] != "id" || len(rows[0]) != len(records.LogColumns()) {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	days := map[string]bool{}
	for _, r := range rows[1:] {
		days[r[1]] = true
	}
	if len(days) != 2 {
		t.Errorf("days in the log = %v, want 1 and 2", days)
	}
}

func TestGenerateFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"log.csv.gz", "log.jsonl", "log.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			_, stderr, code := ccsim(t, "generate", "--days", "1", "--out", path)
			if code != 0 || !strings.Contains(stderr, "wrote") {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var r interface{ Read([]byte) (int, error) } = f
			if strings.HasSuffix(name, ".gz") {
				z, err := gzip.NewReader(f)
				if err != nil {
					t.Fatal(err)
				}
				r = z
			}
			s := bufio.NewScanner(r)
			s.Scan()
			first := s.Text()
			if strings.Contains(name, "jsonl") {
				var obj map[string]any
				if err := json.Unmarshal([]byte(first), &obj); err != nil || obj["day"] != 1.0 {
					t.Errorf("first line %q is not a day-1 JSON object: %v", first, err)
				}
			} else if !strings.HasPrefix(first, "id,day,arrival,") {
				t.Errorf("first line %q is not the CSV header", first)
			}
		})
	}
}

func TestGenerateUsage(t *testing.T) {
	for _, args := range [][]string{
		{"generate", "--days", "0"},
		{"generate", "--out", "log.xml"},
		{"generate", "--format", "xml"},
		{"generate", "no-such-scenario"},
		{"generate", "a", "b"},
	} {
		if _, _, code := ccsim(t, args...); code != 2 {
			t.Errorf("ccsim %v exited %d, want 2", args, code)
		}
	}
	_, stderr, code := ccsim(t, "generate", "--help")
	if code != 0 || !strings.Contains(stderr, "retrial_of") {
		t.Errorf("generate --help: exit %d, columns not listed:\n%s", code, stderr)
	}
}

// BenchmarkGenerate10M writes ten million contacts (1,400 days of the
// default scenario) to a CSV file and reports the peak heap in use, sampled
// every 5 ms, and the process's peak resident memory. Run it with
//
//	go test ./cmd/ccsim -run '^$' -bench Generate10M -benchtime 1x
func BenchmarkGenerate10M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "log.csv")
	for b.Loop() {
		runtime.GC()
		stop, peak := heapSampler()
		_, stderr, code := ccsimTB(b, "generate", "--days", "1400", "--out", path)
		stop()
		if code != 0 {
			b.Fatalf("exit %d: %s", code, stderr)
		}
		var rows float64
		if i := strings.Index(stderr, "wrote "); i >= 0 {
			rows, _ = strconv.ParseFloat(strings.Fields(stderr[i+6:])[0], 64)
		}
		if rows < 10e6 {
			b.Fatalf("wrote %g contacts, want at least 10 million", rows)
		}
		fi, _ := os.Stat(path)
		b.ReportMetric(rows, "contacts")
		b.ReportMetric(float64(*peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
		if hwm := peakRSS(); hwm > 0 {
			b.ReportMetric(hwm/(1<<20), "peak-RSS-MB")
		}
		if *peak > 100<<20 {
			b.Errorf("peak heap %d MB, want under 100 MB", *peak>>20)
		}
	}
}

// ccsimTB runs the CLI in-process, like ccsim, for tests and benchmarks.
func ccsimTB(tb testing.TB, args ...string) (stdout, stderr string, code int) {
	tb.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), exitCode(err, &errb)
}

// heapSampler samples the bytes of live heap objects until stopped.
func heapSampler() (stop func(), peak *uint64) {
	peak = new(uint64)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	// The sampler exits when stop closes done.
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			*peak = max(*peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }, peak
}

// peakRSS reads the process's peak resident set size (Linux), or 0.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb * 1024
		}
	}
	return 0
}

package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// files returns every file under dir by its relative path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSweepShardedMergedIdentical is the acceptance test of sweep --shard
// and merge: the merged shards write byte for byte the files of the
// unsharded sweep, whatever the order of the parts, and the number of
// workers changes nothing.
func TestSweepShardedMergedIdentical(t *testing.T) {
	dir := t.TempDir()
	sweep := filepath.Join("testdata", "sweep-small.toml")
	whole := filepath.Join(dir, "whole")
	out, errs, code := ccsim(t, "sweep", sweep, "--out", whole, "--workers", "2")
	if code != 0 {
		t.Fatalf("sweep exited %d: %s", code, errs)
	}
	if !strings.Contains(out, "Sweep small over Retail hybrid weekday: 6 points") {
		t.Errorf("sweep output:\n%s", out)
	}
	parts := filepath.Join(dir, "parts")
	for _, shard := range []string{"2/4", "0/4", "3/4", "1/4"} {
		workers := "1"
		if shard == "0/4" {
			workers = "3"
		}
		if _, errs, code := ccsim(t, "sweep", sweep, "--shard", shard, "--out", parts, "--workers", workers); code != 0 {
			t.Fatalf("sweep --shard %s exited %d: %s", shard, code, errs)
		}
	}
	names, _ := filepath.Glob(filepath.Join(parts, "part-*-of-4.json"))
	if len(names) != 4 {
		t.Fatalf("parts %v, want 4", names)
	}
	merged := filepath.Join(dir, "merged")
	if _, errs, code := ccsim(t, append([]string{"merge", "--out", merged}, names[3], names[1], names[0], names[2])...); code != 0 {
		t.Fatalf("merge exited %d: %s", code, errs)
	}
	a, b := files(t, whole), files(t, merged)
	if len(a) < 9 || len(a) != len(b) {
		t.Fatalf("unsharded wrote %d files, merged %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between the unsharded and the merged sweep", name)
		}
	}
	if part, _ := os.ReadFile(names[0]); !bytes.Contains(part, []byte(`"order_status containment 30 %"`)) ||
		!bytes.Contains(part, []byte(`"senior shift 1 agents 14"`)) {
		t.Errorf("%s lacks the points' labels:\n%.400s", names[0], part)
	}
	if svg := a[filepath.Join("charts", "sweep-intents-order-status-bot-containment.svg")]; !bytes.Contains(svg, []byte(">senior shift 1 agents 16<")) {
		t.Errorf("the containment sweep chart's legend does not name the line senior shift 1 agents 16")
	}
	csv := string(a["sweep.csv"])
	if !strings.HasPrefix(csv, "point,intents.order_status.bot_containment,agents.senior.shifts.0.count,interval,metric,mean,ci_low,ci_high,n,unit\n") ||
		!strings.Contains(csv, "\n5,0.7,16,total,service_level,") || !regexp.MustCompile(`\n5,0\.7,16,total,cost,[^\n]*,EUR\n`).MatchString(csv) {
		t.Errorf("sweep.csv is not the tidy table expected:\n%.300s", csv)
	}
}

func TestMergeErrors(t *testing.T) {
	dir := t.TempDir()
	sweep := filepath.Join("testdata", "sweep-small.toml")
	for _, shard := range []string{"0/3", "1/3", "2/3"} {
		if _, errs, code := ccsim(t, "sweep", sweep, "--shard", shard, "--out", dir); code != 0 {
			t.Fatalf("sweep --shard %s: %s", shard, errs)
		}
	}
	other := filepath.Join(dir, "other")
	os.MkdirAll(other, 0o755)
	src, _ := os.ReadFile(sweep)
	os.WriteFile(filepath.Join(other, "s.toml"), bytes.Replace(src, []byte("seed = 5"), []byte("seed = 6"), 1), 0o644)
	if _, errs, code := ccsim(t, "sweep", filepath.Join(other, "s.toml"), "--shard", "1/3", "--out", other); code != 0 {
		t.Fatalf("other sweep: %s", errs)
	}
	part := func(dir string, i int) string { return filepath.Join(dir, "part-"+string(rune('0'+i))+"-of-3.json") }
	tests := []struct {
		name  string
		parts []string
		want  string
	}{
		{"missing shard", []string{part(dir, 0), part(dir, 2)}, "missing shards [1/3]"},
		{"shard twice", []string{part(dir, 0), part(dir, 1), part(dir, 1), part(dir, 2)}, "shard 1/3 given twice"},
		{"another sweep", []string{part(dir, 0), part(other, 1), part(dir, 2)}, "is of another sweep"},
		{"not a part", []string{sweep}, "not a sweep part"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := ccsim(t, append([]string{"merge", "--out", filepath.Join(dir, "m")}, tc.parts...)...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.want)
			}
		})
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		in     string
		idx, n int
		ok     bool
	}{
		{"", 0, 1, true}, {"0/1", 0, 1, true}, {"3/4", 3, 4, true},
		{"4/4", 0, 0, false}, {"-1/4", 0, 0, false}, {"1/0", 0, 0, false}, {"1", 0, 0, false}, {"a/b", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			idx, n, err := parseShard(tc.in)
			if (err == nil) != tc.ok || (tc.ok && (idx != tc.idx || n != tc.n)) {
				t.Errorf("parseShard(%q) = %d, %d, %v; want %d, %d, ok %v", tc.in, idx, n, err, tc.idx, tc.n, tc.ok)
			}
		})
	}
}

// BenchmarkSweep runs the sweep of deploy/kubernetes/sweep.toml (8 points
// of the default scenario, 20 replications each) with 1 and 2 workers.
func BenchmarkSweep(b *testing.B) {
	sw, err := loadSweep(filepath.Join("..", "..", "deploy", "kubernetes", "sweep.toml"))
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run("workers="+string(rune('0'+workers)), func(b *testing.B) {
			for b.Loop() {
				if _, err := sweepResults(context.Background(), env{}, sw, 0, 1, workers); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

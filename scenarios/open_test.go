package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(good, []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(strings.Replace(base, "rate = 100", "rate = -1", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		arg, name, err string
	}{
		{"", "Retail hybrid weekday", ""},
		{"erlang-c", "Erlang C textbook case", ""},
		{good, "t", ""},
		{bad, "", bad + ":5: arrivals.rate"},
		{filepath.Join(dir, "missing.toml"), "", "no such file, and no bundled scenario"},
	}
	for _, tc := range tests {
		sc, err := Open(tc.arg)
		switch {
		case tc.err == "" && (err != nil || sc.Name != tc.name):
			t.Errorf("Open(%q) = %v, %v; want scenario %q", tc.arg, sc, err, tc.name)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("Open(%q) error = %v, want it to contain %q", tc.arg, err, tc.err)
		}
	}
}

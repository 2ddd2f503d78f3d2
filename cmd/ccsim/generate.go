package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ccsim/ccsim/records"
)

// runGenerate writes a synthetic contact log: every contact of N simulated days.
func runGenerate(ctx context.Context, e env, args []string) error {
	fs := newFlags("generate", "generate [FILE|NAME] [--days N] [--out FILE.csv|.csv.gz|.jsonl|.jsonl.gz] [--format csv|jsonl] [--seed S]", e.stderr)
	days := fs.Int("days", 1, "days to simulate (day d is replication d-1 of the scenario)")
	out := fs.String("out", "", "file to write; .gz compresses; default: standard output")
	format := fs.String("format", "", "csv or jsonl (default: from the --out extension, else csv)")
	seed := fs.Uint64("seed", 0, "random seed (default: the scenario's)")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: ccsim generate [FILE|NAME] [flags]\n\nWrites one row per contact, streamed (constant memory). Columns:\n")
		for _, c := range records.LogColumns() {
			fmt.Fprintf(e.stderr, "  %-12s %s\n", c.Name, c.Doc)
		}
		fmt.Fprintf(e.stderr, "\nFlags:\n")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 1, "at most one scenario FILE or NAME"); err != nil {
		return err
	}
	if *days < 1 {
		return usageError{fmt.Errorf("--days must be at least 1, got %d", *days)}
	}
	lf, gz, err := logFormat(*format, *out)
	if err != nil {
		return err
	}
	sc, err := loadScenario(first(pos))
	if err != nil {
		return err
	}
	if isSet(fs, "seed") {
		sc.Seed = *seed
	}
	w, closeOut, err := createOutput(*out, e.stdout, gz)
	if err != nil {
		return err
	}
	lw, err := records.NewLogWriter(w, lf)
	if err != nil {
		closeOut()
		return usageError{err}
	}
	err = records.Generate(ctx, sc, *days, lw, progress(e, "days"))
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(e.stderr, "wrote %d contacts (%d days of %q) to %s\n", lw.Rows(), *days, sc.Name, *out)
	}
	return nil
}

// logFormat picks the log format from --format or the file name, and
// whether to gzip.
func logFormat(format, out string) (records.LogFormat, bool, error) {
	gz := strings.HasSuffix(out, ".gz")
	base := strings.TrimSuffix(out, ".gz")
	switch {
	case format == "csv" || format == "jsonl":
		return records.LogFormat(format), gz, nil
	case format != "":
		return "", false, usageError{fmt.Errorf("--format %q: want csv or jsonl", format)}
	case strings.HasSuffix(base, ".jsonl") || strings.HasSuffix(base, ".ndjson"):
		return records.LogJSONL, gz, nil
	case out == "" || strings.HasSuffix(base, ".csv"):
		return records.LogCSV, gz, nil
	}
	return "", false, usageError{fmt.Errorf("--out %q: want a .csv, .csv.gz, .jsonl or .jsonl.gz file (or give --format)", out)}
}

// createOutput opens the output (standard output when name is empty),
// gzipped if asked; closeOut flushes and closes everything it opened.
func createOutput(name string, stdout io.Writer, gz bool) (w io.Writer, closeOut func() error, err error) {
	w, closeOut = stdout, func() error { return nil }
	if name != "" {
		f, err := os.Create(name)
		if err != nil {
			return nil, nil, err
		}
		w, closeOut = f, f.Close
	}
	if !gz {
		return w, closeOut, nil
	}
	z, _ := gzip.NewWriterLevel(w, gzip.BestSpeed) // logs are bulk data: speed over size
	inner := closeOut
	return z, func() error {
		err := z.Close()
		if cerr := inner(); err == nil {
			err = cerr
		}
		return err
	}, nil
}

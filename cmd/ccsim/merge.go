package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/ccsim/ccsim/reports"
)

// runMerge joins the parts written by sweep --shard into the whole sweep's files.
func runMerge(_ context.Context, e env, args []string) error {
	fs := newFlags("merge", "merge PART.json... [--out DIR]", e.stderr)
	out := fs.String("out", "sweep", "directory to write the merged sweep into")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, -1, "the part files written by ccsim sweep --shard"); err != nil {
		return err
	}
	var parts []reports.SweepResult
	for _, path := range pos {
		data, err := os.ReadFile(path)
		if err != nil {
			return usageError{err}
		}
		var p reports.SweepResult
		if err := json.Unmarshal(data, &p); err != nil {
			return usageError{fmt.Errorf("%s: not a sweep part: %v", path, err)}
		}
		parts = append(parts, p)
	}
	sr, err := reports.MergeSweep(parts)
	if err != nil {
		return usageError{err}
	}
	return writeSweep(e, *out, sr)
}

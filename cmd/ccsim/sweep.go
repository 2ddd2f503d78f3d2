package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// runSweep runs a sweep file's points (or one shard of them) on all cores.
func runSweep(ctx context.Context, e env, args []string) error {
	fs := newFlags("sweep", "sweep SWEEP.toml [--workers W] [--shard I/N] [--out DIR]", e.stderr)
	workers := fs.Int("workers", 0, "replications simulated in parallel, over all points (default: number of CPUs)")
	shard := fs.String("shard", "", "run only points i with i mod N = I and write DIR/part-I-of-N.json, for ccsim merge")
	out := fs.String("out", "sweep", "directory to write the report, sweep.csv, sweep.json and charts (or the shard's part) into")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, 1, "one SWEEP.toml file"); err != nil {
		return err
	}
	if *workers < 0 {
		return usageError{fmt.Errorf("--workers must not be negative")}
	}
	idx, n, err := parseShard(*shard)
	if err != nil {
		return err
	}
	sw, err := loadSweep(pos[0])
	if err != nil {
		return err
	}
	sr, err := sweepResults(ctx, e, sw, idx, n, *workers)
	if err != nil {
		return err
	}
	part, err := json.Marshal(sr)
	if err != nil {
		return err
	}
	if n > 1 {
		path := filepath.Join(*out, fmt.Sprintf("part-%d-of-%d.json", idx, n))
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, append(part, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "shard %d/%d of sweep %q: %d of %d points, written to %s\n", idx, n, sw.Name, len(sr.Results), sr.Points, path)
		return nil
	}
	// The whole sweep goes through the bytes of its part, as merged shards do,
	// so that both write identical files.
	var whole reports.SweepResult
	if err := json.Unmarshal(part, &whole); err != nil {
		return err
	}
	return writeSweep(e, *out, whole)
}

// parseShard reads "I/N" (0 <= I < N); "" is the whole sweep, 0/1.
func parseShard(s string) (idx, n int, err error) {
	if s == "" {
		return 0, 1, nil
	}
	a, b, ok := strings.Cut(s, "/")
	idx, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || idx < 0 || idx >= n {
		return 0, 0, usageError{fmt.Errorf("--shard %q: want I/N with 0 <= I < N, e.g. 0/4", s)}
	}
	return idx, n, nil
}

// loadSweep reads a sweep file; problems with it are usage errors.
func loadSweep(path string) (*scenarios.Sweep, error) {
	sw, err := scenarios.OpenSweep(path)
	if err != nil {
		return nil, usageError{err}
	}
	return sw, nil
}

// sweepResults simulates the points of shard idx of n, all on one pool of
// workers, with the sweep's seed and replications.
func sweepResults(ctx context.Context, e env, sw *scenarios.Sweep, idx, n, workers int) (reports.SweepResult, error) {
	base := sw.Scenario
	seed, reps := base.Seed, base.Replications
	if sw.Seed != nil {
		seed = *sw.Seed
	}
	if sw.Replications > 0 {
		reps = sw.Replications
	}
	sr := reports.SweepResult{Sweep: sw.Name, Fingerprint: fingerprint(sw, seed, reps), Base: base.Name, Params: sw.Params,
		Points: len(sw.Points), Shard: idx, Shards: n, Replications: reps, Seed: seed,
		Target: base.ServiceLevel.Target, Threshold: base.ServiceLevel.Threshold.Seconds()}
	if base.Costs != nil {
		sr.Currency = base.Costs.Currency
	}
	for _, key := range sw.Params {
		sr.ParamLabels = append(sr.ParamLabels, scenarios.KeyLabel(key))
	}
	var scs []*sim.Scenario
	var index []int
	for i, p := range sw.Points {
		if reports.InShard(i, idx, n) {
			sc := *p.Scenario
			sc.Seed, sc.Replications = seed, reps
			scs, index = append(scs, &sc), append(index, i)
		}
	}
	res, err := sim.RunAll(ctx, scs, sim.Options{Workers: workers, Progress: progress(e, "replications")})
	if err != nil {
		return sr, err
	}
	for j, r := range res {
		p := sw.Points[index[j]]
		values, labels := make([]string, len(sw.Params)), make([]string, len(sw.Params))
		for k, key := range sw.Params {
			values[k] = p.Value(key)
			for _, o := range p.Overrides {
				if o.Key == key {
					labels[k] = o.Label()
				}
			}
		}
		pt := reports.NewSweepPoint(index[j], values, r)
		pt.Labels = labels
		sr.Results = append(sr.Results, pt)
	}
	return sr, nil
}

// fingerprint identifies a sweep by its base scenario, points, seed and
// replications, so that merge refuses parts of different sweeps.
func fingerprint(sw *scenarios.Sweep, seed uint64, reps int) string {
	h := sha256.New()
	if data, err := scenarios.Encode(sw.Scenario); err == nil {
		h.Write(data)
	}
	for _, p := range sw.Points {
		fmt.Fprintln(h, p.Label())
	}
	fmt.Fprintln(h, seed, reps)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// writeSweep writes a whole sweep's files and prints its points.
func writeSweep(e env, dir string, sr reports.SweepResult) error {
	if _, err := writeFiles(dir, sr.Files(nil)); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", dir)
	return writeSweepTable(e.stdout, sr)
}

// writeSweepTable prints one line per point with its key figures.
func writeSweepTable(w io.Writer, sr reports.SweepResult) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Sweep %s over %s: %d points, %d replications each, seed %d\n\n", sr.Sweep, sr.Base, sr.Points, sr.Replications, sr.Seed)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	costHead := "cost"
	if sr.Currency != "" {
		costHead += " " + sr.Currency
	}
	head := append(append([]string{"point"}, sr.Params...), "service level", "ASA s", "abandoned", "occupancy", costHead)
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, p := range sr.Results {
		m := p.Metrics
		cost := "-"
		if s, ok := m[sim.MCost]; ok {
			cost = thousands(s.Mean)
		}
		row := append(append([]string{strconv.Itoa(p.Index)}, p.Values...),
			pct(m[sim.MServiceLevel].Mean), fmt.Sprintf("%.1f", m[sim.MASA].Mean), pct(m[sim.MAbandonRate].Mean), pct(m[sim.MOccupancy].Mean), cost)
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	tw.Flush()
	_, err := w.Write(b.Bytes())
	return err
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// runReport renders charts and reports from saved results JSON, or compares runs.
func runReport(ctx context.Context, e env, args []string) error {
	fs := newFlags("report", "report RESULTS.json [--out DIR] [--format LIST] [--scenario FILE|NAME]\n"+
		"       ccsim report --compare A.json B.json ... [--out DIR] [--format LIST]\n"+
		"       ccsim report --compare PLAN_DIR|plan.json ... (plans of ccsim staff --out)", e.stderr)
	out := fs.String("out", "", "directory to write into (default: report, or compare with --compare)")
	format := fs.String("format", "html,pdf,png,svg,csv", "comma-separated formats: html, pdf, png, svg, csv, json, txt")
	compare := fs.Bool("compare", false, "compare two or more results files")
	scenario := fs.String("scenario", "", "the scenario FILE or NAME of the results, to add the staffing curve (simulated)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	formats, err := reports.ParseFormats(*format)
	if err != nil {
		return usageError{err}
	}
	if *compare {
		return reportCompare(e, pos, formats, or(*out, "compare"), *scenario)
	}
	if err := wantArgs(pos, 1, 1, "one RESULTS.json file"); err != nil {
		return err
	}
	res, err := loadResults(pos[0])
	if err != nil {
		return err
	}
	rep := reports.Report{Results: res}
	if *scenario != "" {
		sc, err := loadScenario(*scenario)
		if err != nil {
			return err
		}
		st, err := staff.SimulateCurve(ctx, sc, res, staff.CurveOptions{})
		if err != nil && !errors.Is(err, staff.ErrNoLoad) {
			return err
		}
		if err == nil {
			rep.Staffing = &st
		}
	}
	return writeReport(e, or(*out, "report"), rep.Files(formats))
}

func reportCompare(e env, paths []string, formats []reports.Format, dir, scenario string) error {
	if scenario != "" {
		return usageError{errors.New("--scenario does not apply to --compare")}
	}
	if len(paths) < 2 {
		return usageError{fmt.Errorf("--compare needs at least two results files, got %d", len(paths))}
	}
	if isPlan(paths[0]) {
		return reportComparePlans(e, paths, formats, dir)
	}
	labels := runLabels(paths)
	var runs []reports.Run
	for i, p := range paths {
		res, err := loadResults(p)
		if err != nil {
			return err
		}
		runs = append(runs, reports.Run{Label: labels[i], Results: res})
	}
	return writeReport(e, dir, reports.Comparison{Runs: runs}.Files(formats))
}

// writeReport writes files into dir and lists them on stdout.
func writeReport(e env, dir string, files []reports.File) error {
	paths, err := writeFiles(dir, files)
	for _, p := range paths {
		fmt.Fprintln(e.stdout, p)
	}
	return err
}

// loadResults reads results JSON as written by ccsim run --json or --out.
// Anything else is a usage error (exit 2) naming the file and the problem.
func loadResults(path string) (*sim.Results, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, usageError{fmt.Errorf("%s: no such file", path)}
	}
	if err != nil {
		return nil, usageError{err}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || !json.Valid(data) {
			return nil, usageError{fmt.Errorf("%s: not JSON: %v", path, err)}
		}
		return nil, usageError{fmt.Errorf("%s: not ccsim results: the JSON is not an object", path)}
	}
	var missing []string
	for _, k := range []string{"scenario", "replications", "metrics", "intervals"} {
		if _, ok := fields[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return nil, usageError{fmt.Errorf("%s: not ccsim results (ccsim run --json): missing %s", path, strings.Join(missing, ", "))}
	}
	var res sim.Results
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&res); err != nil {
		return nil, usageError{fmt.Errorf("%s: not ccsim results: %v", path, err)}
	}
	if res.Replications < 1 || res.Metrics == nil {
		return nil, usageError{fmt.Errorf("%s: not ccsim results: no replications or metrics", path)}
	}
	if len(res.Intervals) == 0 {
		return nil, usageError{fmt.Errorf("%s: the results have no intervals to report on "+
			"(a steady-state run needs an [arrivals] interval to be split into intervals)", path)}
	}
	return &res, nil
}

// runLabels names compared runs after their files: "a.json" is "a", and
// "out/x/results.json" is "x". Repeated names get a number.
func runLabels(paths []string) []string {
	labels := make([]string, len(paths))
	seen := map[string]int{}
	for i, p := range paths {
		l := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		if l == "results" || l == "plan" {
			if d := filepath.Base(filepath.Dir(p)); d != "." && d != string(filepath.Separator) {
				l = d
			}
		}
		seen[l]++
		if seen[l] > 1 {
			l = fmt.Sprintf("%s (%d)", l, seen[l])
		}
		labels[i] = l
	}
	return labels
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

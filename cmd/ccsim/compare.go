package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// varyFlag collects repeated --vary key=v1,v2,… flags.
type varyFlag [][]scenarios.Override

func (f *varyFlag) String() string { return fmt.Sprint(len(*f), " keys") }

// Set parses one key=v1,v2,….
func (f *varyFlag) Set(s string) error {
	ovs, err := scenarios.ParseVary(s)
	if err != nil {
		return err
	}
	*f = append(*f, ovs)
	return nil
}

// compareRun is one run of a comparison: its label and scenario.
type compareRun struct {
	Label     string   `json:"label"`
	Scenario  string   `json:"scenario"`
	Overrides []string `json:"overrides,omitempty"`
	sc        *sim.Scenario
}

// compareOutput is what compare prints with --json.
type compareOutput struct {
	Seed            uint64           `json:"seed"`
	IndependentSeed uint64           `json:"independent_seed"`
	Replications    int              `json:"replications"`
	Runs            []compareRun     `json:"runs"`
	Comparisons     []reports.Versus `json:"comparisons"`
	results         []*sim.Results   // the runs on the common seed
}

// runCompare runs scenarios, or variants of one, on common random numbers
// and reports each metric's paired difference beside the independent one.
func runCompare(ctx context.Context, e env, args []string) error {
	fs := newFlags("compare", "compare A B [C...] | compare [FILE|NAME] --vary KEY=V1,V2,... [--vary ...]\n"+
		"       [--set KEY=VALUE]... [--reps N] [--seed S] [--workers W] [--metrics LIST] [--json] [--out DIR]", e.stderr)
	var vary varyFlag
	fs.Var(&vary, "vary", "a key and the values to compare, e.g. --vary intents.order_status.bot_containment=0.25,0.4,0.55 (repeatable: every combination)")
	var sets overrideFlag
	fs.Var(&sets, "set", "override a key in every run (repeatable)")
	reps := fs.Int("reps", 0, "replications of every run (default: the first scenario's)")
	seed := fs.Uint64("seed", 0, "the common seed (default: the first scenario's); independent runs use seed+1")
	workers := fs.Int("workers", 0, "replications simulated in parallel (default: number of CPUs)")
	metrics := fs.String("metrics", "service_level,asa_seconds,abandon_rate,occupancy,cost", "metrics to print, comma-separated (--json has all)")
	asJSON := fs.Bool("json", false, "print every metric's comparison as JSON")
	out := fs.String("out", "", "write the comparison report (HTML, PDF, charts, CSV) and compare.json into this directory")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	runs, err := compareRuns(pos, vary, sets)
	if err != nil {
		return err
	}
	if *reps < 0 || *workers < 0 {
		return usageError{fmt.Errorf("--reps and --workers must not be negative")}
	}
	s, n := runs[0].sc.Seed, runs[0].sc.Replications
	if isSet(fs, "seed") {
		s = *seed
	}
	if *reps > 0 {
		n = *reps
	}
	res, err := compareAll(ctx, e, runs, s, n, *workers)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeCompareDir(*out, res); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", *out)
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	return writeComparison(e.stdout, res, strings.Split(*metrics, ","))
}

// compareRuns builds the runs: the scenarios given, or the variants of one.
func compareRuns(pos []string, vary varyFlag, sets overrideFlag) ([]compareRun, error) {
	if len(vary) == 0 {
		if len(pos) < 2 {
			return nil, usageError{fmt.Errorf("compare needs two or more scenarios, or one with --vary")}
		}
		var runs []compareRun
		for _, p := range pos {
			sc, err := loadScenario(p, sets...)
			if err != nil {
				return nil, err
			}
			runs = append(runs, compareRun{Label: p, Scenario: sc.Name, sc: sc})
		}
		return runs, nil
	}
	if err := wantArgs(pos, 0, 1, "one scenario FILE or NAME with --vary"); err != nil {
		return nil, err
	}
	combos := [][]scenarios.Override{nil}
	for _, values := range vary {
		var next [][]scenarios.Override
		for _, c := range combos {
			for _, v := range values {
				next = append(next, append(append([]scenarios.Override(nil), c...), v))
			}
		}
		combos = next
	}
	var runs []compareRun
	for _, c := range combos {
		sc, err := loadScenario(first(pos), append(append([]scenarios.Override(nil), sets...), c...)...)
		if err != nil {
			return nil, err
		}
		r := compareRun{Scenario: sc.Name, sc: sc}
		var labels []string
		for _, o := range c {
			r.Overrides = append(r.Overrides, o.String())
			labels = append(labels, o.Label())
		}
		r.Label = strings.Join(labels, ", ")
		runs = append(runs, r)
	}
	if len(runs) < 2 {
		return nil, usageError{fmt.Errorf("--vary gives one run; give two or more values, e.g. --vary key=1,2")}
	}
	return runs, nil
}

// compareAll simulates every run with the common seed and every variant
// again with seed+1 (all on one pool of workers), then compares.
func compareAll(ctx context.Context, e env, runs []compareRun, seed uint64, reps, workers int) (*compareOutput, error) {
	var scs []*sim.Scenario
	for _, r := range runs {
		sc := *r.sc
		sc.Seed, sc.Replications = seed, reps
		scs = append(scs, &sc)
	}
	for _, r := range runs[1:] {
		sc := *r.sc
		sc.Seed, sc.Replications = seed+1, reps
		scs = append(scs, &sc)
	}
	res, err := sim.RunAll(ctx, scs, sim.Options{Workers: workers, Progress: progress(e, "replications")})
	if err != nil {
		return nil, err
	}
	o := &compareOutput{Seed: seed, IndependentSeed: seed + 1, Replications: reps, Runs: runs, results: res[:len(runs)]}
	for i := 1; i < len(runs); i++ {
		c, err := sim.Compare(res[0], res[i], res[len(runs)+i-1])
		if err != nil {
			return nil, err
		}
		o.Comparisons = append(o.Comparisons, reports.Versus{Baseline: runs[0].Label, Variant: runs[i].Label, Comparison: c})
	}
	return o, nil
}

// writeCompareDir writes the comparison report of the common-seed runs and compare.json.
func writeCompareDir(dir string, o *compareOutput) error {
	var rr []reports.Run
	for i, r := range o.Runs {
		rr = append(rr, reports.Run{Label: r.Label, Results: o.results[i]})
	}
	files := append(reports.Comparison{Runs: rr, Diffs: o.Comparisons}.Files(nil),
		reports.File{Name: "compare.json", Write: func(w io.Writer) error { return writeJSON(w, o) }})
	_, err := writeFiles(dir, files)
	return err
}

// metricFormat says how compare prints a metric: its label from sim's
// metric table, and its kind: a percentage (points for differences),
// money, or a plain number.
func metricFormat(name string) (label, kind string) {
	m, _ := sim.Metric(name)
	switch m.Unit {
	case sim.UnitShare:
		return m.Label, "pct"
	case sim.UnitMoney:
		return m.Label, "money"
	}
	return m.Label, "num"
}

// fmtLevel formats a value; fmtDelta a difference (percentage points for shares).
func fmtLevel(kind string, v float64) string {
	switch {
	case math.IsNaN(v):
		return "-"
	case kind == "pct":
		return fmt.Sprintf("%.1f%%", 100*v)
	case math.Abs(v) >= 1000 || (kind == "money" && math.Abs(v) >= 100):
		return thousands(v)
	case math.Abs(v) < 10:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

func fmtDelta(kind string, s sim.Stat) string {
	if math.IsNaN(s.Mean) {
		return "-"
	}
	k, unit := 1.0, ""
	if kind == "pct" {
		k, unit = 100, " pp"
	}
	prec := 2
	if kind != "pct" && math.Abs(s.Mean) >= 100 {
		prec = 0
	}
	f := func(v float64) string { return fmt.Sprintf("%+.*f", prec, k*v) }
	if math.IsNaN(s.CI95[0]) {
		return f(s.Mean) + unit
	}
	return fmt.Sprintf("%s%s [%s, %s]", f(s.Mean), unit, f(s.CI95[0]), f(s.CI95[1]))
}

func fmtNarrowing(v float64) string {
	switch {
	case math.IsNaN(v):
		return "-"
	case math.IsInf(v, 1):
		return "exact"
	}
	return fmt.Sprintf("%.1fx", v)
}

// writeComparison prints the totals of each variant against the baseline
// and the paired service-level difference per interval.
func writeComparison(w io.Writer, o *compareOutput, metrics []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Common random numbers: seed %d, %d replications per run; independent runs of the variants use seed %d.\n",
		o.Seed, o.Replications, o.IndependentSeed)
	names := []string{"A"}
	for i := 1; i < len(o.Runs); i++ {
		names = append(names, string(rune('A'+i%26)))
	}
	for i, r := range o.Runs {
		fmt.Fprintf(&b, "  %s  %s\n", names[i], r.Label)
	}
	for i, c := range o.Comparisons {
		fmt.Fprintf(&b, "\n%s - A, %s:\n", names[i+1], period(o.results[0]))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "metric\tA\t%s\tpaired difference [95%% CI]\tindependent runs [95%% CI]\tCI narrower\t\n", names[i+1])
		for _, m := range metrics {
			d, ok := c.Metrics[strings.TrimSpace(m)]
			if !ok {
				continue
			}
			label, kind := metricFormat(m)
			if cur := o.results[0].Currency; kind == "money" && cur != "" {
				label += " (" + cur + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", label, fmtLevel(kind, d.Baseline.Mean), fmtLevel(kind, d.Variant.Mean),
				fmtDelta(kind, d.Paired), fmtDelta(kind, d.Independent), fmtNarrowing(d.Narrowing()))
		}
		tw.Flush()
	}
	if len(o.Comparisons) > 0 && len(o.Comparisons[0].Intervals) > 0 {
		b.WriteString("\nService level per interval, paired difference from A [95% CI]:\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		head := "start\tA"
		for i := range o.Comparisons {
			head += "\t" + names[i+1] + " - A"
		}
		fmt.Fprintln(tw, head+"\t")
		for k, iv := range o.Comparisons[0].Intervals {
			row := iv.Start + "\t" + fmtLevel("pct", iv.Metrics[sim.MServiceLevel].Baseline.Mean)
			for _, c := range o.Comparisons {
				row += "\t" + fmtDelta("pct", c.Intervals[k].Metrics[sim.MServiceLevel].Paired)
			}
			fmt.Fprintln(tw, row+"\t")
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

package reports

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// SweepResult is the outcome of a parameter sweep, or of one shard of it:
// the figures of its points. MergeSweep joins the shards of a sweep into
// the result of the whole.
type SweepResult struct {
	Sweep        string       `json:"sweep"`                  // the sweep's name
	Fingerprint  string       `json:"fingerprint"`            // identifies the sweep's definition; shards of different sweeps do not merge
	Base         string       `json:"base"`                   // the base scenario's name
	Params       []string     `json:"params"`                 // the keys swept
	ParamLabels  []string     `json:"param_labels,omitempty"` // each key as a reader would name it ("senior shift 1 agents"); "" or nil: the key
	Points       int          `json:"points"`                 // points of the whole sweep
	Shard        int          `json:"shard"`                  // this shard's index, from 0; 0 for a whole sweep
	Shards       int          `json:"shards"`                 // number of shards; 1 for a whole sweep
	Replications int          `json:"replications"`
	Seed         uint64       `json:"seed"`
	Target       float64      `json:"service_level_target"`
	Threshold    float64      `json:"service_level_threshold_seconds"`
	Currency     string       `json:"currency,omitempty"` // of the cost figures
	Results      []SweepPoint `json:"results"`            // in point order
}

// SweepPoint is the figures of one point: its values of the swept keys
// (as text; "" when a list point does not set a key), totals and intervals.
type SweepPoint struct {
	Index     int             `json:"index"`
	Values    []string        `json:"values"`
	Labels    []string        `json:"labels,omitempty"` // each value with its key as a reader would say it ("senior shift 1 agents 14"); "" or nil: key=value
	Metrics   sim.Metrics     `json:"metrics"`
	Intervals []SweepInterval `json:"intervals"`
}

// paramLabel is key k as a reader would name it, else the key itself.
func (sr SweepResult) paramLabel(k int) string {
	if k < len(sr.ParamLabels) && sr.ParamLabels[k] != "" {
		return sr.ParamLabels[k]
	}
	return sr.Params[k]
}

// label is point p's value of key k with its key, for legends: its Labels
// entry, else "key=value"; "" when the point does not set the key.
func (sr SweepResult) label(p SweepPoint, k int) string {
	switch {
	case k >= len(p.Values) || p.Values[k] == "":
		return ""
	case k < len(p.Labels) && p.Labels[k] != "":
		return p.Labels[k]
	}
	return sr.Params[k] + "=" + p.Values[k]
}

// SweepInterval is one interval of a point.
type SweepInterval struct {
	Start   string      `json:"start"`
	Metrics sim.Metrics `json:"metrics"`
}

// NewSweepPoint takes a point's figures from its results.
func NewSweepPoint(index int, values []string, res *sim.Results) SweepPoint {
	p := SweepPoint{Index: index, Values: values, Metrics: res.Metrics}
	for _, iv := range res.Intervals {
		p.Intervals = append(p.Intervals, SweepInterval{Start: iv.Start, Metrics: iv.Metrics})
	}
	return p
}

// InShard reports whether point i belongs to shard (of shards): i ≡ shard (mod shards).
func InShard(i, shard, shards int) bool { return i%shards == shard }

// MergeSweep joins the shards of one sweep into the result of the whole
// sweep, identical to running it unsharded. Every shard must be present once.
func MergeSweep(parts []SweepResult) (SweepResult, error) {
	if len(parts) == 0 {
		return SweepResult{}, errors.New("reports: merge: no parts")
	}
	first := parts[0]
	seen := make([]bool, first.Shards)
	var all []SweepPoint
	for _, p := range parts {
		switch {
		case p.Fingerprint != first.Fingerprint:
			return SweepResult{}, fmt.Errorf("reports: merge: shard %d/%d is of another sweep (%s) than shard %d/%d (%s)",
				p.Shard, p.Shards, p.Sweep, first.Shard, first.Shards, first.Sweep)
		case p.Shards != first.Shards || p.Shard < 0 || p.Shard >= p.Shards:
			return SweepResult{}, fmt.Errorf("reports: merge: shard %d/%d does not fit %d shards", p.Shard, p.Shards, first.Shards)
		case seen[p.Shard]:
			return SweepResult{}, fmt.Errorf("reports: merge: shard %d/%d given twice", p.Shard, p.Shards)
		}
		seen[p.Shard] = true
		for _, pt := range p.Results {
			if !InShard(pt.Index, p.Shard, p.Shards) || pt.Index >= p.Points {
				return SweepResult{}, fmt.Errorf("reports: merge: shard %d/%d holds point %d, not one of its own", p.Shard, p.Shards, pt.Index)
			}
		}
		all = append(all, p.Results...)
	}
	var missing []string
	for s, ok := range seen {
		if !ok {
			missing = append(missing, fmt.Sprintf("%d/%d", s, first.Shards))
		}
	}
	if len(missing) > 0 {
		return SweepResult{}, fmt.Errorf("reports: merge: missing shards %v", missing)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Index < all[j].Index })
	if len(all) != first.Points {
		return SweepResult{}, fmt.Errorf("reports: merge: %d points, the sweep has %d", len(all), first.Points)
	}
	out := first
	out.Shard, out.Shards, out.Results = 0, 1, all
	return out, nil
}

// WriteSweepCSV writes one row per point × interval × metric, the
// interval "total" last for each point: point, one column per swept key,
// interval, metric, mean, ci_low, ci_high, n, unit (the currency for
// costs). Undefined values are empty.
func WriteSweepCSV(w io.Writer, sr SweepResult) error {
	cw := csv.NewWriter(w)
	cw.Write(append(append([]string{"point"}, sr.Params...), "interval", "metric", "mean", "ci_low", "ci_high", "n", "unit"))
	for _, p := range sr.Results {
		lead := append([]string{strconv.Itoa(p.Index)}, p.Values...)
		rows := func(interval string, m sim.Metrics) {
			for _, k := range metricOrder(m) {
				s := m[k]
				cw.Write(append(slices.Clip(lead), interval, k, csvFloat(s.Mean), csvFloat(s.CI95[0]), csvFloat(s.CI95[1]), strconv.Itoa(s.N),
					unitOf(k, sr.Currency)))
			}
		}
		for _, iv := range p.Intervals {
			rows(iv.Start, iv.Metrics)
		}
		rows(Total, p.Metrics)
	}
	cw.Flush()
	return cw.Error()
}

// Files lists the files of a sweep's directory in the given formats (nil:
// all): report.html, report.pdf, charts/sweep-KEY.{png,svg,pdf} (one per
// swept key), sweep.csv and sweep.json.
func (sr SweepResult) Files(formats []Format) []File {
	files := documentFiles(sr.document(), formats)
	if has(formats, CSV) {
		files = append(files, File{"sweep.csv", func(w io.Writer) error { return WriteSweepCSV(w, sr) }})
	}
	if has(formats, JSON) {
		files = append(files, File{"sweep.json", func(w io.Writer) error { return writeJSON(w, sr) }})
	}
	return files
}

// document lays the sweep out for the HTML and PDF reports.
func (sr SweepResult) document() document {
	facts := Table{ID: "sweep", Title: "Sweep", Columns: []string{"", ""}}
	add := func(k, v string) { facts.Rows = append(facts.Rows, []string{k, v}) }
	add("base scenario", sr.Base)
	add("keys swept", strings.Join(sr.Params, ", "))
	add("points", strconv.Itoa(sr.Points))
	add("replications", fmt.Sprintf("%d per point, seed %d (common random numbers across points)", sr.Replications, sr.Seed))
	return document{
		Title: sr.Sweep, Kind: "Parameter sweep", Subject: sr.Base, Verdict: sweepVerdict(sr),
		Facts: facts, KPIs: sweepTable(sr), Charts: SweepCharts(sr),
		Notes: []string{"Every point is the base scenario with the keys set as shown, simulated with the same seed and " +
			"replications, so points differ only by the keys (common random numbers). Figures are means over replications " +
			"with 95 % Student-t confidence intervals (shaded bands).", sim.BoundsMethod},
	}
}

// sweepTable is one row per point with its key figures.
func sweepTable(sr SweepResult) Table {
	t := Table{ID: "points", Title: "Points (whole day or run)", Numeric: true, Columns: append([]string{"point"}, sr.Params...)}
	cols := sweepMetrics(sr)
	for _, m := range cols {
		t.Columns = append(t.Columns, info(m).Label)
	}
	for _, p := range sr.Results {
		row := append([]string{strconv.Itoa(p.Index)}, p.Values...)
		for _, m := range cols {
			row = append(row, fmtMetric(m, stat(p.Metrics, m).Mean, sr.Currency))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

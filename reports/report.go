package reports

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// Report is a simulation run to render: its results and, optionally, the
// staffing curve of one interval.
type Report struct {
	Results  *sim.Results
	Staffing *staff.Curve // nil: no staffing chart
}

// Charts returns every chart of the report, in report order.
func (r Report) Charts() []Chart {
	res := r.Results
	cs := []Chart{ServiceLevelChart(res), ASAChart(res), TrafficChart(res), WaitChart(res), OccupancyChart(res), FunnelChart(res)}
	if r.Staffing != nil {
		cs = append(cs, StaffingChart(*r.Staffing))
	}
	return cs
}

// document is what the HTML and PDF writers lay out.
func (r Report) document() document {
	res := r.Results
	d := document{
		Title:   res.Provenance.Label(res.Scenario),
		Kind:    "Simulation report",
		Subject: res.Scenario,
		Verdict: runVerdict(res),
		Facts:   factsTable(res),
		Notes:   methodNotes(res, r.Staffing),
		KPIs:    kpiTable(res),
		More:    []Table{costTable(res)},
		Charts:  r.Charts(),
		Details: detailTables(res),
	}
	if d.Title == "" {
		d.Title = "Unnamed scenario"
	}
	return d
}

// Comparison is two or more runs to render side by side: the first is the
// baseline, and Diffs (optional) are the paired differences of the others
// from it, in run order.
type Comparison struct {
	Runs  []Run
	Diffs []Versus
}

// Charts returns the charts of differences from the baseline (with Diffs),
// then one comparison chart per metric of CompareMetrics.
func (c Comparison) Charts() []Chart {
	var cs []Chart
	if len(c.Diffs) > 0 {
		for _, m := range diffChartMetrics() {
			cs = append(cs, DiffChart(m, c))
		}
	}
	for _, m := range CompareMetrics() {
		cs = append(cs, CompareChart(m, c.Runs))
	}
	return cs
}

func (c Comparison) document() document {
	labels := make([]string, len(c.Runs))
	for i, r := range c.Runs {
		labels[i] = r.Label
	}
	title := strings.Join(labels, " vs ")
	if len(labels) > 3 { // the runs are listed in the first table
		title = fmt.Sprintf("%s vs %d variants", labels[0], len(labels)-1)
	}
	d := document{
		Title:   title,
		Kind:    "Comparison report",
		Verdict: compareVerdict(c),
		Facts:   runsTable(c.Runs),
		Notes:   compareNotes(),
		KPIs:    compareTable(c.Runs),
		Charts:  c.Charts(),
	}
	if len(c.Diffs) > 0 { // the differences are the comparison's result: they come first
		d.KPIs, d.More = pairedTable(c), []Table{compareTable(c.Runs)}
		d.Details = []Table{intervalDiffTable(c)}
	}
	if len(c.Runs) > 0 {
		d.Subject = c.Runs[0].Results.Scenario
	}
	return d
}

// File is one file of a report directory: its path relative to the
// directory, with forward slashes, and how to write its content.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// More formats of a report directory: the results JSON and the text summary.
const (
	JSON Format = "json"
	Text Format = "txt"
)

// AllFormats lists every format of a report directory.
func AllFormats() []Format { return []Format{HTML, PDF, PNG, SVG, CSV, JSON, Text} }

// ParseFormats reads a comma-separated list such as "html,pdf,png".
func ParseFormats(list string) ([]Format, error) {
	var out []Format
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		ok := false
		for _, k := range AllFormats() {
			ok = ok || Format(f) == k
		}
		if !ok {
			return nil, fmt.Errorf("reports: unknown format %q (want html, pdf, png, svg, csv, json or txt)", f)
		}
		out = append(out, Format(f))
	}
	if len(out) == 0 {
		return nil, errors.New("reports: no format given")
	}
	return out, nil
}

// Files lists the files of the report's directory in the given formats
// (nil: all): report.html, report.pdf, charts/NAME.{png,svg,pdf},
// summary.csv, replications.csv, results.json and summary.txt.
func (r Report) Files(formats []Format) []File {
	res := r.Results
	var extra []File
	if has(formats, CSV) {
		extra = append(extra,
			File{"summary.csv", func(w io.Writer) error { return WriteSummaryCSV(w, res) }},
			File{"replications.csv", func(w io.Writer) error { return WriteReplicationsCSV(w, res) }})
	}
	if has(formats, JSON) {
		extra = append(extra, File{"results.json", func(w io.Writer) error { return writeJSON(w, res) }})
	}
	if has(formats, Text) {
		extra = append(extra, File{"summary.txt", func(w io.Writer) error { return WriteSummary(w, res) }})
	}
	return append(documentFiles(r.document(), formats), extra...)
}

// Files lists the files of the comparison's directory in the given formats
// (nil: all): report.html, report.pdf, charts/compare-METRIC.{png,svg,pdf}
// summary.csv with a leading run column and, with Diffs, differences.csv.
func (c Comparison) Files(formats []Format) []File {
	files := documentFiles(c.document(), formats)
	if has(formats, CSV) {
		files = append(files, File{"summary.csv", func(w io.Writer) error { return WriteCompareCSV(w, c.Runs) }})
		if len(c.Diffs) > 0 {
			files = append(files, File{"differences.csv", func(w io.Writer) error { return WriteDifferencesCSV(w, c) }})
		}
	}
	return files
}

// documentFiles are the HTML and PDF documents and the chart images of d.
func documentFiles(d document, formats []Format) []File {
	var files []File
	svgs := newSVGCache(d.Charts)
	if has(formats, HTML) {
		files = append(files, File{"report.html", func(w io.Writer) error { return writeHTML(w, d, svgs) }})
	}
	if has(formats, PDF) {
		files = append(files, File{"report.pdf", func(w io.Writer) error { return writePDF(w, d) }})
	}
	for _, f := range ImageFormats() {
		if !has(formats, f) {
			continue
		}
		for i, c := range d.Charts {
			name := "charts/" + c.Name + "." + string(f)
			if f == SVG {
				files = append(files, File{name, func(w io.Writer) error { return svgs.write(w, i) }})
				continue
			}
			files = append(files, File{name, func(w io.Writer) error { return Render(w, c, f) }})
		}
	}
	return files
}

// has reports whether f is in formats; nil formats means all.
func has(formats []Format, f Format) bool {
	if formats == nil {
		return true
	}
	for _, g := range formats {
		if g == f {
			return true
		}
	}
	return false
}

// WriteHTML writes the report as one self-contained HTML page.
func (r Report) WriteHTML(w io.Writer) error {
	d := r.document()
	return writeHTML(w, d, newSVGCache(d.Charts))
}

// WritePDF writes the report as a multi-page PDF document.
func (r Report) WritePDF(w io.Writer) error { return writePDF(w, r.document()) }

// writeJSON writes v as indented JSON, the format of ccsim run --json.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

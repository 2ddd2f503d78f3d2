package sim

import (
	"slices"
	"testing"
)

// TestMetricTable checks that the table describes every metric once, in
// the order of MetricNames, with every field filled.
func TestMetricTable(t *testing.T) {
	var names []string
	for _, m := range MetricTable() {
		names = append(names, m.Name)
		if m.Definition == "" || m.Unit == "" || m.Label == "" || m.Short == "" || m.Axis == "" || m.Format == "" {
			t.Errorf("metric %q: empty field in %+v", m.Name, m)
		}
		if (m.Unit == UnitShare) != (m.Format == "pct") {
			t.Errorf("metric %q: unit %s with format %q; shares and only shares print as pct", m.Name, m.Unit, m.Format)
		}
	}
	if got, want := names, MetricNames(); !slices.Equal(got, want) {
		t.Errorf("table order %v\nwant MetricNames %v", got, want)
	}
	if _, ok := Metric("no_such_metric"); ok {
		t.Error("Metric(no_such_metric) found")
	}
}

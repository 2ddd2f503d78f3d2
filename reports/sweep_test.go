package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// sweepFixture is a 3 × 2 grid with service level 0.5 + x/10 + (y == "b")/10.
func sweepFixture() SweepResult {
	sr := SweepResult{Sweep: "s", Params: []string{"x", "y"}, Points: 6, Shards: 1, Target: 0.8}
	i := 0
	for _, x := range []string{"1", "2", "3"} {
		for _, y := range []string{"a", "b"} {
			v, _ := strconv.ParseFloat(x, 64)
			sl := 0.5 + v/10
			if y == "b" {
				sl += 0.1
			}
			m := sim.Metrics{sim.MServiceLevel: {Mean: sl, CI95: [2]float64{sl - 0.01, sl + 0.01}, N: 5}}
			sr.Results = append(sr.Results, SweepPoint{Index: i, Values: []string{x, y}, Metrics: m,
				Intervals: []SweepInterval{{Start: "08:00", Metrics: m}}})
			i++
		}
	}
	return sr
}

func TestSweepCharts(t *testing.T) {
	cs := SweepCharts(sweepFixture())
	if len(cs) != 3 || cs[0].Name != "sweep-x" || cs[1].Name != "sweep-y" || cs[2].Name != "sweep-heatmap" {
		t.Fatalf("charts %d, names %q %q; want sweep-x, sweep-y and sweep-heatmap", len(cs), cs[0].Name, cs[1].Name)
	}
	sl := cs[0].Panels[0]
	if len(sl.Series) != 2 || sl.Series[0].Label != "y=a" || sl.Series[1].Label != "y=b" {
		t.Fatalf("x chart lines %+v, want one per value of y", sl.Series)
	}
	if got := sl.Series[1].Y; len(got) != 3 || got[0] != 70 || got[2] != 90 {
		t.Errorf("y=b service level %v, want [70 80 90] (percent)", got)
	}
	if len(sl.XTicks) != 3 || sl.XTicks[2].Value != 3 || sl.XTicks[2].Label != "3" {
		t.Errorf("numeric axis ticks %+v, want at 1, 2, 3", sl.XTicks)
	}
	cat := cs[1].Panels[0]
	if len(cat.XTicks) != 2 || cat.XTicks[1].Value != 1 || cat.XTicks[1].Label != "b" || len(cat.Series) != 3 {
		t.Errorf("categorical axis %+v with %d series, want a, b at 0, 1 and 3 series", cat.XTicks, len(cat.Series))
	}
	for i, s := range cat.Series {
		if s.Kind != Points || len(s.Lo) != 2 {
			t.Errorf("categorical series %d: kind %s with %d error bars, want points with 2", i, s.Kind, len(s.Lo))
		}
	}
	if a, b := cat.Series[0].X[0], cat.Series[2].X[0]; !(a < 0 && b > 0 && a == -b) {
		t.Errorf("points at category a: x = %v and %v, want side by side around 0", a, b)
	}
	heat := cs[2].Panels[0]
	if s := heat.Series[0]; s.Kind != Cells || len(s.Z) != 6 || s.Z[5] != 0.9 || s.X[5] != 2 || s.Y[5] != 1 || s.Labels[5] != "90.0%" {
		t.Errorf("heatmap %+v, want 6 cells, the last at (2, 1) with 0.9 written 90.0%%", s)
	}
	for _, c := range cs {
		var b bytes.Buffer
		if err := Render(&b, c, SVG); err != nil {
			t.Errorf("Render(%s): %v", c.Name, err)
		}
	}
}

func TestMergeSweep(t *testing.T) {
	whole := sweepFixture()
	var parts []SweepResult
	for s := 2; s >= 0; s-- {
		p := whole
		p.Shard, p.Shards, p.Results = s, 3, nil
		for _, pt := range whole.Results {
			if InShard(pt.Index, s, 3) {
				p.Results = append(p.Results, pt)
			}
		}
		parts = append(parts, p)
	}
	merged, err := MergeSweep(parts)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	WriteSweepCSV(&a, whole)
	WriteSweepCSV(&b, merged)
	if a.String() != b.String() || merged.Shards != 1 {
		t.Errorf("merged CSV differs from the whole sweep's")
	}
	if !strings.HasPrefix(a.String(), "point,x,y,interval,metric,mean,ci_low,ci_high,n,unit\n0,1,a,08:00,service_level,0.6,") ||
		!strings.Contains(a.String(), ",5,share\n") {
		t.Errorf("CSV starts %.80q", a.String())
	}
	bad := parts[0]
	bad.Results = parts[1].Results
	tests := []struct {
		name  string
		parts []SweepResult
		want  string
	}{
		{"none", nil, "no parts"},
		{"missing", parts[:2], "missing shards [0/3]"},
		{"twice", []SweepResult{parts[0], parts[1], parts[1], parts[2]}, "given twice"},
		{"foreign point", []SweepResult{bad, parts[1], parts[2]}, "not one of its own"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := MergeSweep(tc.parts); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("MergeSweep = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestSweepBands checks that bands are drawn only for at most maxBands lines.
func TestSweepBands(t *testing.T) {
	sr := SweepResult{Sweep: "s", Params: []string{"x", "y"}, Target: 0.8}
	for i, x := range []string{"1", "2"} {
		for j := range 5 {
			m := sim.Metrics{sim.MServiceLevel: {Mean: 0.8, CI95: [2]float64{0.7, 0.9}, N: 5}}
			sr.Results = append(sr.Results, SweepPoint{Index: 5*i + j, Values: []string{x, strconv.Itoa(j)}, Metrics: m})
		}
	}
	for _, s := range SweepCharts(sr)[0].Panels[0].Series {
		if s.Lo != nil || s.Kind != Line {
			t.Errorf("series %q of 5: kind %s, band %v; want lines without bands", s.Label, s.Kind, s.Lo)
		}
	}
}

// TestSweepLegendLabels checks that a sweep's lines are named by the other
// keys' labels when the result has them, and by key=value when not.
func TestSweepLegendLabels(t *testing.T) {
	tests := []struct {
		name   string
		labels func(y string) []string
		want   []string
	}{
		{"labels", func(y string) []string { return []string{"", "senior shift 1 agents " + y} },
			[]string{"senior shift 1 agents a", "senior shift 1 agents b"}},
		{"no labels", func(string) []string { return nil }, []string{"y=a", "y=b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sr := sweepFixture()
			for i := range sr.Results {
				sr.Results[i].Labels = tc.labels(sr.Results[i].Values[1])
			}
			var got []string
			for _, s := range sweepChart(sr, 0).Panels[0].Series {
				got = append(got, s.Label)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("sweep-x legend %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSweepParamLabels: the X axis and title name a swept key as a reader
// would, and the verdict names points by their labelled values.
func TestSweepParamLabels(t *testing.T) {
	sr := sweepFixture()
	sr.ParamLabels = []string{"senior agents", ""}
	for i := range sr.Results {
		sr.Results[i].Labels = []string{"senior agents " + sr.Results[i].Values[0], ""}
	}
	c := sweepChart(sr, 0)
	if p := c.Panels[0]; p.XLabel != "senior agents" || !strings.Contains(c.Title, "against senior agents") {
		t.Errorf("axis %q, title %q, want the key's label", p.XLabel, c.Title)
	}
	if c := sweepChart(sr, 1); c.Panels[0].XLabel != sr.Params[1] {
		t.Errorf("axis %q, want the key itself without a label", c.Panels[0].XLabel)
	}
	if got := sr.pointLabel(0); !strings.Contains(got, "senior agents "+sr.Results[0].Values[0]) || strings.Contains(got, sr.Params[0]+"=") {
		t.Errorf("pointLabel = %q, want the labelled value", got)
	}
}

// TestSweepTickLabels: ticks say the values as the points' labels do
// ("25 %", "on"), and stay as written without labels.
func TestSweepTickLabels(t *testing.T) {
	sr := sweepFixture()
	if got := sweepChart(sr, 0).Panels[0].XTicks[0].Label; got != sr.Results[0].Values[0] {
		t.Errorf("tick %q without labels, want the value %q", got, sr.Results[0].Values[0])
	}
	sr.ParamLabels = []string{"senior agents", ""}
	for i := range sr.Results {
		sr.Results[i].Labels = []string{"senior agents n" + sr.Results[i].Values[0], ""}
	}
	if got := sweepChart(sr, 0).Panels[0].XTicks[0].Label; got != "n"+sr.Results[0].Values[0] {
		t.Errorf("tick %q, want the labelled value %q", got, "n"+sr.Results[0].Values[0])
	}
}

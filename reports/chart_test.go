package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// allCharts builds every chart from res, including a staffing curve and a
// comparison of res with a copy of itself.
func allCharts(res *sim.Results) []Chart {
	cs := Report{Results: res}.Charts()
	cs = append(cs, StaffingChart(testStaffing()))
	runs := []Run{{"before", res}, {"after", res}}
	return append(cs, Comparison{Runs: runs}.Charts()...)
}

// TestChartSeries compares the plotted data of every chart of the 24-interval
// fixture with testdata/charts/NAME.json.
func TestChartSeries(t *testing.T) {
	res := synthetic(t, 24, 5)
	for _, c := range allCharts(res) {
		t.Run(c.Name, func(t *testing.T) {
			golden := filepath.Join("testdata", "charts", c.Name+".json")
			got, err := json.MarshalIndent(c, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			data, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./reports -update to create it)", err)
			}
			var want Chart
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			var back Chart // c as it reads back from JSON, so nil and empty compare equal
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			if diff := chartDiff(back, want); diff != "" {
				t.Errorf("chart %s differs from %s: %s", c.Name, golden, diff)
			}
		})
	}
}

// chartDiff describes the first difference between two charts; numbers
// agree to a relative 1e-9, since Erlang curves may round differently
// across architectures.
func chartDiff(got, want Chart) string {
	gp, wp := got.Panels, want.Panels
	got.Panels, want.Panels = nil, nil
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		return fmt.Sprintf("header %s, want %s", g, w)
	}
	if len(gp) != len(wp) {
		return fmt.Sprintf("%d panels, want %d", len(gp), len(wp))
	}
	for i := range gp {
		gs, ws := gp[i].Series, wp[i].Series
		gp[i].Series, wp[i].Series = nil, nil
		if d := fieldDiff(gp[i], wp[i]); d != "" {
			return fmt.Sprintf("panel %d: %s", i, d)
		}
		if len(gs) != len(ws) {
			return fmt.Sprintf("panel %d: %d series, want %d", i, len(gs), len(ws))
		}
		for j := range gs {
			if d := seriesDiff(gs[j], ws[j]); d != "" {
				return fmt.Sprintf("panel %d series %d (%q): %s", i, j, ws[j].Label, d)
			}
		}
	}
	return ""
}

// fieldDiff names the first JSON field in which two values differ.
func fieldDiff(got, want any) string {
	var g, w map[string]json.RawMessage
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	json.Unmarshal(gb, &g)
	json.Unmarshal(wb, &w)
	for k := range w {
		if _, ok := g[k]; !ok {
			g[k] = nil
		}
	}
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !bytes.Equal(g[k], w[k]) {
			return fmt.Sprintf("%s = %s, want %s", k, g[k], w[k])
		}
	}
	return ""
}

func seriesDiff(got, want Series) string {
	nums := []struct {
		name      string
		got, want Floats
	}{{"x", got.X, want.X}, {"y", got.Y, want.Y}, {"lo", got.Lo, want.Lo}, {"hi", got.Hi, want.Hi}}
	got.X, got.Y, got.Lo, got.Hi = nil, nil, nil, nil
	want.X, want.Y, want.Lo, want.Hi = nil, nil, nil, nil
	if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
		return fmt.Sprintf("%s, want %s", g, w)
	}
	for _, n := range nums {
		if len(n.got) != len(n.want) {
			return fmt.Sprintf("%d %s values, want %d", len(n.got), n.name, len(n.want))
		}
		for k := range n.got {
			g, w := n.got[k], n.want[k]
			if math.IsNaN(g) != math.IsNaN(w) || math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
				return fmt.Sprintf("%s[%d] = %v, want %v", n.name, k, g, w)
			}
		}
	}
	return ""
}

// TestChartsRender draws every chart of every fixture in every image format.
func TestChartsRender(t *testing.T) {
	for _, fx := range fixtures(t) {
		for _, c := range allCharts(fx.res) {
			for _, f := range ImageFormats() {
				t.Run(fmt.Sprintf("%s/%s.%s", fx.name, c.Name, f), func(t *testing.T) {
					var b bytes.Buffer
					if err := Render(&b, c, f); err != nil {
						t.Fatalf("Render(%s, %s) = %v, want nil", c.Name, f, err)
					}
					checkImage(t, b.Bytes(), f)
				})
			}
		}
	}
}

// checkImage checks that data looks like a complete image of format f.
func checkImage(t *testing.T, data []byte, f Format) {
	t.Helper()
	switch f {
	case PNG:
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("PNG does not decode: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 300 {
			t.Errorf("PNG is %dx%d, want at least 600x300", b.Dx(), b.Dy())
		}
	case SVG:
		s := string(data)
		if !strings.Contains(s, "<svg") || !strings.HasSuffix(strings.TrimSpace(s), "</svg>") {
			t.Errorf("SVG is not a complete <svg> document (%d bytes)", len(data))
		}
		if strings.Contains(s, "font-family:Liberation Sans;") {
			t.Error("SVG font family has no fallback")
		}
	case PDF:
		if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data, []byte("%%EOF")) {
			t.Errorf("PDF lacks its header or trailer (%d bytes)", len(data))
		}
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	err := Render(&bytes.Buffer{}, ServiceLevelChart(synthetic(t, 2, 2)), "gif")
	if err == nil {
		t.Error("Render(gif) = nil, want an error")
	}
}

// TestServiceLevelSVG keeps one whole SVG as a golden file, to notice
// unintended changes of layout or style; rewrite it with -update.
func TestServiceLevelSVG(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, ServiceLevelChart(synthetic(t, 24, 5)), SVG); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "service-level.svg")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("service-level SVG differs from %s (%d bytes, want %d); if intended, run go test ./reports -update", golden, b.Len(), len(want))
	}
}

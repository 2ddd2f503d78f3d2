package reports

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// calibrationFixture is a small calibration: two day types of four
// intervals, two contact types with exponential-looking services, a
// Kaplan–Meier curve and one back-test.
func calibrationFixture() Calibration {
	st := func(m float64) sim.Stat { return sim.Stat{Mean: m, CI95: [2]float64{0.9 * m, 1.1 * m}, N: 3} }
	stats := func(ms ...float64) []sim.Stat {
		out := make([]sim.Stat, len(ms))
		for i, m := range ms {
			out[i] = st(m)
		}
		return out
	}
	labels := []string{"08:00", "08:30", "09:00", "09:30"}
	day := CalibrationDay{DayType: "weekday", Labels: labels, Days: [][]float64{{10, 20, 30, 20}, {12, 18, 33, 25}, {8, 22, 27, 15}},
		Fitted: stats(10, 20, 30, 20), Busy: stats(1, 2, 3, 2), Peak: stats(2, 3, 5, 3), WhileQueued: stats(1.5, 2.5, 3.8, 2.4),
		Distinct: stats(3, 4, 6, 4), Agents: []int{2, 3, 4, 2}}
	sat := day
	sat.DayType, sat.Days = "saturday", [][]float64{{5, 6, 7, 8}}
	exp := func(mean float64) Fitted {
		return Fitted{Label: "exponential", PDF: func(x float64) float64 { return math.Exp(-x/mean) / mean },
			Survival: func(x float64) float64 { return math.Exp(-x / mean) }}
	}
	sample := func(mean float64, n int) []float64 { // exponential quantiles: a smooth, deterministic sample
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = -mean * math.Log(1-(float64(i)+0.5)/float64(n))
		}
		return xs
	}
	var km PatienceFit
	km.N, km.Events, km.Fits = 100, 40, []Fitted{exp(200)}
	for i := 1; i <= 10; i++ {
		t, s := float64(30*i), math.Exp(-float64(30*i)/200)
		km.T, km.S, km.Lo, km.Hi = append(km.T, t), append(km.S, s), append(km.Lo, s-0.05), append(km.Hi, s+0.05)
	}
	metrics := func(sl, asa float64) sim.Metrics {
		return sim.Metrics{sim.MServiceLevel: st(sl), sim.MASA: st(asa), sim.MAbandonRate: st(0.05), sim.MQueueLength: st(1)}
	}
	bt := Backtest{DayType: "weekday", Labels: labels, Threshold: 20,
		Observed:  []sim.Metrics{metrics(0.8, 10), metrics(0.7, 20), metrics(0.5, 40), metrics(0.75, 15)},
		Simulated: []sim.Metrics{metrics(0.85, 8), metrics(0.6, 25), metrics(0.4, 60), metrics(0.7, 18)}}
	return Calibration{
		Days: []CalibrationDay{day, sat},
		Handle: []HandleFit{
			{Type: "sales", Sample: sample(180, 400), LeftOut: []float64{1, 2, 3}, Fits: []Fitted{exp(180), exp(200)}},
			{Type: "care", Sample: sample(300, 100), Fits: []Fitted{exp(300)}},
		},
		Patience:  km,
		Backtests: []Backtest{bt},
	}
}

// TestCalibrationChartSeries compares the plotted data of the calibration
// charts with testdata/charts/NAME.json (rewrite with -update).
func TestCalibrationChartSeries(t *testing.T) {
	for _, c := range CalibrationCharts(calibrationFixture()) {
		t.Run(c.Name, func(t *testing.T) {
			golden := filepath.Join("testdata", "charts", c.Name+".json")
			got, err := json.MarshalIndent(c, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			data, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./reports -update to create it)", err)
			}
			var want, back Chart
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			if diff := chartDiff(back, want); diff != "" {
				t.Errorf("chart %s differs from %s: %s", c.Name, golden, diff)
			}
		})
	}
}

// TestHandleHistogramDensity checks that the recorded histogram is a
// density (its bars integrate to the share of the sample below the 99th
// percentile) and that left-out services are drawn on the same scale.
func TestHandleHistogramDensity(t *testing.T) {
	ch := HandleFitChart(calibrationFixture().Handle)
	if len(ch.Panels) != 2 {
		t.Fatalf("%d panels, want 2", len(ch.Panels))
	}
	var fitted, all Series
	for _, s := range ch.Panels[0].Series {
		switch s.Label {
		case "recorded, fitted":
			fitted = s
		case "recorded, left out of the fit (3)":
			all = s
		}
	}
	area := 0.0
	for _, y := range fitted.Y {
		area += y * fitted.Width
	}
	if math.Abs(area-0.99) > 0.01 {
		t.Errorf("histogram area = %g, want 0.99 (the sample below its 99th percentile)", area)
	}
	if len(all.Y) == 0 || math.Abs((all.Y[0]-fitted.Y[0])*all.Width*400-3) > 1e-9 {
		t.Errorf("left-out bar adds %g services in the first bin, want 3", (all.Y[0]-fitted.Y[0])*all.Width*400)
	}
}

func TestRenderCalibrationCharts(t *testing.T) {
	for _, c := range CalibrationCharts(calibrationFixture()) {
		var b bytesCounter
		if err := Render(&b, c, PNG); err != nil || b == 0 {
			t.Errorf("Render(%s) = %d bytes, %v", c.Name, b, err)
		}
	}
}

type bytesCounter int

func (b *bytesCounter) Write(p []byte) (int, error) { *b += bytesCounter(len(p)); return len(p), nil }

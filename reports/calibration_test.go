package reports

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ccsim/ccsim/calibrate"
	"github.com/ccsim/ccsim/sim"
)

// calibrationFixture is a small calibration: two day types of four
// intervals, two contact types with exponential-looking services, a
// Kaplan–Meier curve and one back-test.
func calibrationFixture() (*calibrate.Report, []*calibrate.Backtest) {
	st := func(m float64) sim.Stat { return sim.Stat{Mean: m, CI95: [2]float64{0.9 * m, 1.1 * m}, N: 3} }
	stats := func(ms ...float64) []sim.Stat {
		out := make([]sim.Stat, len(ms))
		for i, m := range ms {
			out[i] = st(m)
		}
		return out
	}
	labels := []string{"08:00", "08:30", "09:00", "09:30"}
	sc := &sim.Scenario{Arrivals: sim.Arrivals{Open: 8 * time.Hour, Close: 10 * time.Hour, Interval: 30 * time.Minute, Profile: make([]float64, 4)}}
	day := calibrate.DayTypeFit{Name: "weekday", Scenario: sc,
		Arrivals: calibrate.ArrivalFit{Counts: [][]float64{{10, 20, 30, 20}, {12, 18, 33, 25}, {8, 22, 27, 15}}, Profile: stats(10, 20, 30, 20)},
		Staff: calibrate.StaffFit{Busy: stats(1, 2, 3, 2), Peak: stats(2, 3, 5, 3), WhileQueued: stats(1.5, 2.5, 3.8, 2.4),
			Distinct: stats(3, 4, 6, 4), Counts: []int{2, 3, 4, 2}}}
	sat := day
	sat.Name, sat.Arrivals.Counts = "saturday", [][]float64{{5, 6, 7, 8}}
	exp := func(mean float64) calibrate.Fit {
		return calibrate.Fit{Family: calibrate.FamExponential, Mean: mean, CV: 1}
	}
	sample := func(mean float64, n int) []float64 { // exponential quantiles: a smooth, deterministic sample
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = -mean * math.Log(1-(float64(i)+0.5)/float64(n))
		}
		return xs
	}
	km := calibrate.PatienceFit{Observations: 100, Events: 40, Fits: []calibrate.Fit{exp(200)}}
	for i := 1; i <= 10; i++ {
		t, s := float64(30*i), math.Exp(-float64(30*i)/200)
		km.KM = append(km.KM, calibrate.KMStep{T: t, S: s, CI: [2]float64{s - 0.05, s + 0.05}, AtRisk: 100 - 4*i})
	}
	metrics := func(sl, asa float64) sim.Metrics {
		return sim.Metrics{sim.MServiceLevel: st(sl), sim.MASA: st(asa), sim.MAbandonRate: st(0.05), sim.MQueueLength: st(1)}
	}
	simulated := &sim.Results{Threshold: 20}
	for _, m := range []sim.Metrics{metrics(0.85, 8), metrics(0.6, 25), metrics(0.4, 60), metrics(0.7, 18)} {
		simulated.Intervals = append(simulated.Intervals, sim.Interval{Metrics: m})
	}
	bt := &calibrate.Backtest{DayType: "weekday", Labels: labels, Simulated: simulated,
		Observed: calibrate.Observed{Intervals: []sim.Metrics{metrics(0.8, 10), metrics(0.7, 20), metrics(0.5, 40), metrics(0.75, 15)}}}
	return &calibrate.Report{
		DayTypes: []calibrate.DayTypeFit{day, sat},
		Handle: []calibrate.HandleFit{
			{Type: "sales", Sample: sample(180, 400), LeftOut: []float64{1, 2, 3}, Fits: []calibrate.Fit{exp(180), exp(200)}},
			{Type: "care", Sample: sample(300, 100), Fits: []calibrate.Fit{exp(300)}},
		},
		Patience: km,
	}, []*calibrate.Backtest{bt}
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
	cal, _ := calibrationFixture()
	ch := HandleFitChart(cal.Handle)
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

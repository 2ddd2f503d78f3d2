package reports

import (
	"fmt"
	"math"
	"sort"

	"github.com/ccsim/ccsim/calibrate"
	"github.com/ccsim/ccsim/sim"
)

// CalibrationCharts builds the calibration report's charts: arrivals,
// handle times, patience, staffing and, when present, the back-tests.
func CalibrationCharts(c *calibrate.Report, backtests []*calibrate.Backtest) []Chart {
	charts := []Chart{ArrivalFitChart(c.DayTypes), HandleFitChart(c.Handle), PatienceFitChart(c.Patience), StaffFitChart(c.DayTypes)}
	for _, b := range backtests {
		charts = append(charts, BacktestChart(b))
	}
	return charts
}

// intervalLabels are the interval starts of a day type's scenario, "07:00".
func intervalLabels(d calibrate.DayTypeFit) []string {
	var labels []string
	for i := range d.Scenario.Intervals() {
		labels = append(labels, d.Scenario.IntervalStart(i))
	}
	return labels
}

// ArrivalFitChart plots each recorded day's contacts per interval against
// the fitted profile and its 95 % confidence band, one panel per day type.
func ArrivalFitChart(days []calibrate.DayTypeFit) Chart {
	ch := Chart{Name: "calibration-arrivals", Title: "Arrivals: recorded days against the fitted profile"}
	for _, d := range days {
		counts := d.Arrivals.Counts
		p := Panel{Title: fmt.Sprintf("%s (%d days)", d.Name, len(counts)), YLabel: "contacts per interval", YMin: ptr(0)}
		dots := Series{Label: "a recorded day", Kind: Points, Color: cGrey}
		for k, row := range counts {
			jitter := 0.0 // spread the days across the interval so that equal counts stay visible
			if len(counts) > 1 {
				jitter = 0.5 * (float64(k)/float64(len(counts)-1) - 0.5)
			}
			for i, x := range row {
				dots.X, dots.Y = append(dots.X, float64(i)+jitter), append(dots.Y, x)
			}
		}
		fit := statLine(d.Arrivals.Profile, 1)
		fit.Label, fit.Color = "fitted profile (mean, 95 % CI)", cBlue
		p.Series = []Series{dots, fit}
		labelAxis(&p, intervalLabels(d))
		ch.Panels = append(ch.Panels, p)
	}
	return ch
}

// statLine is a line through the means of stats (scaled by k) with a CI band.
func statLine(st []sim.Stat, k float64) Series {
	s := Series{Kind: Line}
	for i, x := range st {
		s.X = append(s.X, float64(i))
		s.Y = append(s.Y, k*x.Mean)
		s.Lo = append(s.Lo, k*x.CI95[0])
		s.Hi = append(s.Hi, k*x.CI95[1])
	}
	return s
}

// labelAxis labels an interval axis with about a dozen of the labels.
func labelAxis(p *Panel, labels []string) {
	p.XLabel = "interval start"
	every := 1
	for len(labels)/every > 12 {
		every *= 2
	}
	p.XTicks = []Tick{}
	for i, l := range labels {
		t := Tick{Value: float64(i)}
		if i%every == 0 {
			t.Label = l
		}
		p.XTicks = append(p.XTicks, t)
	}
	p.XMin, p.XMax = ptr(-0.5), ptr(float64(len(labels))-0.5)
}

// maxHandlePanels is how many contact types the handle-time chart shows.
const maxHandlePanels = 6

// HandleFitChart plots, per contact type, the histogram of handle times as
// a density with the fitted densities over it, up to the 99th percentile.
func HandleFitChart(all []calibrate.HandleFit) Chart {
	ch := Chart{Name: "calibration-handle-time", Title: "Handle time: recorded histogram and fitted densities", Cols: 2}
	var fits []calibrate.HandleFit
	for _, f := range all {
		if f.N() > 0 {
			fits = append(fits, f)
		}
	}
	for _, f := range fits[:min(len(fits), maxHandlePanels)] {
		p := Panel{Title: fmt.Sprintf("%s (%d services)", f.Type, len(f.Sample)), XLabel: "handle time (s)", YLabel: "density (1/s)", XMin: ptr(0)}
		if len(f.Sample) == 0 {
			p.Note = "no services"
			ch.Panels = append(ch.Panels, p)
			continue
		}
		hi := quantile(f.Sample, 0.99)
		hist := histogram(f.Sample, hi, 40, len(f.Sample))
		hist.Label, hist.Color = "recorded, fitted", cGrey
		top := maxFinite(hist.Y)
		var curves []Series
		for k, fit := range f.Fits {
			s := curve(fit.PDF, 0, hi, 200)
			s.Label, s.Color, s.Dashed = fit.Label(), cBlue+k, k > 0
			curves = append(curves, s)
			if k == 0 {
				top = max(top, maxFinite(s.Y))
			}
		}
		p.YMax = ptr(1.3 * top) // a spike of left-out services or a density pole at 0 would flatten the rest
		if len(f.LeftOut) > 0 {
			// Left-out services stacked on top, on the fitted sample's scale.
			all := histogram(append(append([]float64(nil), f.Sample...), f.LeftOut...), hi, 40, len(f.Sample))
			all.Label, all.Color = fmt.Sprintf("recorded, left out of the fit (%d)", len(f.LeftOut)), cRed
			if maxFinite(all.Y) > *p.YMax {
				all.Label += ", bar cut off"
			}
			p.Series = append(p.Series, all)
		}
		p.Series = append(append(p.Series, hist), curves...)
		p.XMax = ptr(hi)
		ch.Panels = append(ch.Panels, p)
	}
	if len(ch.Panels) == 1 {
		ch.Cols = 1
	}
	return ch
}

func maxFinite(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		if finite(x) {
			m = max(m, x)
		}
	}
	return m
}

// quantile returns the q-quantile of xs (which it sorts if need be).
func quantile(xs []float64, q float64) float64 {
	s := xs
	if !sort.Float64sAreSorted(s) {
		s = append([]float64(nil), xs...)
		sort.Float64s(s)
	}
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

// histogram bins xs in [0, hi) into n bars scaled to a density of a
// sample of size total.
func histogram(xs []float64, hi float64, n, total int) Series {
	w := hi / float64(n)
	counts := make([]float64, n)
	for _, x := range xs {
		if k := int(x / w); x >= 0 && k < n {
			counts[k]++
		}
	}
	s := Series{Kind: Bars, Width: w}
	for k, c := range counts {
		s.X = append(s.X, (float64(k)+0.5)*w)
		s.Y = append(s.Y, c/(float64(total)*w))
	}
	return s
}

// curve samples f at n+1 points of [lo, hi], skipping the endpoint 0 where
// densities may be infinite.
func curve(f func(float64) float64, lo, hi float64, n int) Series {
	s := Series{Kind: Line}
	for i := 0; i <= n; i++ {
		x := lo + (hi-lo)*float64(i)/float64(n)
		if x <= 0 {
			x = (hi - lo) / float64(n) / 10
		}
		y := f(x)
		if math.IsInf(y, 0) {
			y = math.NaN()
		}
		s.X, s.Y = append(s.X, x), append(s.Y, y)
	}
	return s
}

// kmPlotEnd is where the patience chart ends: the last step with at least
// 30 customers at risk (beyond, the curve rests on a handful), or the last step.
func kmPlotEnd(km []calibrate.KMStep) float64 {
	end := 0.0
	for _, st := range km {
		if st.AtRisk >= 30 {
			end = st.T
		}
	}
	if end <= 0 && len(km) > 0 {
		end = km[len(km)-1].T
	}
	return end
}

// PatienceFitChart plots the Kaplan–Meier survival of patience with its 95 %
// band and the fitted survival curves.
func PatienceFitChart(p calibrate.PatienceFit) Chart {
	pn := Panel{Title: fmt.Sprintf("Kaplan–Meier from %d waits, %d abandoned (events); answered waits are censored", p.Observations, p.Events),
		XLabel: "time waited (s)", YLabel: "still waiting, P(patience > t)", XMin: ptr(0), YMin: ptr(0), YMax: ptr(1)}
	hi := kmPlotEnd(p.KM)
	km := Series{Label: "Kaplan–Meier, 95 % CI", Kind: Step, Color: cGrey, X: []float64{0}, Y: []float64{1}, Lo: []float64{1}, Hi: []float64{1}}
	for _, st := range p.KM {
		if st.T > hi {
			break
		}
		km.X, km.Y = append(km.X, st.T), append(km.Y, st.S)
		km.Lo, km.Hi = append(km.Lo, st.CI[0]), append(km.Hi, st.CI[1])
	}
	pn.Series = []Series{km}
	for k, f := range p.Fits {
		s := curve(f.Survival, 0, hi, 200)
		s.Label, s.Color, s.Dashed = f.Label(), cBlue+k, k > 0
		pn.Series = append(pn.Series, s)
	}
	if len(p.KM) == 0 {
		pn.Note = "nobody waited"
	}
	pn.XMax = ptr(max(hi, 1))
	return Chart{Name: "calibration-patience", Title: "Patience: Kaplan–Meier against the fitted survival curves", Panels: []Panel{pn}}
}

// StaffFitChart plots, per day type, the readings of concurrent services
// and the agents the scenario uses.
func StaffFitChart(days []calibrate.DayTypeFit) Chart {
	ch := Chart{Name: "calibration-staffing", Title: "Staffing from concurrent services"}
	for _, day := range days {
		d := day.Staff
		p := Panel{Title: day.Name, YLabel: "agents", YMin: ptr(0)}
		add := func(st []sim.Stat, label string, color int, dashed bool) {
			s := statLine(st, 1)
			s.Lo, s.Hi = nil, nil
			s.Label, s.Color, s.Dashed = label, color, dashed
			p.Series = append(p.Series, s)
		}
		used := Series{Label: "agents in the scenario", Kind: Bars, Color: cGreen, Width: 0.8}
		for i, n := range d.Counts {
			used.X, used.Y = append(used.X, float64(i)), append(used.Y, float64(n))
		}
		p.Series = append(p.Series, used)
		add(d.Distinct, "distinct agents who served", cPurple, true)
		add(d.Peak, "peak concurrent services", cOrange, true)
		add(d.WhileQueued, "in service while customers waited", cRed, false)
		add(d.Busy, "mean services in progress (load)", cBlue, false)
		top := 1.0
		for _, st := range d.Distinct {
			top = max(top, st.Mean)
		}
		for _, n := range d.Counts {
			top = max(top, float64(n))
		}
		p.YMax = ptr(1.5 * top) // room for the legend above the curves
		labelAxis(&p, intervalLabels(day))
		ch.Panels = append(ch.Panels, p)
	}
	return ch
}

// BacktestChart plots recorded against simulated service level, ASA,
// abandonment and queue length per interval for one day type.
func BacktestChart(b *calibrate.Backtest) Chart {
	var simulated []sim.Metrics
	for _, iv := range b.Simulated.Intervals {
		simulated = append(simulated, iv.Metrics)
	}
	ch := Chart{Name: "calibration-backtest-" + b.DayType, Title: "Back-test (" + b.DayType + "): recorded days against the simulated scenario", Cols: 2}
	metrics := []struct {
		metric, title, unit string
		k                   float64
	}{
		{sim.MServiceLevel, fmt.Sprintf("Service level (answered within %.0f s)", b.Simulated.Threshold), "%", 100},
		{sim.MASA, "Average speed of answer", "s", 1},
		{sim.MAbandonRate, "Abandonment", "%", 100},
		{sim.MQueueLength, "Mean queue length", "contacts", 1},
	}
	for _, m := range metrics {
		p := Panel{Title: m.title, YLabel: m.unit, YMin: ptr(0)}
		simulated := statLine(pick(simulated, m.metric), m.k)
		simulated.Label, simulated.Color = "simulated (mean, 95 % CI)", cBlue
		obs := statLine(pick(b.Observed.Intervals, m.metric), m.k)
		obs.Kind, obs.Label, obs.Color = Points, "recorded (mean over days, 95 % CI)", cOrange
		p.Series = []Series{simulated, obs}
		if m.metric == sim.MServiceLevel {
			p.YMax = ptr(100)
		}
		labelAxis(&p, b.Labels)
		ch.Panels = append(ch.Panels, p)
	}
	return ch
}

func pick(ms []sim.Metrics, name string) []sim.Stat {
	out := make([]sim.Stat, len(ms))
	for i, m := range ms {
		st, ok := m[name]
		if !ok {
			st = sim.Stat{Mean: math.NaN(), CI95: [2]float64{math.NaN(), math.NaN()}}
		}
		out[i] = st
	}
	return out
}

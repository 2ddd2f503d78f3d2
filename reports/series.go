package reports

import (
	"fmt"
	"math"
	"strconv"

	"github.com/ccsim/ccsim/sim"
)

// info returns how a chart shows metric name: sim's metric table (unknown
// metrics are shown by name).
func info(name string) sim.MetricInfo {
	m, _ := sim.Metric(name)
	return m
}

// axisCeil is the highest value a fitted axis of the metric may show: 100 for a
// share (in %), so that room for a legend never adds a 110 % tick; nil for
// the rest.
func axisCeil(mi sim.MetricInfo) *float64 {
	if mi.Unit == sim.UnitShare {
		return ptr(mi.Scale()) // a share in %: 100
	}
	return nil
}

// stat returns metric name of m, or an undefined Stat if m lacks it.
func stat(m sim.Metrics, name string) sim.Stat { return m.Get(name) }

// statSeries is a line of one metric over intervals (x is the interval
// index) with its confidence band, scaled by k. get picks the metrics of an
// interval; it may return nil.
func statSeries(ivs []sim.Interval, get func(sim.Interval) sim.Metrics, name string, k float64) Series {
	s := Series{Kind: Line}
	for i, iv := range ivs {
		st := stat(get(iv), name)
		s.X = append(s.X, float64(i))
		s.Y = append(s.Y, k*st.Mean)
		s.Lo = append(s.Lo, k*st.CI95[0])
		s.Hi = append(s.Hi, k*st.CI95[1])
	}
	return s
}

// centre picks the center-wide metrics of an interval.
func centre(iv sim.Interval) sim.Metrics { return iv.Metrics }

// intervalAxis sets a panel's X axis to the intervals: one minor tick per
// interval and a label on about a dozen of them.
func intervalAxis(p *Panel, ivs []sim.Interval) {
	p.XLabel = "interval start"
	n := len(ivs)
	if n == 0 {
		p.Note, p.XTicks = "no intervals", []Tick{}
		return
	}
	every := 1
	for n/every > 12 {
		every *= 2
	}
	p.XTicks = make([]Tick, n)
	for i, iv := range ivs {
		p.XTicks[i] = Tick{Value: float64(i)}
		if i%every == 0 {
			p.XTicks[i].Label = iv.Start
		}
	}
	p.XMin, p.XMax = ptr(-0.5), ptr(float64(n)-0.5)
}

// overall is a rule at the whole run's value of a metric scaled by k, in
// unit, or nil if it is undefined.
func overall(res *sim.Results, name string, k float64, unit string) []Rule {
	st := stat(res.Metrics, name)
	if !finite(st.Mean) {
		return nil
	}
	return []Rule{{Label: period(res) + " " + num(k*st.Mean, 3) + " " + unit, Value: k * st.Mean, Color: cGrey}}
}

// period names what the totals of res cover.
func period(res *sim.Results) string {
	if res.Horizon > 0 {
		return "whole run"
	}
	return "whole day"
}

// num formats v with at most prec significant digits and no exponent for
// everyday magnitudes.
func num(v float64, prec int) string {
	if !finite(v) {
		return "-"
	}
	if math.Abs(v) >= 1000 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', prec, 64)
}

// seconds formats a duration in seconds, e.g. "20 s".
func seconds(v float64) string { return fmt.Sprintf("%s s", num(v, 4)) }

package reports

import (
	"fmt"
	"math"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
	"github.com/ccsim/ccsim/sim/staff"
)

// StaffingChart plots service level, ASA and abandonment against the
// number of agents: simulation points with 95 % CIs over the exact Erlang C
// curve and, when customers are impatient, the Erlang A curve.
func StaffingChart(s staff.Curve) Chart {
	lo, hi := s.AgentRange()
	sl := Panel{Title: "Service level", YLabel: fmt.Sprintf("answered within %s (%%)", seconds(s.Threshold)), YMin: ptr(0), YMax: ptr(100)}
	asa := Panel{Title: "Average speed of answer", YLabel: "ASA (s)", YMin: ptr(0)}
	abd := Panel{Title: "Abandonment", YLabel: "abandoned (%)", YMin: ptr(0), YCeil: ptr(100)}
	for _, c := range erlangCurves(s, lo, hi) {
		sl.Series = append(sl.Series, c.sl)
		asa.Series = append(asa.Series, c.asa)
		if c.patience > 0 { // Erlang C never abandons
			abd.Series = append(abd.Series, c.abd)
		}
	}
	sl.Series = append(sl.Series, simPoints(s.Points, sim.MServiceLevel, 100))
	asa.Series = append(asa.Series, simPoints(s.Points, sim.MASA, 1))
	abd.Series = append(abd.Series, simPoints(s.Points, sim.MAbandonRate, 100))
	asa.YMax = asaLimit(asa.Series)
	sl.Rules = []Rule{{Label: "target " + num(100*s.Target, 3) + " %", Value: 100 * s.Target, Color: cRed}}
	panels := []Panel{sl, asa, abd}
	for i := range panels {
		panels[i].XLabel = "agents"
		panels[i].XMin, panels[i].XMax = ptr(float64(lo)-0.5), ptr(float64(hi)+0.5)
		if s.Staffed > 0 {
			panels[i].Rules = append(panels[i].Rules, Rule{Label: "staffed " + num(s.Staffed, 3), Vertical: true, Value: s.Staffed, Color: cGreen})
		}
	}
	title := fmt.Sprintf("Staffing curve, %s: %s contacts/h to agents, handle time %s", s.Interval,
		num(3600*s.Queue.Rate, 4), seconds(s.Queue.AHT))
	return Chart{Name: "staffing-curve", Title: title, Cols: 3, Height: 4.6, Width: 13, Panels: panels}
}

// erlangCurve is the exact service level (%), ASA and abandonment (%) of a
// queue from lo to hi agents; NaN where Erlang C has no steady state.
type erlangCurve struct {
	patience     float64 // seconds; 0 for Erlang C
	sl, asa, abd Series
}

// erlangCurves are the Erlang C curve and, with patience, the Erlang A curve of s.
func erlangCurves(s staff.Curve, lo, hi int) []erlangCurve {
	cs := []erlangCurve{{}}
	if p := s.Queue.Patience; p > 0 && !math.IsInf(p, 1) {
		cs = append(cs, erlangCurve{patience: p})
	}
	def := erlang.Definition(s.Definition)
	for i := range cs {
		c := &cs[i]
		line := Series{Label: "Erlang C (no abandonment)", Kind: Line, Color: cGrey, Dashed: true}
		if c.patience > 0 {
			line = Series{Label: fmt.Sprintf("Erlang A (mean patience %s)", seconds(c.patience)), Kind: Line, Color: cOrange}
		}
		c.sl, c.asa, c.abd = line, line, line
		for n := lo; n <= hi; n++ {
			q := s.Queue
			q.Agents, q.Patience = n, c.patience
			f := q.Figures()
			asa, sl := f.ASA, 100*q.ServiceLevel(s.Threshold, def)
			if !f.Stable { // Erlang C at or below the load
				asa, sl = math.NaN(), math.NaN()
			}
			x := float64(n)
			c.sl.X, c.sl.Y = append(c.sl.X, x), append(c.sl.Y, sl)
			c.asa.X, c.asa.Y = append(c.asa.X, x), append(c.asa.Y, asa)
			c.abd.X, c.abd.Y = append(c.abd.X, x), append(c.abd.Y, 100*f.PAbandon)
		}
	}
	return cs
}

// simPoints are the simulated figures of one metric, scaled by k.
func simPoints(pts []staff.CurvePoint, name string, k float64) Series {
	s := Series{Label: "simulation, mean and 95 % CI", Kind: Points, Color: cBlue}
	for _, p := range pts {
		st := stat(p.Metrics, name)
		s.X = append(s.X, float64(p.Agents))
		s.Y = append(s.Y, k*st.Mean)
		s.Lo = append(s.Lo, k*st.CI95[0])
		s.Hi = append(s.Hi, k*st.CI95[1])
	}
	return s
}

// asaLimit keeps the ASA axis on the interesting part: Erlang C waits near
// instability grow without bound, so the axis stops at 1.2 times the
// largest simulated or Erlang A value, if there is one.
func asaLimit(series []Series) *float64 {
	top := 0.0
	for _, s := range series {
		if s.Dashed {
			continue
		}
		for i := range s.Y {
			if v := s.Y[i]; finite(v) {
				top = max(top, v)
			}
			if _, hi, ok := interval(s, i); ok {
				top = max(top, hi)
			}
		}
	}
	if top == 0 {
		return nil
	}
	return ptr(1.2 * top)
}

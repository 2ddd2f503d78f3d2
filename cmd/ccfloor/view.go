package main

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// View turns the world into a Scene once per Update; Draw only paints the
// scene. It lays the floor out again whenever the world restarts.
type View struct {
	Layout  Layout
	Scene   Scene
	gen     int
	queues  [][]sim.WaitingView // per queue area, reused
	byLane  [][]sim.BotView     // per bot lane, reused
	rowEnds []float32           // per row of a bot lane, reused
}

// Build computes the scene of w's current picture.
func (v *View) Build(w *World) {
	if v.gen != w.Gen || v.Layout.Groups == nil {
		v.Layout = NewLayout(w.Scenario, w.Seats())
		v.gen = w.Gen
	}
	s := &v.Scene
	s.Shapes = s.Shapes[:0]
	s.rect(Rect{0, 0, screenW, screenH}, 0, colBackground)
	v.header(w)
	v.arrivals(w)
	v.bot(w)
	v.queue(w)
	v.exits(w)
	v.agents(w)
	v.moves(w)
	v.legend(w)
	v.footer(w)
	if w.Help {
		v.help()
	}
}

// panel draws a panel with its title and, right-aligned, a figure.
func (v *View) panel(r Rect, title, info string) {
	s := &v.Scene
	s.rect(r, 8, colPanel)
	s.frame(r, 8, 1, colPanelEdge)
	s.text(r.X+pad, r.Y+titleH/2+1, title, fontBold, alignLeft, colDim)
	if info != "" {
		s.text(r.Right()-pad, r.Y+titleH/2+1, info, fontBody, alignRight, colText)
	}
}

// header draws the scenario, the clock and the running figures.
func (v *View) header(w *World) {
	s, h, sc := &v.Scene, v.Layout.Header, w.Scenario
	s.rect(h, 0, colHeader)
	s.line(0, h.Bottom(), screenW, h.Bottom(), 1, colPanelEdge)
	s.text(20, 16, "CCFLOOR  ·  live floor", fontSmall, alignLeft, colDim)
	s.text(20, 37, clip(sc.Name, 34), fontTitle, alignLeft, colText)
	sub := fmt.Sprintf("seed %d", w.Seed)
	if sc.Arrivals.Day() {
		sub += fmt.Sprintf("  ·  open %s–%s", clock(sc, 0), clock(sc, sc.Arrivals.Close-sc.Arrivals.Open))
	}
	if wi := w.WhatIf.Label(sc); wi != "" {
		s.text(20, 58, sub+"  ·  what-if: "+wi, fontSmall, alignLeft, colAmber)
	} else {
		s.text(20, 58, sub, fontSmall, alignLeft, colDim)
	}
	s.text(440, 32, clock(sc, w.Now()), fontClock, alignCenter, colText)
	s.tag(tagClock)
	state, col := "running", colDim
	switch {
	case w.Done():
		state, col = "day over  ·  R: new day", colAmber
	case w.Paused:
		state, col = "PAUSED", colAmber
	}
	s.text(440, 60, fmt.Sprintf("%s  ·  %s×", state, speedLabel(w.Speed)), fontSmall, alignCenter, col)
	v.kpis(w)
}

// kpis draws the running figures as chips across the right of the header.
func (v *View) kpis(w *World) {
	s, k, sc := &v.Scene, w.Floor.KPIs, w.Scenario
	sl := sc.ServiceLevel
	type chip struct{ label, value, sub string }
	chips := []chip{
		{"SERVICE LEVEL", percent(k[sim.MServiceLevel], 0), fmt.Sprintf("goal %.0f%% within %s", sl.Target*100, seconds(sl.Threshold.Seconds()))},
		{"AVERAGE WAIT", seconds(k[sim.MASA]), "ASA of answered contacts"},
		{"ABANDONED", percent(k[sim.MAbandonRate], 1), "of those who queued"},
		{"BOT CONTAINMENT", percent(k[sim.MBotContainment], 0), "resolved by the bot"},
		{"OCCUPANCY", percent(k[sim.MOccupancy], 0), "of agents' time busy"},
	}
	const x0, cw = 564, 140
	for i, c := range chips {
		x := float32(x0 + i*cw)
		if i > 0 {
			s.line(x, 12, x, 62, 1, colPanelEdge)
		}
		col := colText
		if i == 0 {
			col = slColour(k[sim.MServiceLevel], sl.Target)
		}
		s.text(x+12, 17, c.label, fontSmall, alignLeft, colDim)
		s.text(x+12, 39, c.value, fontValue, alignLeft, col)
		s.tag(tagKPI)
		s.text(x+12, 60, c.sub, fontSmall, alignLeft, colFaint)
	}
}

// slColour is green on target, amber within five points of it, red below.
func slColour(v, target float64) color.NRGBA {
	switch {
	case math.IsNaN(v):
		return colDim
	case v >= target:
		return colGreen
	case v >= target-0.05:
		return colAmber
	}
	return colRed
}

// percent formats a share as a percentage with d decimals; "–" when undefined.
func percent(v float64, d int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.*f%%", d, v*100)
}

// seconds formats a duration in seconds, as minutes past two minutes.
func seconds(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "–"
	case v >= 2*3600:
		return fmt.Sprintf("%.0f h", v/3600)
	case v >= 120:
		return fmt.Sprintf("%.0f min", v/60)
	}
	return fmt.Sprintf("%.0f s", v)
}

// count formats a count with thousands separators.
func count(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := fmt.Sprintf("%d", int64(v))
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// speedLabel formats a speed without needless decimals.
func speedLabel(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") }

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

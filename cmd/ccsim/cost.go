package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// writeCosts prints the cost figures of res, if its scenario has a cost
// model, after the run summary.
func writeCosts(w io.Writer, sc *sim.Scenario, res *sim.Results) error {
	if sc.Costs == nil {
		return nil
	}
	cur := sc.Costs.Currency
	m := res.Metrics
	line := func(label, name string) string {
		s := m[name]
		return fmt.Sprintf("  %-22s %12s  [%s, %s]\n", label, money(s.Mean, cur), money(s.CI95[0], cur), money(s.CI95[1], cur))
	}
	var b strings.Builder
	b.WriteString("\nCosts (" + period(res) + "):\n")
	b.WriteString(fmt.Sprintf("  %-22s %12.1f\n", "scheduled agent-hours", m[sim.MAgentHours].Mean))
	b.WriteString(line("agents", sim.MCostAgents))
	b.WriteString(line("bot sessions", sim.MCostBot))
	b.WriteString(line("abandoned contacts", sim.MCostAbandoned))
	b.WriteString(line("total", sim.MCost))
	b.WriteString(line("per contact offered", sim.MCostPerContact))
	_, err := io.WriteString(w, b.String())
	return err
}

// period names what a run's totals cover.
func period(res *sim.Results) string {
	if res.Horizon > 0 {
		return "whole run"
	}
	return "whole day"
}

// money formats an amount with thousands separators (two decimals below
// 100) and the currency.
func money(v float64, currency string) string {
	if math.IsNaN(v) {
		return "-"
	}
	s := fmt.Sprintf("%.2f", v)
	if math.Abs(v) >= 100 {
		s = thousands(math.Round(v))
	}
	if currency != "" {
		s += " " + currency
	}
	return s
}

// thousands writes an integral amount with comma separators: 12,345.
func thousands(v float64) string {
	s := fmt.Sprintf("%.0f", math.Abs(v))
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

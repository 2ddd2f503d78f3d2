package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

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

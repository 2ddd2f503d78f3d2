package main

import (
	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/sim"
)

// period names what a run's totals cover.
func period(res *sim.Results) string {
	if res.Horizon > 0 {
		return "whole run"
	}
	return "whole day"
}

// money formats an amount as every report does (reports.Money).
func money(v float64, currency string) string { return reports.Money(v, currency) }

// thousands writes an amount rounded to an integer with comma separators: 12,345.
func thousands(v float64) string { return reports.Thousands(v) }

package reports

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ccsim/ccsim/sim"
)

// costRows are the cost figures of a run: label and metric.
var costRows = [][2]string{
	{"agents", sim.MCostAgents},
	{"bot sessions", sim.MCostBot},
	{"abandoned contacts", sim.MCostAbandoned},
	{"total", sim.MCost},
	{"per contact offered", sim.MCostPerContact},
}

// hasCosts reports whether res has cost figures (its scenario a cost model).
func hasCosts(res *sim.Results) bool {
	_, ok := res.Metrics[sim.MCost]
	return ok
}

// costTable lists the agent-hours and, with a cost model, the costs of the
// whole run with their 95 % CIs, amounts in the results' currency.
func costTable(res *sim.Results) Table {
	t := Table{ID: "costs", Title: "Costs (" + period(res) + currencyNote(res.Currency) + ")",
		Columns: []string{"figure", "mean", "95 % CI"}, Numeric: true}
	h := stat(res.Metrics, sim.MAgentHours)
	if !finite(h.Mean) {
		return Table{}
	}
	t.Rows = append(t.Rows, []string{"scheduled agent-hours", thousands1(h.Mean), "[" + thousands1(h.CI95[0]) + ", " + thousands1(h.CI95[1]) + "]"})
	if !hasCosts(res) {
		t.Caption = "The scenario has no cost model ([costs] section), so only agent-hours are shown."
		return t
	}
	for _, r := range costRows {
		s := stat(res.Metrics, r[1])
		t.Rows = append(t.Rows, []string{r[0], money(s.Mean, res.Currency), moneyCI(s, res.Currency)})
	}
	return t
}

// currencyNote is ", EUR" for a currency, or "".
func currencyNote(currency string) string {
	if currency == "" {
		return ""
	}
	return ", " + currency
}

// writeCostsText prints the cost table of res as text, after a run summary.
func writeCostsText(w io.Writer, res *sim.Results) {
	t := costTable(res)
	if len(t.Rows) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString("\n" + t.Title + ":\n")
	for _, r := range t.Rows {
		fmt.Fprintf(&b, "  %-22s %14s  %s\n", r[0], r[1], r[2])
	}
	if t.Caption != "" {
		b.WriteString("  " + t.Caption + "\n")
	}
	io.WriteString(w, b.String())
}

// money formats an amount with thousands separators (two decimals below
// 100) and the currency: "20,691 EUR", "3.16 EUR".
func money(v float64, currency string) string {
	if !finite(v) {
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

// moneyCI formats a confidence interval of an amount: "[20,512 – 20,870]".
func moneyCI(s sim.Stat, currency string) string {
	if !finite(s.CI95[0]) || !finite(s.CI95[1]) {
		return "-"
	}
	return ciText(money(s.CI95[0], ""), money(s.CI95[1], ""))
}

// fmtMetric formats a value of metric name for a table: amounts with
// thousands separators and the currency, other metrics by their format.
func fmtMetric(name string, v float64, currency string) string {
	if info(name).Unit == sim.UnitMoney {
		return money(v, currency)
	}
	return fmtValue(info(name).Format, v)
}

// Money formats an amount as the reports do: thousands separators, two
// decimals below 100, then the currency ("20,691 EUR", "3.16 EUR"); "-" when
// undefined.
func Money(v float64, currency string) string { return money(v, currency) }

// Thousands formats v rounded to an integer with comma separators: "12,345".
func Thousands(v float64) string { return thousands(v) }

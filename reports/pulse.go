package reports

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/workshop"
	"golang.org/x/text/message"
)

// pulseCSVHead is the header of WritePulseCSV.
var pulseCSVHead = []string{"team", "round", "kind", "title", "date", "scale", "label",
	"before_mean", "before_lo", "before_hi", "before_n", "after_mean", "after_lo", "after_hi", "after_n",
	"change_mean", "change_lo", "change_hi", "change_n", "hidden"}

// WritePulseCSV writes a team's history as CSV: one row per round and
// scale with the before and after index and the paired change, each with
// its 95% interval and number of respondents; a figure withheld under the
// anonymity threshold is an empty cell, and hidden says some were.
func WritePulseCSV(w io.Writer, h workshop.History) error {
	cw := csv.NewWriter(w)
	writeCSVRow(cw, append([]string(nil), pulseCSVHead...))
	for _, r := range h.Rounds {
		for _, s := range r.Scales {
			row := []string{h.Team, r.Round.ID, r.Round.Kind, r.Round.Title, roundDate(r.Round), s.Scale, s.Label}
			for _, iv := range []*workshop.Interval{s.Before, s.After, s.Change} {
				row = append(row, intervalCells(iv)...)
			}
			writeCSVRow(cw, append(row, strconv.FormatBool(r.Hidden)))
		}
	}
	cw.Flush()
	return cw.Error()
}

// intervalCells are the mean, bounds and count of iv, or four empty cells.
func intervalCells(iv *workshop.Interval) []string {
	if iv == nil {
		return []string{"", "", "", ""}
	}
	return []string{ftoa(iv.Mean), ftoa(iv.CI95[0]), ftoa(iv.CI95[1]), strconv.Itoa(iv.N)}
}

// roundDate is the day a round was opened, UTC.
func roundDate(r workshop.PulseRound) string {
	return time.UnixMilli(r.CreatedMS).UTC().Format("2006-01-02")
}

// WritePulseJSON writes a team's history as indented JSON: every round's
// summary (indices, changes, distributions per statement, free texts) and
// the trend, with what the anonymity threshold withheld left out.
func WritePulseJSON(w io.Writer, h workshop.History) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(h)
}

// PulseChart is the slide of a team's history: one panel per scale with
// the before and after index of every round and their 95% intervals, its
// titles and labels in language l (the scale names are the history's).
func PulseChart(h workshop.History, l i18n.Lang) Chart {
	pr := messages.Printer(l)
	c := Chart{Name: "pulse-" + slug(h.Team), Title: pr.Sprintf("Pulse of team %s: index 0–100 per round (95%% CI)", h.Team), Cols: len(h.Trend), Height: 4.2}
	c.Width = max(6, 4.5*float64(len(h.Trend)))
	for _, tr := range h.Trend {
		c.Panels = append(c.Panels, pulsePanel(pr, h, tr.Scale, tr.Label))
	}
	return c
}

// pulsePanel plots one scale: before and after per round, side by side.
func pulsePanel(pr *message.Printer, h workshop.History, scale, label string) Panel {
	p := Panel{Title: label, XLabel: pr.Sprintf("round"), YLabel: pr.Sprintf("index (0–100)"), YMin: ptr(0), YMax: ptr(100),
		XMin: ptr(-0.5), XMax: ptr(float64(len(h.Rounds)) - 0.5)}
	before := Series{Label: pr.Sprintf("before"), Kind: Points, Color: cBlue}
	after := Series{Label: pr.Sprintf("after"), Kind: Points, Color: cOrange}
	shown := false
	for i, r := range h.Rounds {
		p.XTicks = append(p.XTicks, Tick{Value: float64(i), Label: roundTick(r.Round)})
		for _, s := range r.Scales {
			if s.Scale != scale {
				continue
			}
			addPoint(&before, float64(i)-0.1, s.Before)
			addPoint(&after, float64(i)+0.1, s.After)
			shown = shown || s.Before != nil || s.After != nil
		}
	}
	p.Series = []Series{before, after}
	if !shown {
		p.Note = pr.Sprintf("no rounds with enough respondents")
	}
	return p
}

// addPoint appends iv at x to s; NaN when it was withheld.
func addPoint(s *Series, x float64, iv *workshop.Interval) {
	y, lo, hi := math.NaN(), math.NaN(), math.NaN()
	if iv != nil {
		y, lo, hi = iv.Mean, iv.CI95[0], iv.CI95[1]
	}
	s.X, s.Y, s.Lo, s.Hi = append(s.X, x), append(s.Y, y), append(s.Lo, lo), append(s.Hi, hi)
}

// roundTick labels a round on the X axis: its title (shortened) or date.
func roundTick(r workshop.PulseRound) string {
	t := []rune(r.Title)
	if len(t) == 0 {
		return roundDate(r)
	}
	if len(t) > 14 {
		t = append(t[:13], '…')
	}
	return string(t)
}

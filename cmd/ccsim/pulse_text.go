package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/workshop"
	"golang.org/x/text/message"
)

// pulseLang is the language of ccsim pulse's fixed texts for --lang: German
// for de, else English (an instrument may have statements in other languages).
func pulseLang(lang string) i18n.Lang {
	if l, err := i18n.Parse(lang); err == nil {
		return l
	}
	return i18n.English
}

// writePulseText prints a team's history for ccsim pulse show, its fixed
// texts through p.
func writePulseText(w io.Writer, p *message.Printer, h workshop.History) error {
	p.Fprintf(w, "Pulse of team %s: %d rounds. Indices 0–100; figures need at least %d respondents.\n", h.Team, len(h.Rounds), h.Min)
	for _, r := range h.Rounds {
		fmt.Fprintln(w)
		writeRoundText(w, p, r)
	}
	fmt.Fprintln(w)
	for _, t := range h.Trend {
		if t.Slope == nil {
			p.Fprintf(w, "Trend of the before index: %s needs two rounds with enough respondents.\n", t.Label)
			continue
		}
		p.Fprintf(w, "Trend of the before index: %s %+.1f points per round over %d rounds (%.0f → %.0f).\n", t.Label, *t.Slope, t.Rounds, *t.First, *t.Last)
	}
	return nil
}

// roundKinds name the kinds of pulse round.
var roundKinds = map[string]string{workshop.KindWorkshop: i18n.Key("workshop"), workshop.KindStandalone: i18n.Key("standalone"),
	workshop.KindTerminal: i18n.Key("terminal")}

// writeRoundText prints one round: its respondents, each scale's indices
// and change, and the free texts.
func writeRoundText(w io.Writer, p *message.Printer, r workshop.RoundSummary) {
	date := time.UnixMilli(r.Round.CreatedMS).UTC().Format("2006-01-02")
	kind := r.Round.Kind
	if k, ok := roundKinds[kind]; ok {
		kind = p.Sprintf(k)
	}
	fmt.Fprintf(w, "%s  %s  %s  %s\n", date, r.Round.ID, kind, r.Round.Title)
	n := func(k int) string {
		if k == 0 {
			return p.Sprintf("fewer than %d", r.Min)
		}
		return fmt.Sprint(k)
	}
	p.Fprintf(w, "  respondents: %s before, %s after, %s with both\n", n(r.Before), n(r.After), n(r.Paired))
	for _, s := range r.Scales {
		p.Fprintf(w, "  %-16s before %-16s after %-16s change %s\n", s.Label, fmtIndex(p, s.Before, false), fmtIndex(p, s.After, false), fmtIndex(p, s.Change, true))
	}
	if len(r.Texts) > 0 {
		p.Fprintf(w, "  One thing that would help (in no particular order):\n")
		for _, t := range r.Texts {
			fmt.Fprintf(w, "    - %s\n", strings.ReplaceAll(t, "\n", " "))
		}
	}
}

// fmtIndex formats an index (or a change, signed) with its 95% interval,
// its numbers as p's language writes them.
func fmtIndex(p *message.Printer, iv *workshop.Interval, signed bool) string {
	if iv == nil {
		return "–"
	}
	if signed {
		return p.Sprintf("%+.1f [%+.1f, %+.1f]", iv.Mean, iv.CI95[0], iv.CI95[1])
	}
	return p.Sprintf("%.0f [%.0f, %.0f]", iv.Mean, iv.CI95[0], iv.CI95[1])
}

// nowMS is the wall clock in Unix milliseconds.
func nowMS() int64 { return time.Now().UnixMilli() }

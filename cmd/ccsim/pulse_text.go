package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ccsim/ccsim/workshop"
)

// pulseMsg holds the fixed texts of ccsim pulse and train --pulse, so that
// they can be translated in one place.
var pulseMsg = map[string]string{
	"no_teams":    "No pulse rounds yet.",
	"rounds":      "rounds",
	"opened":      "Stand-alone pulse %s opened. Share the code, or the link /pulse/%s on your ccsim serve address.",
	"history":     "Pulse of team %s: %d rounds. Indices 0–100; figures need at least %d respondents.",
	"round":       "%s  %s  %s  %s",
	"respondents": "  respondents: %s before, %s after, %s with both",
	"fewer":       "fewer than %d",
	"scale":       "  %-16s before %-16s after %-16s change %s",
	"withheld":    "–",
	"trend":       "Trend of the before index: %s %+.1f points per round over %d rounds (%.0f → %.0f).",
	"trend_one":   "Trend of the before index: %s needs two rounds with enough respondents.",
	"texts":       "  One thing that would help (in no particular order):",
	"before_hint": "Before we start: how far do you agree? (1 = %s … 5 = %s; Enter skips)",
	"after_hint":  "Now that you are done: how far do you agree? (1 = %s … 5 = %s; Enter skips)",
	"ask":         "  %d/%d %s",
	"prompt":      "  [1-5] > ",
	"text_prompt": "  > ",
	"again":       "  Type a number from 1 to 5, or press Enter to skip.",
	"free":        "  %s (Enter skips)",
	"thanks":      "Thank you. Your answers are stored without your name.",
	"not_stored":  "Your answers are not stored (no --db given).",
	"too_few":     "Results of round %s appear once at least %d people have answered.",
	"result":      "Round %s so far:",
}

// writePulseText prints a team's history for ccsim pulse show.
func writePulseText(w io.Writer, h workshop.History) error {
	fmt.Fprintf(w, pulseMsg["history"]+"\n", h.Team, len(h.Rounds), h.Min)
	for _, r := range h.Rounds {
		fmt.Fprintln(w)
		writeRoundText(w, r)
	}
	fmt.Fprintln(w)
	for _, t := range h.Trend {
		if t.Slope == nil {
			fmt.Fprintf(w, pulseMsg["trend_one"]+"\n", t.Label)
			continue
		}
		fmt.Fprintf(w, pulseMsg["trend"]+"\n", t.Label, *t.Slope, t.Rounds, *t.First, *t.Last)
	}
	return nil
}

// writeRoundText prints one round: its respondents, each scale's indices
// and change, and the free texts.
func writeRoundText(w io.Writer, r workshop.RoundSummary) {
	date := time.UnixMilli(r.Round.CreatedMS).UTC().Format("2006-01-02")
	fmt.Fprintf(w, pulseMsg["round"]+"\n", date, r.Round.ID, r.Round.Kind, r.Round.Title)
	n := func(k int) string {
		if k == 0 {
			return fmt.Sprintf(pulseMsg["fewer"], r.Min)
		}
		return fmt.Sprint(k)
	}
	fmt.Fprintf(w, pulseMsg["respondents"]+"\n", n(r.Before), n(r.After), n(r.Paired))
	for _, s := range r.Scales {
		fmt.Fprintf(w, pulseMsg["scale"]+"\n", s.Label, fmtIndex(s.Before, false), fmtIndex(s.After, false), fmtIndex(s.Change, true))
	}
	if len(r.Texts) > 0 {
		fmt.Fprintln(w, pulseMsg["texts"])
		for _, t := range r.Texts {
			fmt.Fprintf(w, "    - %s\n", strings.ReplaceAll(t, "\n", " "))
		}
	}
}

// fmtIndex formats an index (or a change, signed) with its 95% interval.
func fmtIndex(iv *workshop.Interval, signed bool) string {
	if iv == nil {
		return pulseMsg["withheld"]
	}
	f := "%.0f [%.0f, %.0f]"
	if signed {
		f = "%+.1f [%+.1f, %+.1f]"
	}
	return fmt.Sprintf(f, iv.Mean, iv.CI95[0], iv.CI95[1])
}

// nowMS is the wall clock in Unix milliseconds.
func nowMS() int64 { return time.Now().UnixMilli() }

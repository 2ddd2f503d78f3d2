package scenarios

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// Commented writes scenario TOML line by line, with comments, for generated
// files that explain their numbers (ccsim calibrate writes one per day
// type). Parse reads what it writes; the zero value is ready to use.
type Commented struct{ bytes.Buffer }

// Line writes one formatted line.
func (w *Commented) Line(format string, args ...any) {
	fmt.Fprintf(w, format, args...)
	w.WriteByte('\n')
}

// Comment writes text as # lines, one per line of text.
func (w *Commented) Comment(format string, args ...any) {
	for _, l := range strings.Split(fmt.Sprintf(format, args...), "\n") {
		w.Line("# %s", l)
	}
}

// KV writes key = value (value already in TOML syntax) with an optional
// trailing comment.
func (w *Commented) KV(key, value, note string) {
	if note == "" {
		w.Line("%s = %s", key, value)
		return
	}
	w.Line("%s = %s  # %s", key, value, note)
}

// Dist writes a distribution's keys in a table section.
func (w *Commented) Dist(d sim.Dist) {
	for _, kv := range distKeys(d) {
		w.Line("%s = %s", kv[0], kv[1])
	}
}

// InlineDist returns a distribution as an inline table.
func InlineDist(d sim.Dist) string {
	var parts []string
	for _, kv := range distKeys(d) {
		parts = append(parts, kv[0]+" = "+kv[1])
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// distKeys are the TOML keys of the distributions a calibration produces
// (lognormal, gamma, exponential); others are written by name only.
func distKeys(d sim.Dist) [][2]string {
	secs := func(s float64) string { return QuoteDuration(time.Duration(math.Round(s * 1e9))) }
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch d := d.(type) {
	case sim.LogNormal:
		return [][2]string{{"dist", `"lognormal"`}, {"mean", secs(d.MeanS)}, {"cv", num(d.CV)}}
	case sim.Gamma:
		return [][2]string{{"dist", `"gamma"`}, {"mean", secs(d.MeanS)}, {"cv", num(d.CV)}}
	case sim.Exponential:
		return [][2]string{{"dist", `"exponential"`}, {"mean", secs(d.MeanS)}}
	}
	return [][2]string{{"dist", strconv.Quote(d.String())}}
}

// QuoteDuration returns a duration as a quoted TOML string (see ShortDuration).
func QuoteDuration(d time.Duration) string { return strconv.Quote(ShortDuration(d)) }

// ShortDuration writes a duration in Go syntax without zero units: "30m", not "30m0s".
func ShortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

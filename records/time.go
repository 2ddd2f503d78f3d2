package records

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// This file parses the dates, clock times and durations of contact records.

// unwrap returns clock time t (seconds since midnight) as seconds since the
// midnight before ref, adding a day when t is more than 12 hours before ref
// (an interval that crossed midnight). Clocks a few seconds or minutes early
// are kept as they are.
func unwrap(t, ref float64) float64 {
	if t < ref-12*3600 {
		return t + 24*3600
	}
	return t
}

// parseClock parses h:mm:ss (hours 0–47) into seconds since midnight.
func parseClock(s string) (float64, bool) {
	h, rest, ok1 := strings.Cut(s, ":")
	m, sec, ok2 := strings.Cut(rest, ":")
	if !ok1 || !ok2 || len(m) != 2 || len(h) == 0 || len(h) > 2 || !isDigits(h) || !isDigits(m) {
		return 0, false
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	ss, err := strconv.ParseFloat(sec, 64)
	if err != nil || len(sec) < 2 || !isDigits(sec[:2]) || hh > 47 || mm > 59 || !(ss >= 0 && ss < 60) {
		return 0, false
	}
	return float64(hh*3600+mm*60) + ss, true
}

// parseYYMMDD parses a yymmdd date (years 50–99 are 19xx) into days since 1970-01-01.
func parseYYMMDD(s string) (int, bool) {
	if len(s) != 6 || !isDigits(s) {
		return 0, false
	}
	yy, _ := strconv.Atoi(s[:2])
	y := 2000 + yy
	if yy >= 50 {
		y = 1900 + yy
	}
	return civilDay(y, s[2:4], s[4:6])
}

// civilDay validates a calendar date and returns it as days since 1970-01-01.
func civilDay(y int, mm, dd string) (int, bool) {
	m, err1 := strconv.Atoi(mm)
	d, err2 := strconv.Atoi(dd)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// day parses a date field: calendar dates become days since 1970-01-01;
// small integers are day numbers of an undated log.
func (p *genericParser) day(s string) (day int, known, ok bool) {
	switch {
	case s == "":
		return 0, false, true
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, err := strconv.Atoi(s[:4])
		if err != nil {
			return 0, false, false
		}
		day, ok = civilDay(y, s[5:7], s[8:10])
	case len(s) == 8 && isDigits(s):
		y, _ := strconv.Atoi(s[:4])
		day, ok = civilDay(y, s[4:6], s[6:8])
	case len(s) == 6 && isDigits(s):
		day, ok = parseYYMMDD(s)
	case len(s) <= 5 && isDigits(s):
		n, _ := strconv.Atoi(s)
		p.dated = false
		return n, true, true
	default:
		return 0, false, false
	}
	if ok {
		p.sawDate = true
	}
	return day, ok, ok
}

// instant is a parsed time value.
type instant struct {
	missing bool
	secs    float64 // seconds since midnight (or since the day's start for plain numbers)
	clock   bool    // from h:mm:ss: may need unwrapping past midnight
	dated   bool    // carried its own date
	day     int     // that date, days since 1970-01-01
}

// relative returns the instant as seconds since midnight of day; clock
// times more than 12 h before ref (when known) are taken as past midnight.
func (in instant) relative(day int, ref float64) float64 {
	switch {
	case in.missing:
		return math.NaN()
	case in.dated:
		return in.secs + float64(in.day-day)*86400
	case in.clock && !math.IsNaN(ref):
		return unwrap(in.secs, ref)
	}
	return in.secs
}

var datetimeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// parseInstant parses a time value; "" is missing.
func parseInstant(s string) (instant, bool) {
	if s == "" {
		return instant{missing: true}, true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return instant{secs: x}, !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	if strings.Count(s, ":") == 1 && len(s) <= 5 {
		s += ":00"
	}
	if c, ok := parseClock(s); ok {
		return instant{secs: c, clock: true}, true
	}
	for _, l := range datetimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			d := int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
			secs := float64(t.Hour()*3600+t.Minute()*60+t.Second()) + float64(t.Nanosecond())/1e9
			return instant{secs: secs, dated: true, day: d}, true
		}
	}
	return instant{}, false
}

// parseSeconds parses a duration: seconds, or h:mm:ss; "" is NaN.
func parseSeconds(s string) (float64, bool) {
	if s == "" {
		return math.NaN(), true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	if c, ok := parseClock(s); ok {
		return c, true
	}
	return 0, false
}

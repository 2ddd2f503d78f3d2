package calibrate

import (
	"fmt"
	"strings"
)

// DayTypes groups weekdays into day types with their own arrival profile,
// e.g. "sun-thu,fri,sat" for the Israeli working week of the Anonymous
// Bank. Undated records (day numbers only) form one type, "all".
type DayTypes struct {
	Names []string
	of    [7]int // weekday (Sunday = 0) → index into Names, −1: not covered
}

var weekdayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Default day-type specifications.
const (
	BankDayTypes    = "sun-thu,fri,sat" // the bank's working week: agents 07–24 Sun–Thu, until 14:00 Fri, from 20:00 Sat
	GenericDayTypes = "mon-fri,sat,sun"
)

// ParseDayTypes parses comma-separated groups of weekdays: single days
// ("sat") or ranges ("sun-thu", wrapping past Saturday if need be). A
// weekday may belong to one group only; weekdays in no group are ignored.
func ParseDayTypes(spec string) (DayTypes, error) {
	var d DayTypes
	for i := range d.of {
		d.of[i] = -1
	}
	for _, g := range strings.Split(spec, ",") {
		g = strings.ToLower(strings.TrimSpace(g))
		from, to, isRange := strings.Cut(g, "-")
		a, okA := weekdayIndex(from)
		b, okB := a, okA
		if isRange {
			b, okB = weekdayIndex(to)
		}
		if !okA || !okB {
			return DayTypes{}, fmt.Errorf("calibrate: day types %q: %q is not a weekday or range like sun-thu", spec, g)
		}
		idx := len(d.Names)
		d.Names = append(d.Names, g)
		for w := a; ; w = (w + 1) % 7 {
			if d.of[w] >= 0 {
				return DayTypes{}, fmt.Errorf("calibrate: day types %q: %s is in two groups", spec, weekdayNames[w])
			}
			d.of[w] = idx
			if w == b {
				break
			}
		}
	}
	return d, nil
}

func weekdayIndex(s string) (int, bool) {
	s = strings.TrimSpace(s)
	for i, long := range weekdayLong {
		if len(s) >= 3 && strings.HasPrefix(long, s) {
			return i, true
		}
	}
	return 0, false
}

var weekdayLong = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// Weekday returns the weekday (Sunday = 0) of a day counted since 1970-01-01, a Thursday.
func Weekday(day int) int { return ((day % 7) + 7 + 4) % 7 }

// typeOf returns the day type of a day, or −1 when its weekday is in no group.
// Undated days all have type 0.
func (d DayTypes) typeOf(day int, dated bool) int {
	if !dated {
		return 0
	}
	return d.of[Weekday(day)]
}

// undatedTypes is the single day type of undated records.
func undatedTypes() DayTypes {
	d := DayTypes{Names: []string{"all"}}
	for i := range d.of {
		d.of[i] = 0
	}
	return d
}

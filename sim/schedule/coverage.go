package schedule

import (
	"fmt"
	"strings"
	"time"
)

// Totals sums coverage over groups per interval, in interval order: the
// starts (HH:MM), the agents required on duty, the average on duty and the
// fewest on duty at any moment.
func Totals(cov []Coverage) (starts []string, required, average, least []float64) {
	index := map[time.Duration]int{}
	for _, c := range cov {
		i, ok := index[c.Start]
		if !ok {
			i = len(starts)
			index[c.Start] = i
			starts = append(starts, Clock(c.Start))
			required, average, least = append(required, 0), append(average, 0), append(least, 0)
		}
		required[i] += float64(c.Required)
		average[i] += c.Scheduled
		least[i] += float64(c.Least)
	}
	return starts, required, average, least
}

// Clock formats a time of day as HH:MM.
func Clock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

// BreakList is the shift's breaks as "HH:MM+length" (with " unpaid" for
// unpaid ones), separated by spaces.
func (s Shift) BreakList() string {
	var parts []string
	for _, b := range s.Breaks {
		p := fmt.Sprintf("%s+%gm", Clock(b.Start), b.Length.Minutes())
		if b.Unpaid {
			p += " unpaid"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

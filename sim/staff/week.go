package staff

import "fmt"

// Week scales a day's plan to full-time equivalents and a year. The zero
// value is a 37.5-hour week of 5 days, 52 weeks a year.
type Week struct {
	FTEHours float64 // FTEHours are the paid hours of one full-time equivalent a week; 0: 37.5.
	Days     float64 // Days is how often the plan's day repeats in a week; 0: 5.
	Weeks    float64 // Weeks are the weeks of a year; 0: 52.
}

// Validate reports whether the week is well formed.
func (w Week) Validate() error {
	if w.FTEHours < 0 || w.Days < 0 || w.Days > 7 || w.Weeks < 0 || w.Weeks > 53 {
		return fmt.Errorf("staff: week of %g hours per FTE, %g days, %g weeks a year: want hours >= 0, days in [0, 7], weeks in [0, 53]", w.FTEHours, w.Days, w.Weeks)
	}
	return nil
}

func (w Week) orDefault() Week {
	if w.FTEHours == 0 {
		w.FTEHours = 37.5
	}
	if w.Days == 0 {
		w.Days = 5
	}
	if w.Weeks == 0 {
		w.Weeks = 52
	}
	return w
}

// FTE is the full-time equivalents that work agentHours a day.
func (w Week) FTE(agentHours float64) float64 {
	w = w.orDefault()
	return agentHours * w.Days / w.FTEHours
}

// Annual is a day's amount over a year.
func (w Week) Annual(day float64) float64 {
	w = w.orDefault()
	return day * w.Days * w.Weeks
}

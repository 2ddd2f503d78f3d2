package scenarios

import (
	"strings"
	"testing"
)

// TestDayTypes checks that arrivals.day picks a day type's factor or profile.
func TestDayTypes(t *testing.T) {
	src, _ := Source("demand")
	monday, err := Parse("demand.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	if monday.Arrivals.DayFactor != 1.15 || monday.Arrivals.Profile[0] != 200 {
		t.Errorf("monday: factor %v, first interval %v; want 1.15 and the base profile", monday.Arrivals.DayFactor, monday.Arrivals.Profile[0])
	}
	sat, err := Parse("demand.toml", []byte(strings.Replace(string(src), `day = "monday"`, `day = "saturday"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if sat.Arrivals.DayFactor != 0 || sat.Arrivals.Profile[0] != 60 {
		t.Errorf("saturday: factor %v, first interval %v; want no factor and its own profile", sat.Arrivals.DayFactor, sat.Arrivals.Profile[0])
	}
	_, err = Parse("demand.toml", []byte(strings.Replace(string(src), `day = "monday"`, `day = "sunday"`, 1)))
	if err == nil || !strings.Contains(err.Error(), `demand.toml:16: arrivals.day: no day type "sunday"`) || !strings.Contains(err.Error(), "monday, saturday, tuesday") {
		t.Errorf("unknown day type: %v", err)
	}
	roundTrip(t, sat)
}

package scenarios

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// duration is a Go duration string in TOML ("45s", "2m30s", "8h").
type duration struct {
	time.Duration
	set bool
}

// UnmarshalText parses a duration string.
func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("%q is not a duration (write e.g. \"45s\", \"2m30s\", \"8h\")", string(b))
	}
	if v < 0 {
		return fmt.Errorf("duration %q is negative", string(b))
	}
	d.Duration, d.set = v, true
	return nil
}

// MarshalText writes the duration in Go syntax.
func (d duration) MarshalText() ([]byte, error) { return []byte(d.Duration.String()), nil }

// clock is a time of day in TOML ("08:00"; up to "48:00" for a day that runs past midnight).
type clock struct {
	time.Duration
	set bool
}

// UnmarshalText parses HH:MM.
func (c *clock) UnmarshalText(b []byte) error {
	h, m, ok := strings.Cut(string(b), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || hh < 0 || hh > 48 || mm < 0 || mm > 59 {
		return fmt.Errorf("%q is not a time of day (write e.g. \"08:00\")", string(b))
	}
	c.Duration, c.set = time.Duration(hh)*time.Hour+time.Duration(mm)*time.Minute, true
	return nil
}

// MarshalText writes HH:MM.
func (c clock) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("%02d:%02d", int(c.Hours()), int(c.Minutes())%60)), nil
}

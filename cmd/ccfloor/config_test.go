package main

import (
	"errors"
	"io"
	"testing"
	"time"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want config
		err  bool
	}{
		{"defaults", nil, config{speed: 60}, false},
		{"name", []string{"contact_center"}, config{scenario: "contact_center", speed: 60}, false},
		{"flags after the scenario", []string{"default", "--seed", "9", "--speed", "3600"},
			config{scenario: "default", seed: 9, seedSet: true, speed: 3600}, false},
		{"flags before", []string{"--speed=1", "x.toml"}, config{scenario: "x.toml", speed: 1}, false},
		{"screenshot", []string{"--screenshot", "f.png", "--at", "10:00"}, config{speed: 60, screenshot: "f.png", at: "10:00"}, false},
		{"seed zero is a seed", []string{"--seed", "0"}, config{speed: 60, seedSet: true}, false},
		{"speed too high", []string{"--speed", "7200"}, config{}, true},
		{"speed too low", []string{"--speed", "0.5"}, config{}, true},
		{"screenshot without time", []string{"--screenshot", "f.png"}, config{}, true},
		{"time without screenshot", []string{"--at", "10:00"}, config{}, true},
		{"two scenarios", []string{"a", "b"}, config{}, true},
		{"bad seed", []string{"--seed", "x"}, config{}, true},
		{"unknown flag", []string{"--fast"}, config{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseArgs(tc.args, io.Discard)
			if tc.err {
				var u usageError
				if !errors.As(err, &u) {
					t.Errorf("parseArgs(%q) error = %v, want a usage error", tc.args, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("parseArgs(%q) = %+v, %v, want %+v", tc.args, got, err, tc.want)
			}
		})
	}
	if _, err := parseArgs([]string{"--help"}, io.Discard); !errors.Is(err, errHelp) {
		t.Errorf("parseArgs(--help) error = %v, want errHelp", err)
	}
}

func TestSinceOpen(t *testing.T) {
	sc := defaultScenario(t) // opens at 08:00
	tests := []struct {
		name, at string
		want     time.Duration
		err      bool
	}{
		{"opening", "08:00", 0, false},
		{"ten", "10:00", 2 * time.Hour, false},
		{"minutes", "19:45", 11*time.Hour + 45*time.Minute, false},
		{"before opening", "07:59", 0, true},
		{"not a time", "ten", 0, true},
		{"bad minutes", "10:60", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := sinceOpen(sc, tc.at)
			if (err != nil) != tc.err || got != tc.want {
				t.Errorf("sinceOpen(%q) = %v, %v, want %v (error %v)", tc.at, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestClock(t *testing.T) {
	sc := defaultScenario(t)
	tests := []struct {
		t    time.Duration
		want string
	}{
		{0, "08:00"},
		{2*time.Hour + 59*time.Second, "10:00"},
		{12*time.Hour + 30*time.Minute, "20:30"},
		{17 * time.Hour, "01:00"},
	}
	for _, tc := range tests {
		if got := clock(sc, tc.t); got != tc.want {
			t.Errorf("clock(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}

func TestLoadScenario(t *testing.T) {
	if _, err := loadScenario("no-such-scenario"); err == nil {
		t.Error("loadScenario(no-such-scenario) = nil error, want one")
	}
	sc, err := loadScenario("")
	if err != nil || sc.Name == "" {
		t.Errorf("loadScenario(\"\") = %v, %v, want the default scenario", sc, err)
	}
}

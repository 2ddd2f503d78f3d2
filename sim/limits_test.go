package sim

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// TestLimits checks that work beyond the limits is refused before anything
// runs, naming the key at fault, and that raising a limit lets it through.
func TestLimits(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Scenario)
		wantKey string // "" means valid
	}{
		{"default day", func(*Scenario) {}, ""},
		{"too many replications", func(s *Scenario) { s.Replications = 100_000_000 }, "replications"},
		{"replications raised", func(s *Scenario) { s.Replications = 200_000; s.Limits.Replications = 300_000; s.Limits.Tables = 2e7 }, ""},
		{"huge profile value", func(s *Scenario) { s.Arrivals.Profile[1] = 1e300 }, "arrivals.profile.1"},
		{"infinite-ish profile", func(s *Scenario) { s.Arrivals.Profile[0] = math.MaxFloat64 }, "arrivals.profile.0"},
		{"contacts raised", func(s *Scenario) { s.Arrivals.Profile[1] = 6e7; s.Limits.Contacts = 1e8 }, ""},
		{"steady rate typo", func(s *Scenario) { *s = *referenceScenario(1000); s.Arrivals.Rate = 7.2e9 }, "arrivals.rate"},
		{"steady horizon typo", func(s *Scenario) { *s = *referenceScenario(1000); s.Horizon = 100_000 * time.Hour }, "horizon"},
		{"too many intervals", func(s *Scenario) {
			*s = *referenceScenario(1000)
			s.Arrivals.Rate, s.Horizon, s.Arrivals.Interval = 1, 20_000*time.Hour, 30*time.Minute
		}, "horizon"},
		{"negative limit", func(s *Scenario) { s.Limits.Contacts = -1 }, "limits"},
		{"too many tables of figures", func(s *Scenario) { s.Replications = 100; s.Limits.Tables = 99 }, "replications"},
		{"tables raised", func(s *Scenario) { s.Replications = 1000; s.Limits.Tables = 10_000_000 }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := dayScenario()
			tc.edit(sc)
			err := sc.Validate()
			if tc.wantKey == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var ve ValidationErrors
			if !errors.As(err, &ve) || len(ve) != 1 {
				t.Fatalf("Validate() = %v, want one error at %s", err, tc.wantKey)
			}
			if ve[0].Key != tc.wantKey || !strings.Contains(ve[0].Msg, "limit") || !strings.Contains(ve[0].Msg, "[limits]") && tc.wantKey != "limits" {
				t.Errorf("Validate() = %s: %s; want key %s naming the limit and how to raise it", ve[0].Key, ve[0].Msg, tc.wantKey)
			}
		})
	}
}

// TestRunRefusesOverride checks that Options.Replications obeys the limit too.
func TestRunRefusesOverride(t *testing.T) {
	_, err := Run(context.Background(), dayScenario(), Options{Replications: 100_000_000})
	var ve ValidationErrors
	if !errors.As(err, &ve) || ve[0].Key != "replications" {
		t.Fatalf("Run with 1e8 replications: %v, want a replications error", err)
	}
}

// TestStatus checks that Status ends at 1 and moves by simulated time within
// one long replication.
func TestStatus(t *testing.T) {
	sc := referenceScenario(200_000)
	st := &Status{}
	if got := st.Fraction(); got != 0 {
		t.Errorf("Fraction before the run = %g, want 0", got)
	}
	r := NewRun(sc, sc.Seed, 0)
	var told int64
	var seen []int64
	for !r.done {
		r.runEvents(checkEvery)
		now := r.progress(told)
		if now < told {
			t.Fatalf("progress went back from %d to %d", told, now)
		}
		told = now
		seen = append(seen, now)
	}
	if told != statusScale || len(seen) < 3 || seen[len(seen)/2] <= 0 || seen[len(seen)/2] >= statusScale {
		t.Errorf("progress over one replication = %v, want rising steps ending at %d", seen, statusScale)
	}
	if _, err := Run(context.Background(), sc, Options{Status: st, Replications: 3}); err != nil {
		t.Fatal(err)
	}
	if got := st.Fraction(); got != 1 {
		t.Errorf("Fraction after the run = %g, want 1", got)
	}
}

package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Deterministic always takes Value seconds.
type Deterministic struct {
	Value float64 // seconds
}

// Rand returns the value; it draws nothing.
func (d Deterministic) Rand(*rand.Rand) float64 { return d.Value }

// Mean returns the value.
func (d Deterministic) Mean() float64 { return d.Value }

// Validate checks the value is non-negative and finite.
func (d Deterministic) Validate() error {
	if d.Value < 0 || math.IsNaN(d.Value) || math.IsInf(d.Value, 0) {
		return fmt.Errorf("value must be non-negative and finite, got %g", d.Value)
	}
	return nil
}

func (d Deterministic) String() string { return "deterministic(" + secs(d.Value) + ")" }

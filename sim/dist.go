package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Dist is a distribution of non-negative durations in seconds. Implementations
// take the random source as an argument and never use a global generator.
type Dist interface {
	// Rand draws one value, in seconds.
	Rand(r *rand.Rand) float64
	// Mean is the distribution's mean, in seconds.
	Mean() float64
	// Validate reports parameters that make the distribution meaningless.
	Validate() error
	// String describes the distribution for summaries, e.g. "lognormal(mean 240s, cv 0.8)".
	String() string
}

// secs formats seconds compactly for distribution descriptions.
func secs(s float64) string {
	return fmt.Sprintf("%gs", math.Round(s*1000)/1000)
}

func checkPositive(name string, v float64) error {
	if !(v > 0) || math.IsInf(v, 0) {
		return fmt.Errorf("%s must be positive and finite, got %g", name, v)
	}
	return nil
}

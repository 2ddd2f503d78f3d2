package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Uniform is uniform between Min and Max seconds.
type Uniform struct {
	Min, Max float64 // seconds
}

// Rand draws a uniform value.
func (u Uniform) Rand(r *rand.Rand) float64 { return u.Min + (u.Max-u.Min)*r.Float64() }

// Mean returns the midpoint.
func (u Uniform) Mean() float64 { return (u.Min + u.Max) / 2 }

// Validate checks 0 ≤ Min ≤ Max < ∞.
func (u Uniform) Validate() error {
	if u.Min < 0 || !(u.Max >= u.Min) || math.IsInf(u.Max, 0) {
		return fmt.Errorf("need 0 <= min <= max, got min %g, max %g", u.Min, u.Max)
	}
	return nil
}

func (u Uniform) String() string { return "uniform(" + secs(u.Min) + ", " + secs(u.Max) + ")" }

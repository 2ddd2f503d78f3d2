package sim

import "math/rand/v2"

// Exponential is the memoryless distribution with the given mean.
type Exponential struct {
	MeanS float64 // mean, seconds
}

// Rand draws an exponential value.
func (e Exponential) Rand(r *rand.Rand) float64 { return r.ExpFloat64() * e.MeanS }

// Mean returns the mean in seconds.
func (e Exponential) Mean() float64 { return e.MeanS }

// Validate checks the mean is positive.
func (e Exponential) Validate() error { return checkPositive("mean", e.MeanS) }

func (e Exponential) String() string { return "exponential(mean " + secs(e.MeanS) + ")" }

package sim

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Empirical resamples observed values with equal probability.
type Empirical struct {
	Values []float64 // seconds; at least one
}

// Rand picks one of the values.
func (e Empirical) Rand(r *rand.Rand) float64 { return e.Values[r.IntN(len(e.Values))] }

// Mean returns the mean of the values.
func (e Empirical) Mean() float64 {
	s := 0.0
	for _, v := range e.Values {
		s += v
	}
	return s / float64(len(e.Values))
}

// Validate checks there is at least one value and all are non-negative.
func (e Empirical) Validate() error {
	if len(e.Values) == 0 {
		return errors.New("needs at least one value")
	}
	for i, v := range e.Values {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("value %d is %g; values must be non-negative and finite", i+1, v)
		}
	}
	return nil
}

func (e Empirical) String() string {
	return fmt.Sprintf("empirical(%d values, mean %s)", len(e.Values), secs(e.Mean()))
}

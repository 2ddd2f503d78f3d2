package sim

import (
	"fmt"
	"math/rand/v2"
)

// Erlang is the sum of K exponential phases with total mean MeanS (cv 1/√K).
type Erlang struct {
	MeanS float64 // mean, seconds
	K     int     // number of phases, ≥ 1
}

// Rand draws an Erlang value.
func (e Erlang) Rand(r *rand.Rand) float64 {
	if e.K > 20 {
		return gammaRand(r, float64(e.K)) * e.MeanS / float64(e.K)
	}
	s := 0.0
	for i := 0; i < e.K; i++ {
		s += r.ExpFloat64()
	}
	return s * e.MeanS / float64(e.K)
}

// Mean returns the mean in seconds.
func (e Erlang) Mean() float64 { return e.MeanS }

// Validate checks the mean is positive and K at least 1.
func (e Erlang) Validate() error {
	if e.K < 1 {
		return fmt.Errorf("k must be at least 1, got %d", e.K)
	}
	return checkPositive("mean", e.MeanS)
}

func (e Erlang) String() string { return fmt.Sprintf("erlang(mean %s, k %d)", secs(e.MeanS), e.K) }

package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Gamma is the gamma distribution given by its mean and coefficient of variation
// (shape 1/cv², scale mean·cv²).
type Gamma struct {
	MeanS float64 // mean, seconds
	CV    float64 // standard deviation / mean
}

// Rand draws a gamma value.
func (g Gamma) Rand(r *rand.Rand) float64 {
	shape := 1 / (g.CV * g.CV)
	return gammaRand(r, shape) * g.MeanS / shape
}

// gammaRand draws Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1
// use the boost x·U^(1/shape).
func gammaRand(r *rand.Rand, shape float64) float64 {
	boost := 1.0
	if shape < 1 {
		boost = math.Pow(1-r.Float64(), 1/shape)
		shape++
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := 1 - r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v * boost
		}
	}
}

// Mean returns the mean in seconds.
func (g Gamma) Mean() float64 { return g.MeanS }

// Validate checks mean and cv are positive.
func (g Gamma) Validate() error {
	if err := checkPositive("mean", g.MeanS); err != nil {
		return err
	}
	return checkPositive("cv", g.CV)
}

func (g Gamma) String() string { return fmt.Sprintf("gamma(mean %s, cv %g)", secs(g.MeanS), g.CV) }

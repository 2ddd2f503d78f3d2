package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// LogNormal is the log-normal distribution given by its mean and coefficient of variation.
type LogNormal struct {
	MeanS float64 // mean, seconds
	CV    float64 // standard deviation / mean
}

// params returns mu and sigma of the underlying normal.
func (l LogNormal) params() (mu, sigma float64) {
	s2 := math.Log1p(l.CV * l.CV)
	return math.Log(l.MeanS) - s2/2, math.Sqrt(s2)
}

// Rand draws a log-normal value.
func (l LogNormal) Rand(r *rand.Rand) float64 {
	mu, sigma := l.params()
	return math.Exp(mu + sigma*r.NormFloat64())
}

// Mean returns the mean in seconds.
func (l LogNormal) Mean() float64 { return l.MeanS }

// Validate checks mean and cv are positive.
func (l LogNormal) Validate() error {
	if err := checkPositive("mean", l.MeanS); err != nil {
		return err
	}
	return checkPositive("cv", l.CV)
}

func (l LogNormal) String() string {
	return fmt.Sprintf("lognormal(mean %s, cv %g)", secs(l.MeanS), l.CV)
}

// sampler draws values of a distribution.
type sampler interface{ Rand(r *rand.Rand) float64 }

// logNormalDraws is a LogNormal with mu and sigma worked out once: it draws
// the same values as the LogNormal, without three logarithms a draw.
type logNormalDraws struct{ mu, sigma float64 }

func (l logNormalDraws) Rand(r *rand.Rand) float64 { return math.Exp(l.logDraw(r)) }

// logDraw is the logarithm of the value Rand draws: a contact keeps it
// until it reaches the human queue, so that contacts the bot resolves
// spare the exponential.
func (l logNormalDraws) logDraw(r *rand.Rand) float64 { return l.mu + l.sigma*r.NormFloat64() }

// fastSampler is d, or a faster sampler of the same draws.
func fastSampler(d Dist) sampler {
	if l, ok := d.(LogNormal); ok {
		mu, sigma := l.params()
		return logNormalDraws{mu, sigma}
	}
	return d
}

package workshop

import (
	"fmt"
	"math"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// MinGroup is the fewest respondents any pulse figure is computed from;
// a smaller group shows nothing, so that nobody's answers can be read off.
const MinGroup = 5

// CheckMinGroup returns the anonymity threshold n chose: MinGroup for 0,
// n itself when it is at least MinGroup, an error below: the threshold can
// be raised, never lowered.
func CheckMinGroup(n int) (int, error) {
	switch {
	case n == 0:
		return MinGroup, nil
	case n < MinGroup:
		return 0, fmt.Errorf("the anonymity threshold is at least %d respondents, not %d", MinGroup, n)
	}
	return n, nil
}

// Scored is the scored value of answer a (1 to 5) to statement st: the
// answer itself, or 6 minus it for a reverse-scored statement, so that a
// higher value always means more of the statement's scale.
func Scored(st scenarios.PulseStatement, a int) int {
	if st.Reverse {
		return 6 - a
	}
	return a
}

// RespondentIndex is one respondent's index on scale: the mean over the
// scale's answered statements of (scored answer − 1) / 4 × 100, from 0 to
// 100; false when they answered none of them.
func RespondentIndex(in *scenarios.Instrument, scale string, answers map[string]int) (float64, bool) {
	var sum float64
	n := 0
	for _, st := range in.Statements {
		a := answers[st.ID]
		if st.Scale != scale || a < 1 || a > 5 {
			continue
		}
		sum += float64(Scored(st, a)-1) / 4 * 100
		n++
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// Interval is a mean with its 95% Student-t confidence interval over N values.
type Interval struct {
	Mean float64    `json:"mean"`
	CI95 [2]float64 `json:"ci95"`
	N    int        `json:"n"`
}

// TInterval is the mean of xs with its 95% Student-t interval
// (mean ± t(0.975, n−1) · s / √n); for one value the interval is the value.
func TInterval(xs []float64) Interval {
	n := len(xs)
	if n == 0 {
		return Interval{}
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	m := sum / float64(n)
	if n == 1 {
		return Interval{Mean: m, CI95: [2]float64{m, m}, N: 1}
	}
	var ss float64
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	h := sim.TQuantile(0.975, n-1) * math.Sqrt(ss/float64(n-1)/float64(n))
	return Interval{Mean: m, CI95: [2]float64{m - h, m + h}, N: n}
}

package sim

import "math"

// BoundsMethod names how SummarizeMetric keeps a metric's confidence
// interval inside the metric's range, for report notes.
const BoundsMethod = "Intervals of shares (service level, abandonment, occupancy, containment …) are Student-t " +
	"intervals on the logit scale, logit(m) ± t(0.975, n−1)·s/(√n·m(1−m)) by the delta method, transformed back, " +
	"so they stay between 0 and 100 %; intervals of waits, counts, agents and costs are computed the same way on " +
	"the log scale, so they never go below 0. They contain the mean but are not centred on it."

// Range returns the smallest and largest value metric m can take: [0, 1]
// for shares, [0, 10] for scores, [0, +Inf) for counts, times, agents and
// money, and (−Inf, +Inf) for an unknown unit.
func (m MetricInfo) Range() (lo, hi float64) {
	switch m.Unit {
	case UnitShare:
		return 0, 1
	case UnitScore:
		return 0, 10
	case UnitContacts, UnitSeconds, UnitAgents, UnitAgentHours, UnitMoney:
		return 0, math.Inf(1)
	}
	return math.Inf(-1), math.Inf(1)
}

// SummarizeMetric returns the mean of xs, values of metric name, with a 95 %
// confidence interval that stays within the metric's Range (BoundsMethod):
// the Student-t interval of Summarize taken on the logit scale for a metric
// bounded on both sides, on the log scale for one bounded below, and as it is
// for an unknown metric. A mean on a bound (all values equal to it) gives the
// interval [mean, mean].
func SummarizeMetric(name string, xs []float64) Stat {
	s := Summarize(xs)
	if s.N < 2 || math.IsNaN(s.CI95[0]) {
		return s
	}
	m, _ := Metric(name)
	lo, hi := m.Range()
	half := s.HalfWidth()
	switch {
	case math.IsInf(lo, -1):
		return s
	case s.Mean <= lo || s.Mean >= hi || half == 0:
		s.CI95 = [2]float64{min(max(s.CI95[0], lo), s.Mean), max(min(s.CI95[1], hi), s.Mean)}
	case math.IsInf(hi, 1):
		// log scale: d log(x) = dx / x
		k := math.Exp(half / (s.Mean - lo))
		s.CI95 = [2]float64{lo + (s.Mean-lo)/k, lo + (s.Mean-lo)*k}
	default:
		// logit scale on [lo, hi]: d logit(p) = dp / (p (1 − p)), p = (x − lo) / (hi − lo)
		w := hi - lo
		p := (s.Mean - lo) / w
		l := math.Log(p / (1 - p))
		d := half / w / (p * (1 - p))
		s.CI95 = [2]float64{lo + w*logistic(l-d), lo + w*logistic(l+d)}
	}
	return s
}

// logistic is the inverse of logit: 1 / (1 + e^−x).
func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

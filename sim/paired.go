package sim

import (
	"math"
	"sync"
)

// StudentT returns the p-quantile of Student's t distribution with df
// degrees of freedom (NaN for df < 1).
func StudentT(p float64, df int) float64 {
	if p == 0.975 {
		return t975(df)
	}
	return tQuantile(p, df)
}

// t975Table holds t(0.975, df) for df < 128, computed once: every merged
// statistic needs one, and tQuantile is a bisection.
var t975Table = sync.OnceValue(func() []float64 {
	t := make([]float64, 128)
	for df := 1; df < len(t); df++ {
		t[df] = tQuantile(0.975, df)
	}
	return t
})

// t975 returns t(0.975, df), the factor of a 95 % confidence interval.
func t975(df int) float64 {
	if df >= 1 && df < 128 {
		return t975Table()[df]
	}
	return tQuantile(0.975, df)
}

// PairedDiff is the mean of the differences b[i] − a[i] with its 95 %
// Student-t confidence interval: the comparison of two runs on common random
// numbers, where replication i of both saw the same customers. Pairs with an
// undefined (NaN) side are left out; N counts the pairs used.
func PairedDiff(a, b []float64) Stat {
	var d []float64
	for i := range min(len(a), len(b)) {
		if !math.IsNaN(a[i]) && !math.IsNaN(b[i]) {
			d = append(d, b[i]-a[i])
		}
	}
	return Summarize(d)
}

// WelchDiff is mean(b) − mean(a) with the 95 % Welch confidence interval:
// the comparison of two independent runs (different seeds). NaN values are
// left out; N is the smaller sample.
func WelchDiff(a, b []float64) Stat {
	ma, va, na := definedMeanVar(a)
	mb, vb, nb := definedMeanVar(b)
	nan := math.NaN()
	s := Stat{Mean: mb - ma, CI95: [2]float64{nan, nan}, N: min(na, nb)}
	if na == 0 || nb == 0 {
		s.Mean = nan
		return s
	}
	if na < 2 || nb < 2 {
		return s
	}
	qa, qb := va/float64(na), vb/float64(nb)
	se := math.Sqrt(qa + qb)
	if se == 0 {
		s.CI95 = [2]float64{s.Mean, s.Mean}
		return s
	}
	df := (qa + qb) * (qa + qb) / (qa*qa/float64(na-1) + qb*qb/float64(nb-1))
	half := t975(max(1, int(math.Floor(df)))) * se
	s.CI95 = [2]float64{s.Mean - half, s.Mean + half}
	return s
}

// definedMeanVar returns the mean, sample variance and count of the defined values of xs.
func definedMeanVar(xs []float64) (mean, variance float64, n int) {
	sum := 0.0
	for _, x := range xs {
		if !math.IsNaN(x) {
			sum += x
			n++
		}
	}
	if n == 0 {
		return math.NaN(), math.NaN(), 0
	}
	mean = sum / float64(n)
	ss := 0.0
	for _, x := range xs {
		if !math.IsNaN(x) {
			ss += (x - mean) * (x - mean)
		}
	}
	if n > 1 {
		variance = ss / float64(n-1)
	}
	return mean, variance, n
}

// LowerBound is the one-sided lower confidence bound at level conf (e.g.
// 0.95) of the mean of the defined values of xs: mean − t(conf, n−1)·s/√n.
// With conf 0 it is the mean itself; with fewer than two values, NaN unless conf is 0.
func LowerBound(xs []float64, conf float64) float64 {
	m, v, n := definedMeanVar(xs)
	if conf == 0 || n == 0 {
		return m
	}
	if n < 2 {
		return math.NaN()
	}
	return m - tQuantile(conf, n-1)*math.Sqrt(v/float64(n))
}

// UpperBound is the one-sided upper confidence bound at level conf; see LowerBound.
func UpperBound(xs []float64, conf float64) float64 {
	neg := make([]float64, len(xs))
	for i, x := range xs {
		neg[i] = -x
	}
	return -LowerBound(neg, conf)
}

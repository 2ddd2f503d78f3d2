package calibrate

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

func TestSpecialFunctions(t *testing.T) {
	const eulerGamma = 0.57721566490153286
	cases := []struct {
		name      string
		got, want float64
	}{
		{"digamma(1)", digamma(1), -eulerGamma},
		{"digamma(0.5)", digamma(0.5), -eulerGamma - 2*math.Ln2},
		{"digamma(10)", digamma(10), 2.251752589066721},
		{"trigamma(1)", trigamma(1), math.Pi * math.Pi / 6},
		{"trigamma(0.5)", trigamma(0.5), math.Pi * math.Pi / 2},
		{"trigamma(20)", trigamma(20), 0.05127082293520311},
		{"P(1, 2) = 1 − e⁻²", gammaP(1, 2), 1 - math.Exp(-2)},
		{"P(3, 0.5)", gammaP(3, 0.5), 0.014387677966970687},
		{"Q(5, 12)", gammaQ(5, 12), 0.007600390681067},
		{"Q(0.5, 2) = erfc(√2)", gammaQ(0.5, 2), math.Erfc(math.Sqrt(2))},
		{"normCDF(1.96)", normCDF(1.96), 0.9750021048517795},
	}
	for _, c := range cases {
		if math.Abs(c.got-c.want) > 1e-12*max(1, math.Abs(c.want)) {
			t.Errorf("%s = %.16g, want %.16g", c.name, c.got, c.want)
		}
	}
}

func TestNelderMead(t *testing.T) {
	rosen := func(p []float64) float64 { return 100*math.Pow(p[1]-p[0]*p[0], 2) + math.Pow(1-p[0], 2) }
	p, v := nelderMead(rosen, []float64{-1.2, 1}, []float64{0.5, 0.5}, 1e-15, 5000)
	if math.Abs(p[0]-1) > 1e-4 || math.Abs(p[1]-1) > 1e-4 || v > 1e-8 {
		t.Errorf("nelderMead(Rosenbrock) = %v (value %g), want (1, 1)", p, v)
	}
}

// sample draws n values of d from a fixed seed.
func sample(d sim.Dist, n int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 99))
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = d.Rand(r)
	}
	return xs
}

// TestFitComplete checks that maximum likelihood picks the true family,
// close to the sample, at n = 20000.
func TestFitComplete(t *testing.T) {
	cases := []struct {
		name   string
		dist   sim.Dist
		family string
	}{
		{"lognormal", sim.LogNormal{MeanS: 240, CV: 0.8}, FamLogNormal},
		{"lognormal heavy", sim.LogNormal{MeanS: 190, CV: 1.4}, FamLogNormal},
		{"gamma", sim.Gamma{MeanS: 400, CV: 0.6}, FamGamma},
		{"gamma below 1", sim.Gamma{MeanS: 60, CV: 1.5}, FamGamma},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fits := fitComplete(sample(c.dist, 20000, uint64(i+1)))
			best := fits[0]
			if best.Family != c.family {
				t.Fatalf("best fit = %s (AIC %g vs %g), want %s", best.Family, fits[0].AIC, fits[1].AIC, c.family)
			}
			if math.Abs(best.Mean/c.dist.Mean()-1) > 0.03 {
				t.Errorf("mean = %g, want %g within 3 %%", best.Mean, c.dist.Mean())
			}
			if best.KS > 0.015 {
				t.Errorf("KS distance = %g, want under 0.015 for the true family at n = 20000", best.KS)
			}
		})
	}
}

// TestFitCoverage checks the 95 % intervals of the mean and the CV: over
// 200 samples of 1000 they must hold the true value 90–99 % of the time
// (the binomial standard deviation of the coverage is 1.5 points).
func TestFitCoverage(t *testing.T) {
	cases := []struct {
		name string
		dist sim.Dist
		fit  func([]float64) Fit
		cv   float64
	}{
		{"lognormal", sim.LogNormal{MeanS: 190, CV: 1.4}, fitLogNormal, 1.4},
		{"gamma", sim.Gamma{MeanS: 400, CV: 0.6}, fitGamma, 0.6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			const reps = 200
			inMean, inCV := 0, 0
			for s := range reps {
				f := c.fit(sample(c.dist, 1000, uint64(1000+s)))
				if m := c.dist.Mean(); f.MeanCI[0] <= m && m <= f.MeanCI[1] {
					inMean++
				}
				if f.CVCI[0] <= c.cv && c.cv <= f.CVCI[1] {
					inCV++
				}
			}
			for name, in := range map[string]int{"mean": inMean, "cv": inCV} {
				if cov := float64(in) / reps; cov < 0.90 || cov > 0.99 {
					t.Errorf("coverage of the %s interval = %.3f, want 0.90–0.99", name, cov)
				}
			}
		})
	}
}

func TestFitCompleteDegenerate(t *testing.T) {
	if fits := fitComplete(nil); fits != nil {
		t.Errorf("fitComplete(nil) = %v, want nil", fits)
	}
	fits := fitComplete([]float64{5, 5, 5})
	if len(fits) != 1 || fits[0].Family != FamExponential || fits[0].Mean != 5 {
		t.Errorf("fitComplete(5, 5, 5) = %+v, want one exponential fit of mean 5", fits)
	}
}

// censor turns patience draws into observations censored by answer times.
func censor(pat, answer sim.Dist, n int, seed uint64) []Observation {
	p, a := sample(pat, n, seed), sample(answer, n, seed+1000)
	obs := make([]Observation, n)
	for i := range obs {
		if p[i] < a[i] {
			obs[i] = Observation{T: p[i], Event: true}
		} else {
			obs[i] = Observation{T: a[i]}
		}
	}
	return obs
}

// TestFitCensored checks that censored maximum likelihood recovers patience
// when most customers are answered before they hang up.
func TestFitCensored(t *testing.T) {
	cases := []struct {
		name   string
		pat    sim.Dist
		family string
	}{
		{"exponential", sim.Exponential{MeanS: 180}, FamExponential},
		{"lognormal", sim.LogNormal{MeanS: 300, CV: 1.5}, FamLogNormal},
		{"gamma", sim.Gamma{MeanS: 200, CV: 0.5}, FamGamma},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			obs := censor(c.pat, sim.Exponential{MeanS: 120}, 8000, uint64(10+i))
			fits := fitCensored(obs)
			var f Fit
			for _, x := range fits {
				if x.Family == c.family {
					f = x
				}
			}
			if fits[0].Family != c.family && c.family != FamExponential {
				t.Errorf("best fit = %s, want %s", fits[0].Family, c.family)
			}
			if m := c.pat.Mean(); m < f.MeanCI[0] || m > f.MeanCI[1] {
				t.Errorf("%s mean = %g, CI %v; want it to hold %g", f.Family, f.Mean, f.MeanCI, m)
			}
		})
	}
}

func TestDispersion(t *testing.T) {
	d := dispersion([]float64{100, 120, 80, 140, 60})
	// mean 100, variance (0+400+400+1600+1600)/4 = 1000, index 10, shape 100²/900.
	if d.Mean != 100 || d.Variance != 1000 || d.Index != 10 || math.Abs(d.Shape-10000.0/900) > 1e-12 {
		t.Errorf("dispersion = %+v, want mean 100, variance 1000, index 10, shape 11.11", d)
	}
	if !(d.PValue < 1e-6) {
		t.Errorf("p-value = %g, want tiny for index 10 over 5 days", d.PValue)
	}
	if d := dispersion([]float64{100, 101, 99}); !math.IsInf(d.Shape, 1) || d.PValue < 0.9 {
		t.Errorf("under-dispersed totals: shape %g, p %g; want +Inf and a large p", d.Shape, d.PValue)
	}
}

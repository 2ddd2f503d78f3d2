package erlang

import (
	"math"
	"testing"
)

// near reports whether got is within tol of want, absolutely or relative to
// |want|; equal infinities are near, NaN is near nothing.
func near(got, want, tol float64) bool {
	if got == want {
		return true
	}
	d := math.Abs(got - want)
	return d <= tol || d <= tol*math.Abs(want)
}

// directB is Erlang B from its definition, (a^c/c!) / Σ_{k≤c} a^k/k!, for small c.
func directB(c int, a float64) float64 {
	term, sum := 1.0, 1.0
	for k := 1; k <= c; k++ {
		term *= a / float64(k)
		sum += term
	}
	return term / sum
}

// directC is Erlang C from its definition for small c and a < c:
// (a^c/c!)·c/(c−a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c−a)).
func directC(c int, a float64) float64 {
	term, sum := 1.0, 0.0
	for k := 0; k < c; k++ {
		sum += term
		term *= a / float64(k+1)
	}
	wait := term * float64(c) / (float64(c) - a)
	return wait / (sum + wait)
}

func TestB(t *testing.T) {
	tests := []struct {
		name string
		c    int
		a    float64
		want float64
		tol  float64
	}{
		{"no servers", 0, 3, 1, 0},
		{"no load", 5, 0, 0, 0},
		{"one server one erlang", 1, 1, 0.5, 1e-15},
		{"two servers one erlang", 2, 1, 0.2, 1e-15},
		{"ten servers five erlangs", 10, 5, 0.0183845703366481331, 1e-14},
		{"five servers five erlangs", 5, 5, 0.284867821330902461, 1e-14},
		{"hundred servers ninety erlangs", 100, 90, 0.0269573804643592148, 1e-13},
		{"infinite load", 3, math.Inf(1), 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := B(tc.c, tc.a); !near(got, tc.want, tc.tol) {
				t.Errorf("B(%d, %v) = %v, want %v", tc.c, tc.a, got, tc.want)
			}
		})
	}
}

func TestBMatchesDefinition(t *testing.T) {
	for _, c := range []int{1, 2, 7, 20, 40} {
		for _, a := range []float64{0.1, 1, 5.5, 19, 60} {
			if got, want := B(c, a), directB(c, a); !near(got, want, 1e-13) {
				t.Errorf("B(%d, %v) = %v, want %v", c, a, got, want)
			}
		}
	}
}

func TestC(t *testing.T) {
	tests := []struct {
		name string
		c    int
		a    float64
		want float64
		tol  float64
	}{
		{"M/M/1 is the utilisation", 1, 0.5, 0.5, 1e-15},
		{"two servers one erlang", 2, 1, 1.0 / 3, 1e-15},
		{"published 14 agents", 14, 10, 0.174131933595049843, 1e-14},
		{"published 11 agents", 11, 10, 0.682118204689332374, 1e-14},
		{"no load", 3, 0, 0, 0},
		{"load equals servers", 10, 10, 1, 0},
		{"overload", 10, 25, 1, 0},
		{"no servers", 0, 0, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := C(tc.c, tc.a); !near(got, tc.want, tc.tol) {
				t.Errorf("C(%d, %v) = %v, want %v", tc.c, tc.a, got, tc.want)
			}
		})
	}
}

func TestCFromB(t *testing.T) {
	for _, c := range []int{1, 3, 10, 30} {
		for _, rho := range []float64{0.05, 0.5, 0.9, 0.999} {
			a := rho * float64(c)
			b := B(c, a)
			want := float64(c) * b / (float64(c) - a*(1-b))
			if got := C(c, a); !near(got, want, 1e-14) {
				t.Errorf("C(%d, %v) = %v, want cB/(c−a(1−B)) = %v", c, a, got, want)
			}
			if got, want := C(c, a), directC(c, a); !near(got, want, 1e-12) {
				t.Errorf("C(%d, %v) = %v, want %v from the definition", c, a, got, want)
			}
		}
	}
}

func TestBCInvalid(t *testing.T) {
	tests := []struct {
		name string
		c    int
		a    float64
	}{
		{"negative servers", -1, 2},
		{"negative load", 3, -0.5},
		{"NaN load", 3, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := B(tc.c, tc.a); !math.IsNaN(got) {
				t.Errorf("B(%d, %v) = %v, want NaN", tc.c, tc.a, got)
			}
			if got := C(tc.c, tc.a); !math.IsNaN(got) {
				t.Errorf("C(%d, %v) = %v, want NaN", tc.c, tc.a, got)
			}
		})
	}
}

func TestLargeB(t *testing.T) {
	for _, tc := range []struct {
		c int
		a float64
	}{{2000, 2000}, {2000, 10}, {2000, 1e5}, {1000, 990}, {1, 1e-300}} {
		b, c := B(tc.c, tc.a), C(tc.c, tc.a)
		if !(b >= 0 && b <= 1 && c >= 0 && c <= 1 && b <= c) {
			t.Errorf("B(%d, %v), C = %v, %v, want 0 ≤ B ≤ C ≤ 1", tc.c, tc.a, b, c)
		}
	}
}

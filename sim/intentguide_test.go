package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestIntentGuide checks that a search of the cumulative shares from the
// guide's start finds the intent a search from the first intent finds, for
// uniforms on and next to the guide's part boundaries and at random, with
// zero shares and cumulative shares falling exactly on boundaries.
func TestIntentGuide(t *testing.T) {
	shares := [][]float64{
		{1},
		{0.25, 0.25, 0.5},       // cumulative shares on part boundaries
		{0, 0.5, 0, 0, 0.5, 0},  // zero shares
		{0.001, 0.002, 0.997},   // several intents in one part
		{0.1, 0.2, 0.3, 0.4, 0}, // rounding in the sums
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, sh := range shares {
		var cum []float64
		sum := 0.0
		for _, s := range sh {
			sum += s
			cum = append(cum, sum)
		}
		cum[len(cum)-1] = math.Inf(1)
		g := intentGuide(cum)
		var us []float64
		for j := range guideSize {
			lo := float64(j) / guideSize
			us = append(us, lo, math.Nextafter(lo, 1), math.Nextafter(lo, 0))
		}
		for _, c := range cum[:len(cum)-1] {
			us = append(us, c, math.Nextafter(c, 1), math.Nextafter(c, 0))
		}
		for range 10_000 {
			us = append(us, r.Float64())
		}
		for _, u := range us {
			if u < 0 || u >= 1 {
				continue
			}
			want := 0
			for u >= cum[want] {
				want++
			}
			got := int(g[int(u*guideSize)])
			for u >= cum[got] {
				got++
			}
			if got != want {
				t.Fatalf("shares %v, u %v: intent %d, want %d", sh, u, got, want)
			}
		}
	}
}

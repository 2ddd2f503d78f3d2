package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestQuantiles: the one-pass quantiles equal quantile, bin for bin.
func TestQuantiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name string
		fill func(h *histogram)
	}{
		{"empty", func(h *histogram) {}},
		{"all zero waits", func(h *histogram) { h[0] = 40 }},
		{"one wait", func(h *histogram) { h[histBin(12.5)] = 1 }},
		{"exponential waits", func(h *histogram) {
			for range 5000 {
				h[histBin(rng.ExpFloat64()*30)]++
			}
		}},
		{"half answered at once", func(h *histogram) {
			h[0] = 500
			for range 500 {
				h[histBin(rng.Float64()*100)]++
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var h histogram
			tc.fill(&h)
			var got [len(waitQuantiles)]float64
			h.quantiles(&got)
			for i, wq := range waitQuantiles {
				want := h.quantile(wq.q)
				if got[i] != want && !(math.IsNaN(got[i]) && math.IsNaN(want)) {
					t.Errorf("%s: quantiles gives %v, quantile %v", wq.name, got[i], want)
				}
			}
		})
	}
}

// TestHistFree: histograms come back zeroed and are reused.
func TestHistFree(t *testing.T) {
	var f histFree
	tl := newTally(2, 1, 1)
	h := f.get()
	h[3] = 7
	tl.cells[1][0].hist = h
	f.putCells(tl)
	if tl.cells[1][0].hist != nil {
		t.Errorf("putCells left the cell's histogram")
	}
	if g := f.get(); g != h || g[3] != 0 {
		t.Errorf("get did not reuse the zeroed histogram")
	}
	var none *histFree
	if none.get() == nil {
		t.Errorf("a nil free list does not allocate")
	}
}

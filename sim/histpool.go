package sim

import "math"

// waitQuantiles are the wait quantiles of answered contacts, ascending.
var waitQuantiles = [...]struct {
	name string
	q    float64
}{{MWaitP50, 0.5}, {MWaitP80, 0.8}, {MWaitP90, 0.9}, {MWaitP95, 0.95}, {MWaitP99, 0.99}}

// quantiles computes every wait quantile in one pass over the bins, with
// the arithmetic of quantile (so the same values).
func (h *histogram) quantiles(out *[len(waitQuantiles)]float64) {
	var n uint64
	for _, c := range h {
		n += uint64(c)
	}
	if n == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return
	}
	k := 0
	var cum float64
	for b, c := range h {
		if c == 0 {
			continue
		}
		for k < len(waitQuantiles) && cum+float64(c) >= waitQuantiles[k].q*float64(n) {
			rank := waitQuantiles[k].q * float64(n)
			lo, hi := histEdge(b), histEdge(b+1)
			if b == 0 {
				out[k] = 0
			} else {
				out[k] = lo + (hi-lo)*(rank-cum)/float64(c)
			}
			k++
		}
		if k == len(waitQuantiles) {
			return
		}
		cum += float64(c)
	}
	for ; k < len(waitQuantiles); k++ {
		out[k] = histEdge(histBins)
	}
}

// histFree is a worker's free list of histograms: a replication's cell
// histograms go back to it once its figures are computed, so that the next
// replication on the same worker reuses them instead of allocating.
type histFree struct{ free []*histogram }

// get returns a zeroed histogram.
func (f *histFree) get() *histogram {
	if f == nil || len(f.free) == 0 {
		return new(histogram)
	}
	h := f.free[len(f.free)-1]
	f.free = f.free[:len(f.free)-1]
	return h
}

// putCells zeroes the cell histograms of a tally and keeps them.
func (f *histFree) putCells(t *tally) {
	if f == nil {
		return
	}
	for b := range t.cells {
		for i := range t.cells[b] {
			if h := t.cells[b][i].hist; h != nil {
				*h = histogram{}
				f.free = append(f.free, h)
				t.cells[b][i].hist = nil
			}
		}
	}
}

// lend gives the sum cell c a zeroed histogram, so that adding cells to it
// allocates none, and notes it in lent to be put back; with a nil free list
// it does nothing (adding allocates as needed). An empty histogram and none
// give the same figures.
func (f *histFree) lend(c *cell, lent *[]*histogram) {
	if f == nil {
		return
	}
	c.hist = f.get()
	*lent = append(*lent, c.hist)
}

// put zeroes histograms and keeps them.
func (f *histFree) put(hs []*histogram) {
	if f == nil {
		return
	}
	for _, h := range hs {
		*h = histogram{}
		f.free = append(f.free, h)
	}
}

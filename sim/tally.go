package sim

import (
	"math"
)

// cell counts contacts of one intent in one interval. Arrival and bot figures
// belong to the interval of arrival; human-queue figures to the interval the
// contact entered the human queue.
type cell struct {
	offered, sentToBot, optedOut, overflow, contained, botHangup int64
	escCtx, escNoCtx                                             int64
	toHuman, waited, answered, answeredWithin                    int64
	abandoned, abandonedAfter                                    int64
	retrials, emotional, callbacksOffered, callbacks             int64
	repeats, satN, detractors                                    int64
	sumWait, sumAbandonWait, sumHandle, satSum                   float64
	hist                                                         *histogram // waits of answered contacts (callbacks excluded)
}

func (c *cell) add(o *cell) {
	c.offered += o.offered
	c.sentToBot += o.sentToBot
	c.optedOut += o.optedOut
	c.overflow += o.overflow
	c.contained += o.contained
	c.botHangup += o.botHangup
	c.escCtx += o.escCtx
	c.escNoCtx += o.escNoCtx
	c.toHuman += o.toHuman
	c.waited += o.waited
	c.answered += o.answered
	c.answeredWithin += o.answeredWithin
	c.abandoned += o.abandoned
	c.abandonedAfter += o.abandonedAfter
	c.sumWait += o.sumWait
	c.sumAbandonWait += o.sumAbandonWait
	c.sumHandle += o.sumHandle
	c.retrials += o.retrials
	c.emotional += o.emotional
	c.callbacksOffered += o.callbacksOffered
	c.callbacks += o.callbacks
	c.repeats += o.repeats
	c.satN += o.satN
	c.detractors += o.detractors
	c.satSum += o.satSum
	if o.hist != nil {
		if c.hist == nil {
			c.hist = new(histogram)
		}
		c.hist.add(o.hist)
	}
}

// span holds the time integrals of one interval: seconds measured, and the
// areas under the queue length and each group's busy and on-duty counts.
type span struct {
	seconds   float64
	queueArea float64
	busy      []float64 // per group, agent-seconds
	onDuty    []float64 // per group, agent-seconds
	scheduled []float64 // per group, agent-seconds
	handled   []int64   // per group, contacts answered
	emotional []int64   // per group, emotionally charged contacts answered
	complex   []int64   // per group, complex contacts answered
}

func newSpan(groups int) span {
	return span{busy: make([]float64, groups), onDuty: make([]float64, groups), scheduled: make([]float64, groups),
		handled: make([]int64, groups), emotional: make([]int64, groups), complex: make([]int64, groups)}
}

func (s *span) add(o *span) {
	s.seconds += o.seconds
	s.queueArea += o.queueArea
	for g := range o.busy {
		s.busy[g] += o.busy[g]
		s.onDuty[g] += o.onDuty[g]
		s.scheduled[g] += o.scheduled[g]
		s.handled[g] += o.handled[g]
		s.emotional[g] += o.emotional[g]
		s.complex[g] += o.complex[g]
	}
}

// tally is a replication's raw statistics: cells[interval][intent] and spans[interval].
type tally struct {
	cells [][]cell
	spans []span
}

func newTally(intervals, intents, groups int) *tally {
	t := &tally{cells: make([][]cell, intervals), spans: make([]span, intervals)}
	for i := range t.cells {
		t.cells[i] = make([]cell, intents)
		t.spans[i] = newSpan(groups)
	}
	return t
}

// histogram counts waits in log-spaced bins: 64 per doubling from 2^-7 s
// (7.8 ms) to 2^17 s (36 h), so quantiles are exact to about 1 %. Bin 0 holds
// waits under 7.8 ms, including the zero waits of contacts answered at once.
type histogram [histBins]uint32

const (
	histSub   = 6 // log2 of bins per doubling
	histMinE  = -7
	histMaxE  = 17
	histBins  = (histMaxE-histMinE)<<histSub + 1
	histShift = 52 - histSub
)

var histBase = math.Float64bits(math.Ldexp(1, histMinE)) >> histShift

// bin returns the bin of a wait in seconds.
func histBin(w float64) int {
	if w < math.Ldexp(1, histMinE) {
		return 0
	}
	b := int(math.Float64bits(w)>>histShift-histBase) + 1
	return min(b, histBins-1)
}

// histEdge returns the lower edge of bin b in seconds.
func histEdge(b int) float64 {
	if b <= 0 {
		return 0
	}
	return math.Float64frombits(uint64(b-1+int(histBase)) << histShift)
}

func (h *histogram) add(o *histogram) {
	for i, n := range o {
		h[i] += n
	}
}

// quantile returns the q-quantile, interpolating linearly inside a bin.
func (h *histogram) quantile(q float64) float64 {
	var n uint64
	for _, c := range h {
		n += uint64(c)
	}
	if n == 0 {
		return math.NaN()
	}
	rank := q * float64(n)
	var cum float64
	for b, c := range h {
		if c == 0 {
			continue
		}
		if cum+float64(c) >= rank {
			lo, hi := histEdge(b), histEdge(b+1)
			if b == 0 {
				return 0
			}
			return lo + (hi-lo)*(rank-cum)/float64(c)
		}
		cum += float64(c)
	}
	return histEdge(histBins)
}

// Bins returns the non-empty bins as lower edges (seconds) and counts.
func (h *histogram) bins() (edges []float64, counts []uint64) {
	for b, c := range h {
		if c > 0 {
			edges = append(edges, histEdge(b))
			counts = append(counts, uint64(c))
		}
	}
	return edges, counts
}

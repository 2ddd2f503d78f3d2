package sim

import (
	"math"
	"math/bits"
)

// eventKind says what an event does when its time comes.
type eventKind uint8

const (
	evBotDone  eventKind = iota + 1 // a bot session ends (id: contact)
	evDone                          // an agent finishes a contact (id: contact, gen)
	evBoundary                      // an interval boundary: statistics (id: interval index)
	evStaff                         // staffing changes (id: index into the timeline)
	evOverflow                      // a waiting contact may reach the next routing level (id: contact, gen)
	evAgain                         // a retrial or repeat contact arrives (id: contact, gen)
	evWarmup                        // steady state: statistics start
	evHorizon                       // arrivals stop being counted (steady state) or stop (day)
)

// event is one entry of the calendar: a small value, no pointers, no
// closures, 24 bytes. Its time is kept as a key whose unsigned order is the
// order of the times (see timeKey), and its sequence number shares a word
// with its kind: events compare as two words, without branches.
type event struct {
	key uint64 // timeKey of the time, seconds since the run's start
	sk  uint64 // sequence number (scheduling order, breaks ties in time) << 8 | kind
	id  int32
	gen uint32
}

func newEvent(at float64, seq uint64, kind eventKind, id int32, gen uint32) event {
	return event{key: timeKey(at), sk: seq<<8 | uint64(kind), id: id, gen: gen}
}

// at returns the event's time.
func (e *event) at() float64 { return keyTime(e.key) }

// seq returns the event's sequence number.
func (e *event) seq() uint64 { return e.sk >> 8 }

// kind returns what the event does.
func (e *event) kind() eventKind { return eventKind(e.sk) }

// timeKey maps a time to a key whose unsigned order is the order of the
// times: the bits of a non-negative float64 with the sign bit set, those of
// a negative one inverted. -0 becomes +0 (they are equal times); times are
// never NaN.
func timeKey(t float64) uint64 {
	b := math.Float64bits(t + 0) // -0 + 0 is +0
	return b ^ (uint64(int64(b)>>63) | 1<<63)
}

// keyTime is the time of a timeKey.
func keyTime(k uint64) float64 {
	return math.Float64frombits(k ^ (uint64(int64(^k)>>63) | 1<<63))
}

// less reports whether a comes before b: earlier, or at the same time and
// scheduled earlier. Sequence numbers are unique, so the kind in their
// low bits never decides.
func less(a, b *event) bool { return lessBit(a, b) != 0 }

// lessBit is less as 1 or 0, worked out as the borrow of a two-word
// subtraction, without branches.
func lessBit(a, b *event) int {
	_, borrow := bits.Sub64(a.sk, b.sk, 0)
	_, borrow = bits.Sub64(a.key, b.key, borrow)
	return int(borrow)
}

// calendar holds the events ordered by (at, seq), so events at equal times
// run in the order they were scheduled. Most are in a 4-ary min-heap (four
// children per node halve the depth of a binary heap and keep siblings in
// one cache line pair). Events scheduled a fixed delay after now (see
// pushLane) go to a FIFO lane per delay instead: each lane is already in
// (at, seq) order, so such an event costs no heap work, and pop takes the
// earliest of the heap's top and the lanes' heads, in the same order as a
// single heap.
type calendar struct {
	ev    []event
	lanes []lane
	seq   uint64
}

// lane is a ring buffer of events in (at, seq) order.
type lane struct {
	buf        []event
	head, size int
}

// pushLane schedules an event in lane l, whose events must be pushed in
// nondecreasing time, such as those a fixed delay after now.
func (c *calendar) pushLane(l int, at float64, kind eventKind, id int32, gen uint32) {
	for len(c.lanes) <= l {
		c.lanes = append(c.lanes, lane{})
	}
	q := &c.lanes[l]
	if q.size == len(q.buf) {
		q.grow()
	}
	c.seq++
	q.buf[(q.head+q.size)&(len(q.buf)-1)] = newEvent(at, c.seq, kind, id, gen)
	q.size++
}

func (q *lane) grow() {
	n := max(64, 2*len(q.buf))
	buf := make([]event, n)
	for i := 0; i < q.size; i++ {
		buf[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = buf, 0
}

// first returns the next event and the lane it is in (-1: the heap), or nil
// when the calendar is empty.
func (c *calendar) first() (*event, int) {
	var e *event
	if len(c.ev) > 0 {
		e = &c.ev[0]
	}
	from := -1
	for l := range c.lanes {
		q := &c.lanes[l]
		if q.size > 0 && (e == nil || less(&q.buf[q.head], e)) {
			e, from = &q.buf[q.head], l
		}
	}
	return e, from
}

// push schedules an event.
func (c *calendar) push(at float64, kind eventKind, id int32, gen uint32) {
	c.seq++
	c.ev = append(c.ev, event{})
	c.up(len(c.ev)-1, newEvent(at, c.seq, kind, id, gen))
}

// up puts e in the heap's hole at i, or above it, moving later parents down.
func (c *calendar) up(i int, e event) {
	h := c.ev
	for i > 0 {
		p := (i - 1) / 4
		if !less(&e, &h[p]) {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = e
}

// next returns a fresh sequence number, for entries kept outside the calendar.
func (c *calendar) next() uint64 {
	c.seq++
	return c.seq
}

// peek returns the time of the next event, or +Inf when the calendar is empty.
func (c *calendar) peek() float64 {
	if e, _ := c.first(); e != nil {
		return e.at()
	}
	return inf
}

// pop removes and returns the next event, from the lane (or the heap, -1)
// first says. The calendar must not be empty.
func (c *calendar) pop(l int) event {
	if l >= 0 {
		q := &c.lanes[l]
		e := q.buf[q.head]
		q.head = (q.head + 1) & (len(q.buf) - 1)
		q.size--
		return e
	}
	return c.popHeap()
}

// popHeap removes and returns the heap's top event. The hole left at the
// top moves down to a leaf, each time to the earliest of four children
// (found without branches), and the heap's last event fills it from there
// upwards (bottom-up deletion: the last event, being late, seldom rises, so
// the way down saves comparing it at each level).
func (c *calendar) popHeap() event {
	h := c.ev
	top := h[0]
	n := len(h) - 1
	e := h[n]
	h = h[:n]
	c.ev = h
	if n == 0 {
		return top
	}
	i := 0
	for {
		first := 4*i + 1
		if first+4 > n {
			if first < n { // a last node with fewer than four children
				m := first
				for k := first + 1; k < n; k++ {
					if less(&h[k], &h[m]) {
						m = k
					}
				}
				h[i] = h[m]
				i = m
			}
			break
		}
		g := h[first : first+4 : first+4]
		a := lessBit(&g[1], &g[0])
		b := 2 + lessBit(&g[3], &g[2])
		a += (b - a) * lessBit(&g[b], &g[a])
		h[i] = g[a]
		i = first + a
	}
	c.up(i, e)
	return top
}

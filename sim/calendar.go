package sim

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

// event is one entry of the calendar: a small value, no pointers, no closures.
type event struct {
	at   float64 // seconds since the run's start
	seq  uint64  // scheduling order, breaks ties in at
	id   int32
	gen  uint32
	kind eventKind
}

func (a *event) before(b *event) bool {
	return a.at < b.at || (a.at == b.at && a.seq < b.seq)
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
	q.buf[(q.head+q.size)&(len(q.buf)-1)] = event{at: at, seq: c.seq, id: id, gen: gen, kind: kind}
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
		if q.size > 0 && (e == nil || q.buf[q.head].before(e)) {
			e, from = &q.buf[q.head], l
		}
	}
	return e, from
}

// push schedules an event.
func (c *calendar) push(at float64, kind eventKind, id int32, gen uint32) {
	c.seq++
	e := event{at: at, seq: c.seq, id: id, gen: gen, kind: kind}
	c.ev = append(c.ev, e)
	h := c.ev
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 4
		if !e.before(&h[p]) {
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
		return e.at
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

// popHeap removes and returns the heap's top event.
func (c *calendar) popHeap() event {
	h := c.ev
	top := h[0]
	n := len(h) - 1
	e := h[n]
	h = h[:n]
	c.ev = h
	i := 0
	for {
		first := 4*i + 1
		if first >= n {
			break
		}
		m := first
		last := min(first+4, n)
		for k := first + 1; k < last; k++ {
			if h[k].before(&h[m]) {
				m = k
			}
		}
		if !h[m].before(&e) {
			break
		}
		h[i] = h[m]
		i = m
	}
	if n > 0 {
		h[i] = e
	}
	return top
}

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

// calendar is a 4-ary min-heap of events ordered by (at, seq), so events at
// equal times run in the order they were scheduled. Four children per node
// halve the depth of a binary heap and keep siblings in one cache line pair.
type calendar struct {
	ev  []event
	seq uint64
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
	if len(c.ev) == 0 {
		return inf
	}
	return c.ev[0].at
}

// pop removes and returns the next event. The calendar must not be empty.
func (c *calendar) pop() event {
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

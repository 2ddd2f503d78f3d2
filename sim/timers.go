package sim

// timers is an indexed 4-ary min-heap of patience timers of waiting contacts,
// ordered like the calendar by (at, seq). Unlike calendar events, a timer is
// removed when its contact is answered, so the heap holds only contacts still
// waiting and the calendar never pops stale timers.
type timers struct {
	h []timer
}

type timer struct {
	at  float64
	seq uint64
	id  int32
}

func (a *timer) before(b *timer) bool {
	return a.at < b.at || (a.at == b.at && a.seq < b.seq)
}

// peek returns the earliest timer, or +Inf.
func (t *timers) peek() float64 {
	if len(t.h) == 0 {
		return inf
	}
	return t.h[0].at
}

// push adds contact id's timer and records its place in the contact.
func (t *timers) push(x timer, cs *contacts) {
	t.h = append(t.h, x)
	t.up(len(t.h)-1, cs)
}

// remove deletes the timer at index i.
func (t *timers) remove(i int, cs *contacts) {
	n := len(t.h) - 1
	cs.c[t.h[i].id].timer = -1
	if i != n {
		t.h[i] = t.h[n]
		cs.c[t.h[i].id].timer = int32(i)
	}
	t.h = t.h[:n]
	if i < n {
		t.down(i, cs)
		t.up(i, cs)
	}
}

func (t *timers) up(i int, cs *contacts) {
	h := t.h
	x := h[i]
	for i > 0 {
		p := (i - 1) / 4
		if !x.before(&h[p]) {
			break
		}
		h[i] = h[p]
		cs.c[h[i].id].timer = int32(i)
		i = p
	}
	h[i] = x
	cs.c[x.id].timer = int32(i)
}

func (t *timers) down(i int, cs *contacts) {
	h := t.h
	n := len(h)
	x := h[i]
	for {
		first := 4*i + 1
		if first >= n {
			break
		}
		m := first
		for k := first + 1; k < min(first+4, n); k++ {
			if h[k].before(&h[m]) {
				m = k
			}
		}
		if !h[m].before(&x) {
			break
		}
		h[i] = h[m]
		cs.c[h[i].id].timer = int32(i)
		i = m
	}
	h[i] = x
	cs.c[x.id].timer = int32(i)
}

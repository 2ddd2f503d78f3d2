package sim

// ticket is a place in a FIFO: an id and the generation it was issued for.
// A ticket whose generation no longer matches is stale and skipped.
type ticket struct {
	id  int32
	gen uint32
}

// fifo is a growable ring buffer of tickets.
type fifo struct {
	buf        []ticket
	head, size int
}

func (q *fifo) push(t ticket) {
	if q.size == len(q.buf) {
		q.grow()
	}
	q.buf[(q.head+q.size)&(len(q.buf)-1)] = t
	q.size++
}

func (q *fifo) grow() {
	n := len(q.buf) * 2
	if n == 0 {
		n = 64
	}
	buf := make([]ticket, n)
	for i := 0; i < q.size; i++ {
		buf[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = buf, 0
}

// pop removes the oldest ticket; ok is false when the FIFO is empty.
func (q *fifo) pop() (t ticket, ok bool) {
	if q.size == 0 {
		return ticket{}, false
	}
	t = q.buf[q.head]
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.size--
	return t, true
}

// humanQueue is the FCFS queue of contacts waiting for an agent. Abandoned
// contacts stay in the ring as stale tickets until they reach the head.
type humanQueue struct {
	fifo
	waiting int // live contacts in the queue
}

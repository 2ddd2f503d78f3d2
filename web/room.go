package web

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/workshop"
)

// client is a connection registered with a hub.
type client struct {
	*conn
	seat *workshop.Seat // nil for a facilitator
	lang i18n.Lang      // the language its page asked for: the pulse's statements and scale names
	sent int            // transcript entries already sent
	gone bool           // send has been closed
}

// hub owns one room: its one goroutine (run) is the only code that touches
// the fields below, the sessions and the client sets. Connections and HTTP
// handlers reach it through in and calls.
type hub struct {
	*workshop.Room
	clients map[*workshop.Seat]map[*client]bool // each seat's connections (at most one after register)
	facils  map[*client]bool

	db  workshop.Store
	now func() time.Time
	log *slog.Logger

	// lang is the room's language (Config.Lang, "" for each trainee's
	// browser); set once by newHub, so any goroutine may read it.
	lang i18n.Lang

	in    chan hubMsg   // messages read from trainee connections
	calls chan func()   // work from HTTP handlers and connection set-up
	quit  chan struct{} // closed to stop the hub
	done  chan struct{} // closed when run has returned

	// The room's writes of the current round are committed together by
	// flush; after runs then, with the commit's error.
	after []func(error)
	timer *time.Timer

	// The facilitators' grid: rows are rebuilt only for seats that changed,
	// and the grid is sent at most every gridEvery.
	rows        map[*workshop.Seat]gridRow
	staleRows   map[*workshop.Seat]bool
	gridWanted  bool
	gridTimer   *time.Timer
	gridTimerOn bool
	lastGrid    time.Time

	awayTimer *time.Timer // pauses a PauseAway room its facilitators have left

	// serverTime, when set, gets each trainee message's time in the server;
	// unacked holds the read times of messages whose seat view is not sent yet.
	serverTime func(time.Duration)
	unacked    map[*workshop.Seat][]time.Time
}

// hubMsg is one message from a trainee connection.
type hubMsg struct {
	c    *client
	data []byte
	at   time.Time // when the reader took it off the connection
}

var errRoomClosed = errors.New("web: room is closed")

func newHub(room *workshop.Room, db workshop.Store, log *slog.Logger) *hub {
	return &hub{Room: room, clients: map[*workshop.Seat]map[*client]bool{},
		facils: map[*client]bool{}, db: db, now: room.Now, log: log.With("room", room.Code), lang: i18n.Lang(room.Config.Lang),
		in: make(chan hubMsg, 256), calls: make(chan func(), 64),
		quit: make(chan struct{}), done: make(chan struct{}),
		rows: map[*workshop.Seat]gridRow{}, staleRows: map[*workshop.Seat]bool{}}
}

// run is the hub's goroutine. It returns when quit is closed.
func (h *hub) run() {
	defer close(h.done)
	h.timer = time.NewTimer(time.Hour)
	h.timer.Stop()
	defer h.timer.Stop()
	h.gridTimer = time.NewTimer(time.Hour)
	h.gridTimer.Stop()
	defer h.gridTimer.Stop()
	h.awayTimer = time.NewTimer(time.Hour)
	h.awayTimer.Stop()
	defer h.awayTimer.Stop()
	var queueTick <-chan time.Time
	if h.Backdrop != nil {
		t := time.NewTicker(workshop.BackdropStep)
		defer t.Stop()
		queueTick = t.C
	}
	h.flush() // events added while restoring
	h.rearm()
	for {
		select {
		case <-h.quit:
			for c := range h.facils {
				h.drop(c)
			}
			for _, cs := range h.clients {
				for c := range cs {
					h.drop(c)
				}
			}
			return
		case m := <-h.in:
			h.handle(m)
		case f := <-h.calls:
			f()
		case <-h.timer.C:
			h.FireTimers()
		case <-h.gridTimer.C:
			h.gridTimerOn = false
		case <-h.awayTimer.C:
			h.awayFired()
		case <-queueTick:
			h.StepBackdrop()
		}
		h.drain()
		h.flush()
		h.rearm()
	}
}

// drain handles what is already waiting, so that one commit covers it all
// (group commit): many trainees replying at once share one fsync.
func (h *hub) drain() {
	for range 255 {
		select {
		case m := <-h.in:
			h.handle(m)
		case f := <-h.calls:
			f()
		default:
			return
		}
	}
}

// stop ends the hub's goroutine and waits for it.
func (h *hub) stop() {
	select {
	case <-h.quit:
	default:
		close(h.quit)
	}
	<-h.done
}

// do runs f in the hub's goroutine and waits until the round it ran in is
// committed: f's result is returned only once its writes are durable.
func (h *hub) do(ctx context.Context, f func() (any, error)) (any, error) {
	type result struct {
		v   any
		err error
	}
	res := make(chan result, 1)
	fn := func() {
		v, err := f()
		if err != nil {
			res <- result{nil, err}
			return
		}
		h.after = append(h.after, func(cerr error) { res <- result{v, cerr} })
	}
	select {
	case h.calls <- fn:
	case <-h.done:
		return nil, errRoomClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case r := <-res:
		return r.v, r.err
	case <-h.done:
		return nil, errRoomClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// post runs f in the hub's goroutine without waiting; it reports false when the hub has stopped.
func (h *hub) post(f func()) bool {
	select {
	case h.calls <- f:
		return true
	case <-h.done:
		return false
	}
}

// afterCommit queues f to run once this round is durable.
func (h *hub) afterCommit(f func()) {
	h.after = append(h.after, func(err error) {
		if err == nil {
			f()
		}
	})
}

// flush commits the round's writes, then (and only then) answers callers,
// acknowledges replies and pushes new views.
func (h *hub) flush() {
	b, err := h.TakeBatch()
	if err == nil {
		err = h.db.Commit(context.Background(), b)
	}
	after := h.after
	h.after = nil
	for _, f := range after {
		f(err)
	}
	if err != nil {
		h.log.Error("commit failed; the round is not acknowledged", "err", err)
		h.RoomChanged = true // views are resent from what is left; clients resend unacknowledged replies
		h.reloadAfterFailure()
	}
	h.push()
}

// noteRead remembers when a trainee message was read, for ServerTime.
func (h *hub) noteRead(s *workshop.Seat, at time.Time) {
	if h.serverTime == nil || at.IsZero() {
		return
	}
	if h.unacked == nil {
		h.unacked = map[*workshop.Seat][]time.Time{}
	}
	h.unacked[s] = append(h.unacked[s], at)
}

// timeAcks reports the server time of the seat's messages that the view
// about to be sent acknowledges.
func (h *hub) timeAcks(s *workshop.Seat) {
	ats := h.unacked[s]
	if len(ats) == 0 {
		return
	}
	now := time.Now()
	for _, at := range ats {
		h.serverTime(now.Sub(at))
	}
	delete(h.unacked, s)
}

// push sends new views to the clients of changed seats and the grid to facilitators.
func (h *hub) push() {
	if !h.RoomChanged && !h.GridChanged && len(h.Changed) == 0 {
		h.pushGrid() // a grid held back by gridEvery may be due
		return
	}
	for _, s := range h.Seats {
		if !h.RoomChanged && !h.Changed[s] {
			continue
		}
		h.timeAcks(s) // before the send, so that a client holding its ack finds its time recorded
		for c := range h.clients[s] {
			h.send(c, h.traineeView(s, c))
		}
	}
	for s := range h.Changed {
		h.staleRows[s] = true
	}
	if h.RoomChanged {
		for _, s := range h.Seats {
			h.staleRows[s] = true
		}
	}
	h.gridWanted = true
	clear(h.Changed)
	h.RoomChanged, h.GridChanged = false, false
	h.pushGrid()
}

// send queues msg for c, dropping c when it is too slow to keep up.
func (h *hub) send(c *client, msg []byte) {
	if c.gone {
		return
	}
	if !c.trySend(msg) {
		h.log.Warn("dropping slow client")
		h.drop(c)
	}
}

// drop forgets c and closes its send channel, which ends its writer and so its reader.
func (h *hub) drop(c *client) {
	if c.gone {
		return
	}
	c.gone = true
	close(c.send)
	if c.seat != nil {
		delete(h.clients[c.seat], c)
		h.GridChanged = true // connection count in the grid
	} else if h.facils[c] {
		delete(h.facils, c)
		h.facilitatorLeft()
	}
}

// rearm sets the timer to the earliest pending session timer.
func (h *hub) rearm() {
	h.timer.Stop()
	if next, ok := h.NextTimer(); ok {
		h.timer.Reset(max(0, next.Sub(h.now())) + time.Millisecond) // the session counts whole milliseconds
	}
}

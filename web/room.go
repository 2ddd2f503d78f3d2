package web

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/web/store"
)

// roomStore is what a room hub needs of the store.
type roomStore interface {
	Commit(ctx context.Context, b *store.Batch) error
}

// roomConfig is what the facilitator chose when creating a room; it never changes.
type roomConfig struct {
	Title    string          `json:"title"`
	Scripts  []roomScript    `json:"scripts"`
	Mode     string          `json:"mode"` // guided, free, or choice (each trainee picks)
	Pulse    bool            `json:"pulse"`
	Cap      int             `json:"cap"` // most trainees; 0 for no cap
	Seed     uint64          `json:"seed,string"`
	Backdrop *backdropConfig `json:"backdrop,omitempty"`
	// PauseAway pauses the room when no facilitator page has been open for
	// a minute, and resumes it when one is back; otherwise sessions run on.
	PauseAway bool `json:"pause_away,omitempty"`
}

// roomScript is one role-play of a room, kept with its source so that
// sessions replay against the very text they were played with.
type roomScript struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

// roomState is the part of a room the facilitator changes.
type roomState struct {
	Started bool   `json:"started,omitempty"`
	Paused  bool   `json:"paused,omitempty"`
	Locked  bool   `json:"locked,omitempty"`
	Ended   bool   `json:"ended,omitempty"`
	Variant string `json:"variant,omitempty"` // forced hand-off variant for sessions started from now on
	// AutoPaused is set when the room paused because its facilitators left.
	AutoPaused bool `json:"auto_paused,omitempty"`
}

// seatExtra is a participant's stored extras.
type seatExtra struct {
	Removed bool             `json:"removed,omitempty"`
	Pulse   map[string][]int `json:"pulse,omitempty"` // "before" and "after" answers, 1-5, 0 for skipped
	Queue   *queueFigures    `json:"queue,omitempty"`
}

// seat is one trainee in a room.
type seat struct {
	p       store.Participant
	extra   seatExtra
	script  *trainer.Script
	sess    *trainer.Session // nil until the room starts
	saved   int              // events of sess already in the store
	clients map[*client]bool
	broken  string // why the session could not be rebuilt, if it could not
}

// client is a connection registered with a hub.
type client struct {
	*conn
	seat *seat // nil for a facilitator
	sent int   // transcript entries already sent
	gone bool  // send has been closed
}

// hub owns one room: its one goroutine (run) is the only code that touches
// the fields below, the sessions and the client sets. Connections and HTTP
// handlers reach it through in and calls.
type hub struct {
	code      string
	tokenHash []byte
	createdMS int64
	cfg       roomConfig
	st        roomState
	scripts   []*trainer.Script
	seats     []*seat
	byID      map[string]*seat
	facils    map[*client]bool
	backdrop  *backdrop

	db  roomStore
	now func() time.Time
	log *slog.Logger

	in    chan hubMsg   // messages read from trainee connections
	calls chan func()   // work from HTTP handlers and connection set-up
	quit  chan struct{} // closed to stop the hub
	done  chan struct{} // closed when run has returned

	// Work of the current round, committed together by flush.
	batch      store.Batch
	pdirty     map[*seat]bool // participant rows to write
	dirty      map[*seat]bool // seats whose views changed
	roomDirty  bool           // room flags changed: every trainee's view is resent
	gridDirty  bool           // the facilitators' grid changed
	after      []func(error)  // run after the commit, with its error
	persistErr error          // an event that could not be encoded
	timer      *time.Timer

	// The facilitators' grid: rows are rebuilt only for seats that changed,
	// and the grid is sent at most every gridEvery.
	rows        map[*seat]gridRow
	staleRows   map[*seat]bool
	gridWanted  bool
	gridTimer   *time.Timer
	gridTimerOn bool
	lastGrid    time.Time

	awayTimer *time.Timer // pauses a PauseAway room its facilitators have left
}

// hubMsg is one message from a trainee connection.
type hubMsg struct {
	c    *client
	data []byte
}

var errRoomClosed = errors.New("web: room is closed")

func newHub(code string, tokenHash []byte, cfg roomConfig, scripts []*trainer.Script, db roomStore, now func() time.Time, log *slog.Logger) *hub {
	return &hub{code: code, tokenHash: tokenHash, cfg: cfg, scripts: scripts, byID: map[string]*seat{},
		facils: map[*client]bool{}, db: db, now: now, log: log.With("room", code),
		in: make(chan hubMsg, 256), calls: make(chan func(), 64),
		quit: make(chan struct{}), done: make(chan struct{}),
		pdirty: map[*seat]bool{}, dirty: map[*seat]bool{}, rows: map[*seat]gridRow{}, staleRows: map[*seat]bool{}}
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
	if h.backdrop != nil {
		t := time.NewTicker(backdropStep)
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
			for _, s := range h.seats {
				for c := range s.clients {
					h.drop(c)
				}
			}
			return
		case m := <-h.in:
			h.handle(m)
		case f := <-h.calls:
			f()
		case <-h.timer.C:
			h.fireTimers()
		case <-h.gridTimer.C:
			h.gridTimerOn = false
		case <-h.awayTimer.C:
			h.awayFired()
		case <-queueTick:
			h.stepBackdrop()
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
	for s := range h.pdirty {
		p := s.p
		p.Extra = mustJSON(s.extra)
		h.batch.Participants = append(h.batch.Participants, p)
	}
	clear(h.pdirty)
	err := h.persistErr
	if err == nil {
		err = h.db.Commit(context.Background(), &h.batch)
	}
	h.batch, h.persistErr = store.Batch{}, nil
	after := h.after
	h.after = nil
	for _, f := range after {
		f(err)
	}
	if err != nil {
		h.log.Error("commit failed; the round is not acknowledged", "err", err)
		h.roomDirty = true // views are resent from what is left; clients resend unacknowledged replies
		h.reloadAfterFailure()
	}
	h.push()
}

// push sends new views to the clients of changed seats and the grid to facilitators.
func (h *hub) push() {
	if !h.roomDirty && !h.gridDirty && len(h.dirty) == 0 {
		h.pushGrid() // a grid held back by gridEvery may be due
		return
	}
	for _, s := range h.seats {
		if !h.roomDirty && !h.dirty[s] {
			continue
		}
		for c := range s.clients {
			h.send(c, h.traineeView(s, c))
		}
	}
	for s := range h.dirty {
		h.staleRows[s] = true
	}
	if h.roomDirty {
		for _, s := range h.seats {
			h.staleRows[s] = true
		}
	}
	h.gridWanted = true
	clear(h.dirty)
	h.roomDirty, h.gridDirty = false, false
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
		delete(c.seat.clients, c)
		h.gridDirty = true // connection count in the grid
	} else if h.facils[c] {
		delete(h.facils, c)
		h.facilitatorLeft()
	}
}

// persist adds the session's new events to the round's batch.
func (h *hub) persist(s *seat) {
	h.dirty[s] = true
	if s.sess == nil {
		return
	}
	evs := s.sess.Events()
	for i := s.saved; i < len(evs); i++ {
		data, err := json.Marshal(evs[i])
		if err != nil {
			h.persistErr = err
			return
		}
		h.batch.AddEvents(s.p.ID, store.Event{Seq: i, Data: data})
	}
	s.saved = len(evs)
}

// rearm sets the timer to the earliest pending session timer.
func (h *hub) rearm() {
	h.timer.Stop()
	var next time.Time
	for _, s := range h.seats {
		if s.sess == nil || s.extra.Removed {
			continue
		}
		if t, ok := s.sess.NextTimer(); ok && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	if !next.IsZero() {
		h.timer.Reset(max(0, next.Sub(h.now())) + time.Millisecond) // the session counts whole milliseconds
	}
}

// fireTimers ticks every session whose timer is due.
func (h *hub) fireTimers() {
	now := h.now()
	for _, s := range h.seats {
		if s.sess == nil || s.extra.Removed {
			continue
		}
		if t, ok := s.sess.NextTimer(); ok && !t.After(now) {
			if s.sess.Tick() {
				h.persist(s)
			}
		}
	}
}

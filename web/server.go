// Package web serves the simulation dashboard and the workshop rooms of
// ccsim from one process: HTTP, websocket hubs, embedded pages and a JSON
// API. It is transport only: the rules of a room live in package workshop,
// its store in workshop/sqlite, and what pages show is computed by sim,
// workshop and reports.
package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/workshop/sqlite"
)

// Server is the web server. Set its fields, then call ListenAndServe, or
// Open, Handler and Close to embed it. The zero value of each field is usable
// except DB.
type Server struct {
	Addr    string           // listen address; "" means 127.0.0.1:8080
	DB      string           // SQLite file for workshop rooms; required
	Log     *slog.Logger     // nil discards logs
	Now     func() time.Time // the clock of sessions and rooms; nil means time.Now
	Origins []string         // extra origins allowed to open websockets, e.g. "https://ccsim.example"
	// PublicHosts are the host names (with or without port) the server may
	// be reached by besides its IP addresses and localhost; requests for
	// other names are refused (DNS rebinding). The hosts of Origins count too.
	PublicHosts []string
	Workers     int // simulation workers per run; 0 means one per CPU
	// Lang is the language of the pages for a browser that asks for
	// neither English nor German; "" means English.
	Lang i18n.Lang
	// AdminToken, if set, is needed to open rooms (ccsim serve always sets
	// one); "" lets anyone who reaches the server open rooms.
	AdminToken string
	// MinGroup is the anonymity threshold of pulse figures: the fewest
	// respondents any figure is shown for; 0 means workshop.MinGroup, and a
	// smaller value counts as workshop.MinGroup (ccsim serve refuses it).
	MinGroup int
	// Instrument is the TOML text of the pulse instrument rooms and
	// stand-alone pulses use when they paste none; "" means the bundled one.
	Instrument string
	// Ready, if set, is called with the listening address once ListenAndServe accepts connections.
	Ready func(addr string)
	// ServerTime, if set, is called with the server's own time for each
	// trainee message: from reading it off the websocket to handing the
	// view that acknowledges it (after the commit) to the connection's
	// writer. It runs in the room's hub goroutine and must not block; the
	// load benchmark uses it to report server time apart from the client's.
	ServerTime func(time.Duration)

	db     *sqlite.DB
	mu     sync.Mutex
	rooms  map[string]*hub   // by join code
	seats  map[string]string // hex(hash of resume token) → join code
	runs   *runs
	limits *addrLimits
	// listenIP is the address Serve listens on; invalid (any) until then.
	listenIP netip.Addr
	loadMu   sync.Mutex // serialises loading archived rooms
	// rebuilt counts the rooms rebuilt from the store (at start and on demand), for tests.
	rebuilt int
	wg      sync.WaitGroup // hub goroutines
	ctx     context.Context
	stop    context.CancelFunc
}

// Open opens the database and rebuilds every stored room, replaying its sessions.
func (s *Server) Open() error {
	if s.DB == "" {
		return errors.New("web: Server.DB is required")
	}
	if s.Log == nil {
		s.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	s.rooms, s.seats, s.runs = map[string]*hub{}, map[string]string{}, newRuns(s.Now)
	s.limits = newAddrLimits(s.Now)
	s.ctx, s.stop = context.WithCancel(context.Background())
	db, err := sqlite.Open(s.DB)
	if err != nil {
		return err
	}
	s.db = db
	if err := s.restore(); err != nil {
		db.Close()
		return err
	}
	return nil
}

// startHub registers h and starts its goroutine.
func (s *Server) startHub(h *hub) {
	s.mu.Lock()
	s.rooms[h.Code] = h
	s.mu.Unlock()
	s.wg.Add(1)
	// The hub's goroutine exits when Close stops the hub.
	go func() {
		defer s.wg.Done()
		h.run()
	}()
}

// Close stops every room and run and closes the database.
func (s *Server) Close() error {
	if s.stop != nil {
		s.stop()
	}
	s.mu.Lock()
	hubs := make([]*hub, 0, len(s.rooms))
	for _, h := range s.rooms {
		hubs = append(hubs, h)
	}
	s.mu.Unlock()
	for _, h := range hubs {
		h.stop()
	}
	s.wg.Wait()
	if s.db != nil {
		return s.db.Close()
	}
	return nil
}

// ListenAndServe opens the server, serves until ctx is done, then shuts down
// gracefully: it stops accepting, lets requests finish (up to 5 s), stops the
// rooms after their last commit, and closes the database.
func (s *Server) ListenAndServe(ctx context.Context) error {
	if err := s.Open(); err != nil {
		return err
	}
	addr := s.Addr
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		s.Close()
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done, then shuts down and closes the
// server. Open must have been called.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.setListenAddr(ln.Addr())
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(s.Log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	// This goroutine exits when the http.Server stops serving (Shutdown below or a listener error).
	go func() { errc <- srv.Serve(ln) }()
	s.Log.Info("listening", "addr", ln.Addr().String())
	if s.Ready != nil {
		s.Ready(ln.Addr().String())
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	s.stop() // ends running simulations and websocket waits
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/ccsim/ccsim/web"
)

// runServe serves the dashboard and workshop rooms: ccsim serve [--addr A] [--db FILE].
func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags("serve", "serve [--addr 127.0.0.1:8080] [--db ccsim.db] [--origin URL]", e.stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := fs.String("db", "ccsim.db", "SQLite file for workshop rooms (created if missing)")
	origin := fs.String("origin", "", "an extra origin allowed to open websockets, e.g. https://ccsim.example (behind a proxy)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, "no arguments"); err != nil {
		return err
	}
	s := &web.Server{Addr: *addr, DB: *db, Log: slog.New(slog.NewTextHandler(e.stderr, nil)), Now: time.Now,
		Ready: func(a string) { fmt.Fprintf(e.stderr, "ccsim: serving on http://%s/ (Ctrl-C stops)\n", a) }}
	if *origin != "" {
		s.Origins = []string{*origin}
	}
	return s.ListenAndServe(ctx)
}

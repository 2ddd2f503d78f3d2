package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/ccsim/ccsim/web"
	"github.com/ccsim/ccsim/workshop"
)

// adminTokenEnv is the environment variable that may hold the admin token.
const adminTokenEnv = "CCSIM_ADMIN_TOKEN"

// runServe serves the dashboard and workshop rooms: ccsim serve [--addr A] [--db FILE].
func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags("serve", "serve [--addr 127.0.0.1:8080] [--db ccsim.db] [--origin URL] [--admin-token T] [--public-host NAME] [--min-group N] [--pulse-instrument FILE] [--lang en|de]", e.stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := fs.String("db", "ccsim.db", "SQLite file for workshop rooms (created if missing)")
	origin := fs.String("origin", "", "an extra origin allowed to open websockets, e.g. https://ccsim.example (behind a proxy)")
	public := fs.String("public-host", "", "host names (comma-separated) the server is reached by besides its IP addresses and localhost, e.g. ccsim.example; other Host headers are refused")
	minGroup := fs.Int("min-group", workshop.MinGroup, "anonymity threshold of the pulse: fewest respondents a figure is shown for (5 or more)")
	instrument := fs.String("pulse-instrument", "", "a *.pulse.toml used by rooms and stand-alone pulses that paste none (default: the bundled trust-and-fear)")
	lang := fs.String("lang", "en", "language of the pages for browsers that ask for neither English nor German: en or de")
	admin := fs.String("admin-token", "", "the token needed to open workshop rooms (default $"+adminTokenEnv+", else one is generated and printed once)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, "no arguments"); err != nil {
		return err
	}
	pageLang, err := langFlag("serve", *lang, "")
	if err != nil {
		return err
	}
	if _, err := workshop.CheckMinGroup(*minGroup); err != nil {
		return usageError{fmt.Errorf("serve: --min-group: %w", err)}
	}
	var instSrc string
	if *instrument != "" {
		in, err := loadInstrument(*instrument)
		if err != nil {
			return err
		}
		instSrc = string(in.Source)
	}
	tok, generated := adminToken(*admin)
	if len(tok) < 12 {
		return usageError{fmt.Errorf("serve: the admin token has at least 12 characters")}
	}
	s := &web.Server{Addr: *addr, DB: *db, Log: slog.New(slog.NewTextHandler(e.stderr, nil)), Now: time.Now, AdminToken: tok,
		MinGroup: *minGroup, Instrument: instSrc, Lang: pageLang,
		Ready: func(a string) {
			fmt.Fprintf(e.stderr, "ccsim: serving on http://%s/ (Ctrl-C stops)\n", a)
			if generated {
				fmt.Fprintf(e.stderr, "ccsim: admin token (needed to open workshop rooms; shown only now): %s\n", tok)
			}
		}}
	if *origin != "" {
		s.Origins = []string{*origin}
	}
	for _, h := range strings.Split(*public, ",") {
		if h = strings.TrimSpace(h); h != "" {
			s.PublicHosts = append(s.PublicHosts, h)
		}
	}
	return s.ListenAndServe(ctx)
}

// adminToken is the flag's token, else the environment's, else a new one (generated true).
func adminToken(flag string) (tok string, generated bool) {
	if t := strings.TrimSpace(flag); t != "" {
		return t, false
	}
	if t := strings.TrimSpace(os.Getenv(adminTokenEnv)); t != "" {
		return t, false
	}
	return workshop.NewToken(), true
}

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/workshop"
	"github.com/ccsim/ccsim/workshop/sqlite"
	"golang.org/x/text/message"
)

// pulseUsage is the synopsis of ccsim pulse.
const pulseUsage = `pulse teams|show|export|chart|open --db FILE [--team T] [flags]
  teams   list the teams with pulse rounds
  show    a team's history: indices before and after each round, the paired change, the trend
  export  a team's history as CSV or JSON (--format csv|json, --out FILE)
  chart   a team's history as a slide (--out FILE.png or FILE.svg)
  open    open a stand-alone pulse for a team and print its code (answered at /pulse/CODE in ccsim serve)`

// pulseFlags are the options of ccsim pulse.
type pulseFlags struct {
	db, team, lang, format, out, title, instrument string
	minGroup                                       int
}

// runPulse reads the pulse history of a SQLite file: ccsim pulse SUBCOMMAND --db FILE.
func runPulse(ctx context.Context, e env, args []string) error {
	var f pulseFlags
	fs := newFlags("pulse", pulseUsage, e.stderr)
	fs.StringVar(&f.db, "db", "ccsim.db", "SQLite file of ccsim serve or ccsim train --pulse --db")
	fs.StringVar(&f.team, "team", "", "the team label")
	fs.StringVar(&f.lang, "lang", "en", "language of statements and scale names (of those the instrument has); the fixed texts are German for de, else English")
	fs.StringVar(&f.format, "format", "csv", "export: csv or json")
	fs.StringVar(&f.out, "out", "", "export or chart: the file to write (export: stdout when empty)")
	fs.IntVar(&f.minGroup, "min-group", workshop.MinGroup, "anonymity threshold: fewest respondents a figure is shown for (5 or more)")
	fs.StringVar(&f.title, "title", "", "open: the title of the stand-alone pulse")
	fs.StringVar(&f.instrument, "instrument", "", "open: a *.pulse.toml instrument (default: the bundled trust-and-fear)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, 1, "one of teams, show, export, chart, open"); err != nil {
		return err
	}
	p := messages.Printer(pulseLang(f.lang))
	if f.minGroup, err = workshop.CheckMinGroup(f.minGroup); err != nil {
		return usageError{errors.New(p.Sprintf("pulse: --min-group: %v", err))}
	}
	if pos[0] == "open" {
		return pulseOpen(ctx, e, f)
	}
	if _, err := os.Stat(f.db); err != nil {
		return usageError{errors.New(p.Sprintf("pulse: --db %s: %v", f.db, err))}
	}
	db, err := sqlite.Open(f.db)
	if err != nil {
		return err
	}
	defer db.Close()
	switch pos[0] {
	case "teams":
		return pulseTeams(ctx, e.stdout, p, db)
	case "show", "export", "chart":
		h, err := pulseHistory(ctx, db, f)
		if err != nil {
			return err
		}
		return pulseOutput(e.stdout, pos[0], h, f)
	}
	return usageError{errors.New(p.Sprintf("pulse: unknown subcommand %q (teams, show, export, chart, open)", pos[0]))}
}

// pulseHistory reads and summarises the history of --team.
func pulseHistory(ctx context.Context, db *sqlite.DB, f pulseFlags) (workshop.History, error) {
	p := messages.Printer(pulseLang(f.lang))
	if f.team == "" {
		return workshop.History{}, usageError{errors.New(p.Sprintf("pulse: name the team with --team (see ccsim pulse teams)"))}
	}
	rounds, err := db.PulseHistory(ctx, f.team)
	if err != nil {
		return workshop.History{}, err
	}
	if len(rounds) == 0 {
		return workshop.History{}, usageError{errors.New(p.Sprintf("pulse: team %q has no pulse rounds in %s", f.team, f.db))}
	}
	return workshop.BuildHistory(f.team, rounds, f.lang, f.minGroup)
}

// pulseOutput prints, exports or charts a history.
func pulseOutput(stdout io.Writer, what string, h workshop.History, f pulseFlags) error {
	p := messages.Printer(pulseLang(f.lang))
	switch what {
	case "show":
		return writePulseText(stdout, p, h)
	case "export":
		var buf bytes.Buffer
		var err error
		switch f.format {
		case "csv":
			err = reports.WritePulseCSV(&buf, h)
		case "json":
			err = reports.WritePulseJSON(&buf, h)
		default:
			return usageError{errors.New(p.Sprintf("pulse: --format is csv or json, not %q", f.format))}
		}
		if err != nil {
			return err
		}
		if f.out == "" {
			_, err = stdout.Write(buf.Bytes())
			return err
		}
		return os.WriteFile(f.out, buf.Bytes(), 0o644)
	}
	ext := strings.TrimPrefix(filepath.Ext(f.out), ".")
	if f.out == "" || (ext != "png" && ext != "svg") {
		return usageError{errors.New(p.Sprintf("pulse: chart needs --out FILE.png or FILE.svg"))}
	}
	var buf bytes.Buffer
	if err := reports.Render(&buf, reports.PulseChart(h, pulseLang(f.lang)), reports.Format(ext)); err != nil {
		return err
	}
	return os.WriteFile(f.out, buf.Bytes(), 0o644)
}

// pulseTeams lists the teams and their number of rounds.
func pulseTeams(ctx context.Context, w io.Writer, p *message.Printer, db *sqlite.DB) error {
	rounds, err := db.PulseRounds(ctx, "")
	if err != nil {
		return err
	}
	teams := workshop.Teams(rounds)
	if len(teams) == 0 {
		p.Fprintf(w, "No pulse rounds yet.\n")
	}
	for _, t := range teams {
		p.Fprintf(w, "%s\t%d rounds\n", t.Team, t.Rounds)
	}
	return nil
}

// pulseOpen opens a stand-alone pulse round for --team and prints its code.
func pulseOpen(ctx context.Context, e env, f pulseFlags) error {
	in, err := loadInstrument(f.instrument)
	if err != nil {
		return err
	}
	p := messages.Printer(pulseLang(f.lang))
	if err := workshop.CheckTeam(f.team); err != nil || f.team == "" {
		return usageError{errors.New(p.Sprintf("pulse: open needs --team (at most 60 characters)"))}
	}
	db, err := sqlite.Open(f.db)
	if err != nil {
		return err
	}
	defer db.Close()
	r := workshop.NewStandalone(f.team, f.title, in, nowMS())
	if err := db.Commit(ctx, &workshop.Batch{PulseRounds: []workshop.PulseRound{r}}); err != nil {
		return err
	}
	p.Fprintf(e.stdout, "Stand-alone pulse %s opened. Share the code, or the link /pulse/%s on your ccsim serve address.\n", r.ID, r.ID)
	return nil
}

// loadInstrument reads a *.pulse.toml file, or the bundled instrument for "".
func loadInstrument(path string) (*scenarios.Instrument, error) {
	if path == "" {
		return scenarios.BundledPulse("")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError{err}
	}
	in, err := scenarios.ParsePulse(path, data)
	if err != nil {
		return nil, usageError{err}
	}
	return in, nil
}

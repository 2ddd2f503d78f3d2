package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
	"github.com/ccsim/ccsim/workshop/sqlite"
)

// trainPulse is the pulse of a ccsim train --pulse session: the
// instrument, the round its answers count in and the store, if any.
type trainPulse struct {
	in    *scenarios.Instrument
	lang  string
	round workshop.PulseRound
	db    *sqlite.DB // nil without --db: the answers are asked but not kept
	key   string     // this session's respondent key
	batch workshop.Batch
}

// newTrainPulse prepares the pulse of flags f: the instrument, and with
// --db the store and the round (--round, default: the team's terminal round
// of the day), refusing a round asked with another instrument.
func newTrainPulse(ctx context.Context, f trainFlags, now time.Time) (*trainPulse, error) {
	in, err := loadInstrument(f.instrument)
	if err != nil {
		return nil, err
	}
	if err := workshop.CheckTeam(f.team); err != nil {
		return nil, usageError{fmt.Errorf("train: --team: %w", err)}
	}
	p := &trainPulse{in: in, lang: in.Lang(string(f.lang)), key: workshop.RespondentKey("terminal", workshop.NewToken())}
	id := f.round
	if id == "" {
		id = "terminal-" + slugTeam(f.team) + "-" + now.UTC().Format("2006-01-02")
	}
	p.round = workshop.PulseRound{ID: id, Team: f.team, Kind: workshop.KindTerminal, Title: "ccsim train " + now.UTC().Format("2006-01-02"),
		CreatedMS: now.UnixMilli(), Instrument: in.Source}
	if f.db == "" {
		return p, nil
	}
	if p.db, err = sqlite.Open(f.db); err != nil {
		return nil, err
	}
	r, found, err := p.db.PulseRound(ctx, id)
	if err != nil || (found && (string(r.Instrument) != string(in.Source) || r.Team != f.team || r.Kind != workshop.KindTerminal)) {
		p.db.Close()
		if err != nil {
			return nil, err
		}
		return nil, usageError{errors.New(messages.Printer(f.lang).Sprintf("train: pulse round %q belongs to team %q, is not a terminal round or was asked with another instrument; choose another --round", id, r.Team))}
	}
	return p, nil
}

// slugTeam makes a team label part of a round id.
func slugTeam(team string) string {
	if team == "" {
		return "all"
	}
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '/' || r < ' ' {
			return '-'
		}
		return r
	}, team)
}

// ask asks the statements of phase on the terminal, reading lines from in,
// and keeps the answers for save.
func (p *trainPulse) ask(t *terminal, in lineInput, phase string) {
	f := workshop.Form(p.in, phase, p.lang)
	fmt.Fprintln(t.out)
	hint := t.p.Sprintf("Before we start: how far do you agree? (1 = %s … 5 = %s; Enter skips)", f.Anchors[0], f.Anchors[4])
	if phase == "after" {
		hint = t.p.Sprintf("Now that you are done: how far do you agree? (1 = %s … 5 = %s; Enter skips)", f.Anchors[0], f.Anchors[4])
	}
	fmt.Fprintln(t.out, t.color("1", hint))
	answers := make([]int, len(f.Items))
	for i, item := range f.Items {
		fmt.Fprintf(t.out, "  %d/%d %s\n", i+1, len(f.Items), item)
		answers[i] = askScale(t, in)
	}
	var text string
	if f.Free != "" {
		t.p.Fprintf(t.out, "  %s (Enter skips)\n", f.Free)
		fmt.Fprint(t.out, "  > ")
		text, _ = in.line()
		for utf8.RuneCountInString(text) > workshop.MaxPulseText {
			text = string([]rune(text)[:workshop.MaxPulseText])
		}
	}
	a, _ := workshop.StandaloneAnswer(p.round, p.in, answers, text) // answers are checked by askScale
	for i := range a.PulseAnswers {
		a.PulseAnswers[i].Respondent, a.PulseAnswers[i].Phase = p.key, phase
	}
	for i := range a.PulseTexts {
		a.PulseTexts[i].Phase = phase
	}
	p.batch.PulseAnswers = append(p.batch.PulseAnswers, a.PulseAnswers...)
	p.batch.PulseTexts = append(p.batch.PulseTexts, a.PulseTexts...)
}

// askScale reads one answer: 1 to 5, or an empty line (0, skipped); at
// the end of input it skips.
func askScale(t *terminal, in lineInput) int {
	for {
		fmt.Fprint(t.out, "  [1-5] > ")
		l, ok := in.line()
		l = strings.TrimSpace(l)
		if !ok || l == "" {
			return 0
		}
		if n, err := strconv.Atoi(l); err == nil && n >= 1 && n <= 5 {
			return n
		}
		t.p.Fprintf(t.out, "  Type a number from 1 to 5, or press Enter to skip.\n")
	}
}

// save stores the answers given (with --db) and shows the round's result
// under the anonymity rule.
func (p *trainPulse) save(ctx context.Context, t *terminal) error {
	fmt.Fprintln(t.out)
	if p.db == nil {
		t.p.Fprintf(t.out, "Your answers are not stored (no --db given).\n")
		return nil
	}
	defer p.db.Close()
	p.batch.PulseRounds = []workshop.PulseRound{p.round}
	if err := p.db.Commit(ctx, &p.batch); err != nil {
		return err
	}
	t.p.Fprintf(t.out, "Thank you. Your answers are stored without your name.\n")
	as, ts, err := p.db.PulseResponses(ctx, p.round.ID)
	if err != nil {
		return err
	}
	s := workshop.Summarize(p.in, workshop.RoundData{Round: p.round, Answers: as, Texts: ts}, p.lang, workshop.MinGroup)
	if s.Before == 0 && s.After == 0 {
		t.p.Fprintf(t.out, "Results of round %s appear once at least %d people have answered.\n", p.round.ID, s.Min)
		return nil
	}
	t.p.Fprintf(t.out, "Round %s so far:\n", p.round.ID)
	writeRoundText(t.out, t.p, s)
	return nil
}

// playWithPulse asks the pulse, plays the session and asks the pulse
// again, all from one reader of stdin, then stores the answers.
func playWithPulse(ctx context.Context, e env, t *terminal, s *trainer.Session, f trainFlags) error {
	p, err := newTrainPulse(ctx, f, time.Now())
	if err != nil {
		return err
	}
	done := make(chan struct{})
	defer close(done)
	in := newLineInput(e.stdin, t.ansi && isTerminalReader(e.stdin), done)
	p.ask(t, in, "before")
	fmt.Fprintln(t.out)
	restore := t.makeRaw(e.stdin)
	t.playFrom(ctx, s, in)
	restore()
	p.ask(t, in, "after")
	return p.save(ctx, t)
}

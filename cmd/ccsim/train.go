package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"golang.org/x/text/message"
)

// trainFlags are the options of ccsim train.
type trainFlags struct {
	mode, variant, logFile string
	lang                   i18n.Lang
	seed                   uint64
	asJSON                 bool
	// The pulse before and after (--pulse), stored with --db under --team.
	pulse                       bool
	db, team, round, instrument string
}

// runTrain plays a role-play in the terminal: ccsim train [FILE|NAME] [flags].
func runTrain(ctx context.Context, e env, args []string) error {
	sc, f, err := parseTrain(e, args)
	if err != nil {
		return err
	}
	out := e.stdout
	if f.asJSON {
		out = e.stderr
	}
	t := &terminal{out: out, ansi: e.isTerminal && isTerminalReader(e.stdin), p: messages.Printer(f.lang)}
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.Mode(f.mode), Seed: f.seed, Variant: f.variant, Lang: f.lang, Now: time.Now})
	if err != nil {
		return usageError{err}
	}
	t.header(s, f.seed)
	if f.pulse {
		err = playWithPulse(ctx, e, t, s, f)
	} else {
		restore := t.makeRaw(e.stdin)
		t.play(ctx, s, e.stdin)
		restore()
	}
	if err != nil {
		return err
	}
	if f.logFile != "" {
		if err := writeEventLog(f.logFile, s.Events()); err != nil {
			return err
		}
	}
	d := s.Debrief()
	if f.asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	fmt.Fprintln(out)
	fmt.Fprint(out, d.Text())
	return nil
}

// parseTrain parses the flags and loads the script.
func parseTrain(e env, args []string) (*trainer.Script, trainFlags, error) {
	var f trainFlags
	fs := newFlags("train", "train [FILE|NAME] [--mode guided|free] [--lang en|de] [--seed S] [--variant V] [--json] [--log FILE] [--pulse [--db FILE] [--team T]]", e.stderr)
	var lang string
	fs.StringVar(&lang, "lang", "", "language of the trainer's own texts and the debrief, en or de; default the script's lang")
	fs.StringVar(&f.mode, "mode", "guided", "guided (numbered replies) or free (type your replies)")
	fs.Uint64Var(&f.seed, "seed", 0, "random seed; 0 picks one and prints it")
	fs.StringVar(&f.variant, "variant", "", "force the bot hand-off variant, e.g. with_context or no_context")
	fs.BoolVar(&f.asJSON, "json", false, "print the debrief as JSON on stdout (the session is shown on stderr)")
	fs.StringVar(&f.logFile, "log", "", "write the session's event log (JSON) to this file")
	fs.BoolVar(&f.pulse, "pulse", false, "ask the trust and fear pulse before and after the session")
	fs.StringVar(&f.db, "db", "", "with --pulse: store the answers, without your name, in this SQLite pulse history")
	fs.StringVar(&f.team, "team", "", "with --pulse: the team label the answers count for")
	fs.StringVar(&f.round, "round", "", "with --pulse: the round the answers count in (default: the team's terminal round of the day)")
	fs.StringVar(&f.instrument, "instrument", "", "with --pulse: a *.pulse.toml instrument (default: the bundled trust-and-fear)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, f, err
	}
	if len(pos) == 0 {
		return nil, f, usageError{fmt.Errorf("train: name a script file or a bundled role-play: %s", strings.Join(scenarios.RoleplayNames(), ", "))}
	}
	if err := wantArgs(pos, 1, 1, "one script"); err != nil {
		return nil, f, err
	}
	sc, err := loadRoleplay(pos[0])
	if err != nil {
		return nil, f, err
	}
	m := trainer.Mode(f.mode)
	if m != trainer.ModeGuided && m != trainer.ModeFree {
		return nil, f, usageError{fmt.Errorf("train: --mode must be guided or free, not %q", f.mode)}
	}
	if !sc.HasMode(m) {
		return nil, f, usageError{fmt.Errorf("train: %s cannot be played in %s mode", sc.ID, m)}
	}
	if f.lang, err = langFlag("train", lang, sc.Lang); err != nil {
		return nil, f, err
	}
	if f.seed == 0 {
		f.seed = uint64(time.Now().UnixNano()%1_000_000) + 1
	}
	return sc, f, nil
}

// writeEventLog writes a session's event log as indented JSON.
func writeEventLog(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

func isTerminalReader(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// input handles one line typed by the trainee.
func (t *terminal) input(s *trainer.Session, line string) {
	line = strings.TrimSpace(line)
	switch line {
	case "":
		t.update(s)
		return
	case "/quit", "/q":
		s.Quit()
		return
	case "/help", "?":
		t.help(s)
		return
	}
	var err error
	if s.Mode() == trainer.ModeGuided {
		id, ok := t.choice(s, line)
		if !ok {
			t.p.Fprintf(t.out, "  Pick a number from 1 to %d (or /quit).\n", len(s.Choices()))
			return
		}
		err = s.Reply(id)
	} else {
		err = s.Say(line)
	}
	if err != nil && err != trainer.ErrEnded {
		fmt.Fprintln(t.out, " ", err)
	}
	t.update(s)
}

// choice maps a number or reply id to an offered reply id.
func (t *terminal) choice(s *trainer.Session, line string) (string, bool) {
	ch := s.Choices()
	if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(ch) {
		return ch[n-1].ID, true
	}
	for _, c := range ch {
		if c.ID == line {
			return c.ID, true
		}
	}
	return "", false
}

func (t *terminal) help(s *trainer.Session) {
	if s.Mode() == trainer.ModeGuided {
		t.p.Fprintf(t.out, "  Type the number of your reply. /quit ends the session and shows the debrief.\n")
	} else {
		t.p.Fprintf(t.out, "  Type what you would say to the customer. /quit ends the session and shows the debrief.\n")
	}
}

// terminal renders a session as text; with ansi it adds colour, and with
// raw (a terminal in raw mode) it reads keys into its line editor.
type terminal struct {
	out   io.Writer
	p     *message.Printer // the trainer's own texts, in the --lang language
	ansi  bool
	raw   bool
	ed    lineEditor
	shown int // transcript entries printed so far
}

func (t *terminal) color(code, s string) string {
	if !t.ansi {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (t *terminal) header(s *trainer.Session, seed uint64) {
	sc := s.Script()
	fmt.Fprintln(t.out, t.color("1", sc.Title))
	t.p.Fprintf(t.out, "Customer: %s. %s\n", sc.Persona.Name, sc.Persona.Brief)
	for _, f := range sc.Persona.Facts {
		fmt.Fprintf(t.out, "  - %s\n", f)
	}
	info := t.p.Sprintf("Mode: %s · seed %s", t.modeName(s.Mode()), strconv.FormatUint(seed, 10))
	if s.Variant() != "" {
		info += t.p.Sprintf(" · hand-off: %s", s.Variant())
	}
	if lim := s.TimeLimit(); lim > 0 {
		info += t.p.Sprintf(" · time limit %s", fmtClock(lim))
	}
	fmt.Fprintln(t.out, info)
	if s.Mode() == trainer.ModeFree {
		t.p.Fprintf(t.out, "Type your replies. /quit ends the session.\n")
	} else {
		t.p.Fprintf(t.out, "Type the number of your reply. /quit ends the session.\n")
	}
	fmt.Fprintln(t.out)
}

// flush prints the transcript entries not shown yet.
func (t *terminal) flush(s *trainer.Session) {
	tr := s.Transcript()
	name := s.Script().Persona.Name
	if name == "" {
		name = t.p.Sprintf("Customer")
	}
	for _, e := range tr[t.shown:] {
		switch e.Speaker {
		case "customer":
			fmt.Fprintf(t.out, "%s %s\n", t.color("1;36", name+":"), e.Text)
		case "agent":
			if s.Mode() == trainer.ModeGuided || !t.ansi {
				fmt.Fprintf(t.out, "%s %s\n", t.color("1;32", t.p.Sprintf("You:")), e.Text)
			}
		case "bot":
			fmt.Fprintf(t.out, "  %s\n", t.color("2", "│ "+e.Text))
		case "context":
			fmt.Fprintf(t.out, "  %s\n", t.color("33", t.p.Sprintf("[hand-off] %s", e.Text)))
		default:
			fmt.Fprintf(t.out, "  %s\n", t.color("35", "["+e.Text+"]"))
		}
	}
	t.shown = len(tr)
}

// update prints new transcript lines, the watch and, if the session runs, the prompt.
func (t *terminal) update(s *trainer.Session) {
	if t.ansi {
		fmt.Fprint(t.out, "\r\x1b[2K") // clear the prompt line a timer may interrupt
	}
	t.flush(s)
	if s.Ended() {
		return
	}
	fmt.Fprintln(t.out, t.watch(s))
	if s.Mode() == trainer.ModeGuided {
		for i, c := range s.Choices() {
			fmt.Fprintf(t.out, "  %d) %s\n", i+1, c.Label)
		}
	}
	if t.raw {
		t.ed.redraw(t.prompt(s))
		return
	}
	fmt.Fprint(t.out, t.color("1", "> "))
	if !t.ansi {
		fmt.Fprintln(t.out)
	}
}

// prompt is the input prompt on a raw terminal: the clock, then "> ".
func (t *terminal) prompt(s *trainer.Session) string {
	return t.color("2", "⏱ "+t.clock(s)) + " " + t.color("1", "> ")
}

// clock is the active time of the session, with its time limit if any.
func (t *terminal) clock(s *trainer.Session) string {
	c := fmtClock(s.Elapsed())
	if lim := s.TimeLimit(); lim > 0 {
		c += "/" + fmtClock(lim)
	}
	return c
}

// watch draws the bounded int variables (mood, trust, patience, …) and the clock.
func (t *terminal) watch(s *trainer.Session) string {
	var parts []string
	for _, v := range s.Vars() {
		if v.Type != "int" || v.Min == nil || v.Max == nil || v.Hidden {
			continue
		}
		lo, hi := *v.Min, *v.Max
		width := int(hi - lo)
		if width > 10 || width <= 0 {
			width = 10
		}
		filled := int(float64(v.Int-lo) / float64(hi-lo) * float64(width))
		bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
		code := "32"
		if frac := float64(v.Int-lo) / float64(hi-lo); frac < 0.34 {
			code = "31"
		} else if frac < 0.67 {
			code = "33"
		}
		parts = append(parts, fmt.Sprintf("%s %s %d", t.varName(v.Name), t.color(code, bar), v.Int))
	}
	parts = append(parts, "⏱ "+t.clock(s))
	return t.color("2", "[") + strings.Join(parts, "  ") + t.color("2", "]")
}

func fmtClock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

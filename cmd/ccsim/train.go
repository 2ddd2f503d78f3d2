package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// runTrain plays a role-play in the terminal: ccsim train [FILE|NAME] [flags].
func runTrain(ctx context.Context, e env, args []string) error {
	fs := newFlags("train", "train [FILE|NAME] [--mode guided|free] [--seed S] [--variant V] [--json] [--log FILE]", e.stderr)
	mode := fs.String("mode", "guided", "guided (numbered replies) or free (type your replies)")
	seed := fs.Uint64("seed", 0, "random seed; 0 picks one and prints it")
	variant := fs.String("variant", "", "force the bot hand-off variant, e.g. with_context or no_context")
	asJSON := fs.Bool("json", false, "print the debrief as JSON on stdout (the session is shown on stderr)")
	logFile := fs.String("log", "", "write the session's event log (JSON) to this file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError{fmt.Errorf("train: name a script file or a bundled role-play: %s", strings.Join(scenarios.RoleplayNames(), ", "))}
	}
	if err := wantArgs(pos, 1, 1, "one script"); err != nil {
		return err
	}
	sc, err := loadRoleplay(pos[0])
	if err != nil {
		return err
	}
	m := trainer.Mode(*mode)
	if m != trainer.ModeGuided && m != trainer.ModeFree {
		return usageError{fmt.Errorf("train: --mode must be guided or free, not %q", *mode)}
	}
	if !sc.HasMode(m) {
		return usageError{fmt.Errorf("train: %s cannot be played in %s mode", sc.ID, m)}
	}
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano()%1_000_000) + 1
	}
	out := e.stdout
	if *asJSON {
		out = e.stderr
	}
	t := &terminal{out: out, ansi: e.isTerminal && isTerminalReader(e.stdin)}
	s, err := trainer.Start(sc, trainer.Options{Mode: m, Seed: *seed, Variant: *variant, Now: time.Now})
	if err != nil {
		return usageError{err}
	}
	t.header(s, *seed)
	t.play(ctx, s, e.stdin)
	if *logFile != "" {
		if err := writeEventLog(*logFile, s.Events()); err != nil {
			return err
		}
	}
	d := s.Debrief()
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	fmt.Fprintln(out)
	fmt.Fprint(out, d.Text())
	return nil
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

// readLines sends stdin's lines on the returned channel and closes it at EOF.
// The goroutine exits at EOF or once done is closed and a line arrives; on a
// real terminal it may stay blocked in Read until the process exits.
func readLines(r io.Reader, done <-chan struct{}) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			select {
			case ch <- sc.Text():
			case <-done:
				return
			}
		}
	}()
	return ch
}

// play runs the session until it ends, stdin closes or ctx is cancelled.
func (t *terminal) play(ctx context.Context, s *trainer.Session, stdin io.Reader) {
	done := make(chan struct{})
	defer close(done)
	lines := readLines(stdin, done)
	t.update(s)
	for !s.Ended() {
		var timer <-chan time.Time
		var tm *time.Timer
		if at, ok := s.NextTimer(); ok {
			tm = time.NewTimer(time.Until(at) + 5*time.Millisecond)
			timer = tm.C
		}
		select {
		case <-ctx.Done():
			s.Quit()
		case <-timer:
			if s.Tick() {
				t.update(s)
			}
		case line, ok := <-lines:
			if !ok {
				s.Quit()
				break
			}
			t.input(s, line)
		}
		if tm != nil {
			tm.Stop()
		}
	}
	t.flush(s)
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
			fmt.Fprintf(t.out, "  Pick a number from 1 to %d (or /quit).\n", len(s.Choices()))
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
		fmt.Fprintln(t.out, "  Type the number of your reply. /quit ends the session and shows the debrief.")
	} else {
		fmt.Fprintln(t.out, "  Type what you would say to the customer. /quit ends the session and shows the debrief.")
	}
}

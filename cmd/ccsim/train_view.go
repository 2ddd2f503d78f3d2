package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// terminal renders a session as text; with ansi it adds colour.
type terminal struct {
	out   io.Writer
	ansi  bool
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
	fmt.Fprintf(t.out, "Customer: %s. %s\n", sc.Persona.Name, sc.Persona.Brief)
	for _, f := range sc.Persona.Facts {
		fmt.Fprintf(t.out, "  - %s\n", f)
	}
	info := fmt.Sprintf("Mode: %s · seed %d", s.Mode(), seed)
	if s.Variant() != "" {
		info += " · hand-off: " + s.Variant()
	}
	if sc.TimeLimitS > 0 {
		info += " · time limit " + fmtClock(time.Duration(sc.TimeLimitS)*time.Second)
	}
	fmt.Fprintln(t.out, info)
	if s.Mode() == trainer.ModeFree {
		fmt.Fprintln(t.out, "Type your replies. /quit ends the session.")
	} else {
		fmt.Fprintln(t.out, "Type the number of your reply. /quit ends the session.")
	}
	fmt.Fprintln(t.out)
}

// flush prints the transcript entries not shown yet.
func (t *terminal) flush(s *trainer.Session) {
	tr := s.Transcript()
	name := s.Script().Persona.Name
	if name == "" {
		name = "Customer"
	}
	for _, e := range tr[t.shown:] {
		switch e.Speaker {
		case "customer":
			fmt.Fprintf(t.out, "%s %s\n", t.color("1;36", name+":"), e.Text)
		case "agent":
			if s.Mode() == trainer.ModeGuided || !t.ansi {
				fmt.Fprintf(t.out, "%s %s\n", t.color("1;32", "You:"), e.Text)
			}
		case "bot":
			fmt.Fprintf(t.out, "  %s\n", t.color("2", "│ "+e.Text))
		case "context":
			fmt.Fprintf(t.out, "  %s\n", t.color("33", "[hand-off] "+e.Text))
		default:
			fmt.Fprintf(t.out, "  %s\n", t.color("35", "["+e.Text+"]"))
		}
	}
	t.shown = len(tr)
}

// update prints new transcript lines, the watch and, if the session runs, the prompt.
func (t *terminal) update(s *trainer.Session) {
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
	fmt.Fprint(t.out, t.color("1", "> "))
	if !t.ansi {
		fmt.Fprintln(t.out)
	}
}

// watch draws the bounded int variables (mood, trust, patience, …) and the clock.
func (t *terminal) watch(s *trainer.Session) string {
	var parts []string
	for _, v := range s.Vars() {
		if v.Type != "int" || v.Min == nil || v.Max == nil {
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
		parts = append(parts, fmt.Sprintf("%s %s %d", v.Name, t.color(code, bar), v.Int))
	}
	clock := fmtClock(s.Elapsed())
	if lim := s.Script().TimeLimitS; lim > 0 {
		clock += "/" + fmtClock(time.Duration(lim)*time.Second)
	}
	parts = append(parts, "⏱ "+clock)
	return t.color("2", "[") + strings.Join(parts, "  ") + t.color("2", "]")
}

func fmtClock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

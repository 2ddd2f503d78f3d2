package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/sim"
)

// errHelp is returned when --help was asked for: usage was printed, exit 0.
var errHelp = errors.New("help requested")

// usageError marks bad command-line input (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// config is what the command line asks for.
type config struct {
	scenario   string  // scenario file or bundled name; "" is "default"
	seed       uint64  // random seed; used only when seedSet
	seedSet    bool    // --seed was given; otherwise the scenario's own seed
	speed      float64 // simulated seconds per real second, 1 to 3600
	screenshot string  // PNG file to write at time at, then exit; "" runs the window
	at         string  // HH:MM time of day of the screenshot
}

const usage = `Usage: ccfloor [SCENARIO|NAME] [--seed S] [--speed X] [--screenshot FILE.png --at HH:MM]

Shows a simulated contact-center day as it runs: arrivals, the bot, the human
queues, the agents, and the running figures. SCENARIO is a scenario file or a
bundled scenario name (default: default). Press H in the window for the keys.

Flags:
`

// parseArgs parses the command line, allowing flags before and after the scenario.
func parseArgs(args []string, stderr io.Writer) (config, error) {
	c := config{speed: 60}
	fs := flag.NewFlagSet("ccfloor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.Func("seed", "random seed (default: the scenario's seed)", func(s string) error {
		_, err := fmt.Sscan(s, &c.seed)
		c.seedSet = true
		return err
	})
	fs.Float64Var(&c.speed, "speed", c.speed, "simulated seconds per real second, 1 to 3600")
	fs.StringVar(&c.screenshot, "screenshot", "", "write the view at --at to this PNG file and exit")
	fs.StringVar(&c.at, "at", "", "time of day of the screenshot, HH:MM")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return c, errHelp
			}
			return c, usageError{err}
		}
		if args = fs.Args(); len(args) == 0 {
			break
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	return c, c.check(pos)
}

// check validates the flags together and takes the positional arguments.
func (c *config) check(pos []string) error {
	switch {
	case len(pos) > 1:
		return usageError{fmt.Errorf("expected at most one scenario, got %s", strings.Join(pos, " "))}
	case !(c.speed >= minSpeed && c.speed <= maxSpeed):
		return usageError{fmt.Errorf("--speed must be between %g and %g, got %g", minSpeed, maxSpeed, c.speed)}
	case c.screenshot != "" && c.at == "":
		return usageError{errors.New("--screenshot needs --at HH:MM")}
	case c.screenshot == "" && c.at != "":
		return usageError{errors.New("--at is for --screenshot")}
	}
	if len(pos) == 1 {
		c.scenario = pos[0]
	}
	return nil
}

// loadScenario loads a scenario file, or a bundled scenario by name ("" is "default").
func loadScenario(arg string) (*sim.Scenario, error) {
	sc, err := scenarios.Open(arg)
	if err != nil {
		return nil, usageError{err}
	}
	return sc, nil
}

// sinceOpen converts a time of day "HH:MM" to simulated time since the run's
// start, which is the opening time of a day (midnight for a steady state).
func sinceOpen(sc *sim.Scenario, hhmm string) (time.Duration, error) {
	var h, m int
	if n, err := fmt.Sscanf(hhmm, "%d:%d", &h, &m); n != 2 || err != nil || h < 0 || h > 47 || m < 0 || m > 59 {
		return 0, usageError{fmt.Errorf("--at %q: want a time of day HH:MM", hhmm)}
	}
	t := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute - sc.Arrivals.Open
	if t < 0 {
		return 0, usageError{fmt.Errorf("--at %s is before opening time %s", hhmm, clock(sc, 0))}
	}
	return t, nil
}

// clock is the time of day at simulated time t, HH:MM.
func clock(sc *sim.Scenario, t time.Duration) string {
	m := int((sc.Arrivals.Open + t) / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60%24, m%60)
}

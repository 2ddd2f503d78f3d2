// Command ccsim simulates contact centers that mix an AI bot with human agents,
// checks the simulator against the Erlang formulas, and runs role-play training.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/ccsim/ccsim/sim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// env is what a subcommand may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// isTerminal reports whether stderr is an interactive terminal (progress is shown only then).
	isTerminal bool
	// simulate runs a batch of replications; nil means sim.Run. Tests wrap
	// it to count the simulations a command runs.
	simulate func(context.Context, *sim.Scenario, sim.Options) (*sim.Results, error)
}

// run simulates sc with e.simulate, or sim.Run.
func (e env) run(ctx context.Context, sc *sim.Scenario, opts sim.Options) (*sim.Results, error) {
	if e.simulate != nil {
		return e.simulate(ctx, sc, opts)
	}
	return sim.Run(ctx, sc, opts)
}

// command is one ccsim subcommand.
type command struct {
	name  string
	usage string // one line for the overview
	run   func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"run", "simulate a scenario (default: the bundled 'default') and print or write results", runRun},
		{"validate", "check the simulator against the exact Erlang formulas", runValidate},
		{"erlang", "Erlang B, C, A and X calculator (voice, chat, e-mail), agent solver and tables", runErlang},
		{"staff", "smallest staffing per interval and group meeting service goals (Erlang A, then simulation)", runStaff},
		{"schedule", "shifts with breaks covering the staffing requirement at least cost, checked by simulation", runSchedule},
		{"compare", "compare scenarios or variants on common random numbers: paired differences with CIs", runCompare},
		{"sweep", "run a grid or list of overrides of a scenario on all cores (or one shard of it)", runSweep},
		{"merge", "join the shards of a sweep into the files of the whole sweep", runMerge},
		{"examples", "list or show the bundled scenarios and role-plays", runExamples},
		{"report", "render charts and reports from saved results", runReport},
		{"generate", "write a synthetic contact log (CSV or JSON lines) of simulated days", runGenerate},
		{"calibrate", "fit a scenario to real contact records, with a report and a back-test", runCalibrate},
		{"train", "play a role-play in the terminal", runTrain},
		{"script", "role-play authoring tools: lint, graph, test, stats", runScript},
		{"pulse", "the trust and fear pulse over time: teams, history, CSV/JSON, chart, stand-alone pulse", runPulse},
		{"serve", "serve the simulation dashboard and workshop rooms in the browser", runServe},
		{"version", "print the version (also ccsim --version)", runVersion},
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runEnv(ctx, env{stdin: stdin, stdout: stdout, stderr: stderr, isTerminal: isTerminal(stderr)}, args)
}

// runEnv runs the command args[0] in e.
func runEnv(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printOverview(e.stdout)
		if len(args) == 0 {
			return usageError{errors.New("no command given")}
		}
		return nil
	}
	if args[0] == "--version" || args[0] == "-version" {
		args[0] = "version"
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	return usageError{fmt.Errorf("unknown command %q (see 'ccsim --help')", args[0])}
}

func printOverview(w io.Writer) {
	fmt.Fprintln(w, "ccsim: contact-center simulation and role-play training")
	fmt.Fprintln(w, "\nUsage: ccsim COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nRun 'ccsim COMMAND --help' for a command's flags.")
}

// usageError marks bad usage or bad input: exit code 2.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// exitCode maps an error to the process exit code (0 ok, 1 failure, 2 bad usage or input) and prints it.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, errHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "ccsim:", err)
	var u usageError
	var bad sim.ValidationErrors
	if errors.As(err, &u) || errors.As(err, &bad) {
		return 2
	}
	return 1
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

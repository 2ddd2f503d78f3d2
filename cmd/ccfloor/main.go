// Command ccfloor shows a simulated contact-center day as it runs: customers
// arriving, the bot, the human queues, the agents and the running figures,
// with keys to change speed and try what-ifs. See docs/floor.md.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
)

func main() { os.Exit(exitCode(run(os.Args[1:], os.Stderr), os.Stderr)) }

// run loads the scenario and runs the window (or takes the screenshot).
func run(args []string, stderr io.Writer) error {
	c, err := parseArgs(args, stderr)
	if err != nil {
		return err
	}
	sc, err := loadScenario(c.scenario)
	if err != nil {
		return err
	}
	seed := sc.Seed
	if c.seedSet {
		seed = c.seed
	}
	p, err := newPainter()
	if err != nil {
		return err
	}
	g := &game{world: NewWorld(sc, seed, c.speed), painter: p, shot: c.screenshot}
	if c.screenshot != "" {
		at, err := sinceOpen(sc, c.at)
		if err != nil {
			return err
		}
		g.world.Settle(at)
	}
	ebiten.SetWindowTitle("ccfloor · " + sc.Name)
	ebiten.SetWindowSize(screenW, screenH)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(g); err != nil {
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return fmt.Errorf("%w (no display: run it under Xvfb, e.g. xvfb-run -a ccfloor …)", err)
		}
		return err
	}
	return nil
}

// exitCode reports err and maps it to the exit status: 0 ok, 2 usage, 1 otherwise.
func exitCode(err error, stderr io.Writer) int {
	var u usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &u):
		fmt.Fprintln(stderr, "ccfloor:", err)
		return 2
	}
	fmt.Fprintln(stderr, "ccfloor:", err)
	return 1
}

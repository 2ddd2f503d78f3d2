package main

import (
	"image/png"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// game is the ebiten side: it reads keys, ticks the world, builds the scene
// in Update, and paints it in Draw.
type game struct {
	world   *World
	view    View
	painter *painter

	shot string // screenshot file: write it at the first Update and quit
}

// Update handles the keys, steps the world by one tick and builds the scene.
func (g *game) Update() error {
	if g.shot != "" {
		g.view.Build(g.world)
		return g.screenshot()
	}
	for _, a := range pressed() {
		if g.world.Do(a) {
			return ebiten.Termination
		}
	}
	g.world.Tick()
	g.view.Build(g.world)
	return nil
}

// Draw paints the scene built by the last Update.
func (g *game) Draw(screen *ebiten.Image) { g.painter.paint(screen, &g.view.Scene) }

// Layout keeps the logical screen fixed; ebiten scales it to the window.
func (g *game) Layout(int, int) (int, int) { return screenW, screenH }

// screenshot writes the scene to the PNG file and ends the game.
func (g *game) screenshot() error {
	img := g.painter.snapshot(&g.view.Scene)
	f, err := os.Create(g.shot)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return ebiten.Termination
}

// keyAction maps a key to an action, and with shift held to another.
type keyAction struct {
	key            ebiten.Key
	act, withShift Action
}

// keyActions lists the keys the game reads (bindings describes them).
func keyActions() []keyAction {
	return []keyAction{
		{ebiten.KeySpace, actPause, actPause},
		{ebiten.KeyP, actPause, actPause},
		{ebiten.KeyArrowRight, actFaster, actFaster},
		{ebiten.KeyEqual, actFaster, actFaster},
		{ebiten.KeyNumpadAdd, actFaster, actFaster},
		{ebiten.KeyArrowLeft, actSlower, actSlower},
		{ebiten.KeyMinus, actSlower, actSlower},
		{ebiten.KeyNumpadSubtract, actSlower, actSlower},
		{ebiten.KeyS, actStep, actStep},
		{ebiten.KeyN, actStep, actStep},
		{ebiten.KeyR, actNewSeed, actNewSeed},
		{ebiten.KeyB, actBotUp, actBotDown},
		{ebiten.KeyArrowUp, actAgentUp, actAgentUp},
		{ebiten.KeyArrowDown, actAgentDown, actAgentDown},
		{ebiten.KeyG, actTarget, actTarget},
		{ebiten.KeyTab, actTarget, actTarget},
		{ebiten.KeyDigit0, actReset, actReset},
		{ebiten.KeyH, actHelp, actHelp},
		{ebiten.KeyF1, actHelp, actHelp},
		{ebiten.KeySlash, actHelp, actHelp},
		{ebiten.KeyEscape, actQuit, actQuit},
		{ebiten.KeyQ, actQuit, actQuit},
	}
}

// pressed returns the actions of the keys pressed since the last Update.
func pressed() []Action {
	var acts []Action
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	for _, k := range keyActions() {
		if inpututil.IsKeyJustPressed(k.key) {
			if shift {
				acts = append(acts, k.withShift)
			} else {
				acts = append(acts, k.act)
			}
		}
	}
	return acts
}

//go:build xvfb

// Tests that draw: run them under a display (make floor-test runs them in
// Xvfb). TestMain runs every test inside ebiten's game loop, because reading
// pixels needs a running loop (ebiten's own pattern for its tests).
package main

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

func TestMain(m *testing.M) {
	code := 0
	if err := ebiten.RunGame(&testLoop{run: func() { code = m.Run() }}); err != nil {
		os.Stderr.WriteString("ebiten: " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Exit(code)
}

// testLoop runs the tests in its first Update and ends the game.
type testLoop struct{ run func() }

func (g *testLoop) Update() error {
	g.run()
	return ebiten.Termination
}
func (g *testLoop) Draw(*ebiten.Image)         {}
func (g *testLoop) Layout(int, int) (int, int) { return 64, 64 }

// TestPaintMatchesScene paints the 10:00 scene and checks the seat tiles'
// pixels against their shapes.
func TestPaintMatchesScene(t *testing.T) {
	w := worldAt(t, "10:00", 60)
	var v View
	v.Build(w)
	p, err := newPainter()
	if err != nil {
		t.Fatal(err)
	}
	img := p.snapshot(&v.Scene)
	if got := img.RGBAAt(3, 3); !sameRGB(got, colHeader) {
		t.Errorf("header pixel %v, want %v", got, colHeader)
	}
	for i, sh := range v.Scene.Find(tagSeat) {
		x, y := int(sh.X+sh.W/2), int(sh.Y+sh.H/2)
		if sh.Kind == shapeFrame { // an off seat: its outline
			x = int(sh.X)
		}
		if got := img.RGBAAt(x, y); !sameRGB(got, sh.Color) {
			t.Errorf("seat %d: pixel %v at %d,%d, want %v", i, got, x, y, sh.Color)
		}
	}
}

// TestScreenshot runs the ccfloor binary as a user would and checks its PNG.
func TestScreenshot(t *testing.T) {
	dir := t.TempDir()
	bin, shot := filepath.Join(dir, "ccfloor"), filepath.Join(dir, "floor.png")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, bin, "--screenshot", shot, "--at", "10:00").CombinedOutput(); err != nil {
		t.Fatalf("ccfloor --screenshot: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode %s: %v", shot, err)
	}
	if b := img.Bounds(); b.Dx() != screenW || b.Dy() != screenH {
		t.Fatalf("screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), screenW, screenH)
	}
	if n := colours(img); n < 200 {
		t.Errorf("screenshot has %d colours, want a picture (200 or more)", n)
	}
	w := worldAt(t, "10:00", 60)
	l := NewLayout(w.Scenario, w.Seats())
	if f := differing(img, l.Header, colBackground); f < 0.95 {
		t.Errorf("%.0f%% of the header band differs from the background, want it all", f*100)
	}
	if f := differing(img, Rect{l.Header.X + 400, 10, 80, 50}, colHeader); f < 0.05 {
		t.Errorf("the clock area is %.1f%% text, want some", f*100)
	}
	seats := len(w.Floor.Agents)
	if got := tiles(img, l.Agents.Body(), l.Tile); got != seats || seats != 66 {
		t.Errorf("%d agent tiles in the screenshot; the scenario has %d seats (66 in default)", got, seats)
	}
}

// colours counts the distinct colours of img.
func colours(img image.Image) int {
	seen := map[color.Color]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			seen[img.At(x, y)] = true
		}
	}
	return len(seen)
}

// differing is the share of r's pixels that are not c.
func differing(img image.Image, r Rect, c color.NRGBA) float64 {
	n, d := 0, 0
	for y := int(r.Y); y < int(r.Bottom()); y++ {
		for x := int(r.X); x < int(r.Right()); x++ {
			n++
			if !sameRGB(img.At(x, y), c) {
				d++
			}
		}
	}
	return float64(d) / float64(max(1, n))
}

// tiles counts the tile-sized blobs in area: 4-connected regions of pixels
// differing from the panel colour whose bounding box is a tile, give or take
// two pixels of anti-aliasing. Text and marks are smaller, and marks sit
// inside their tiles.
func tiles(img image.Image, area Rect, tile float32) int {
	x0, y0, w, h := int(area.X), int(area.Y), int(area.W), int(area.H)
	fg := func(x, y int) bool { return !sameRGB(img.At(x0+x, y0+y), colPanel) }
	seen := make([]bool, w*h)
	n := 0
	for y := range h {
		for x := range w {
			if seen[y*w+x] || !fg(x, y) {
				continue
			}
			minX, minY, maxX, maxY := x, y, x, y
			stack := []image.Point{{x, y}}
			seen[y*w+x] = true
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				minX, minY, maxX, maxY = min(minX, p.X), min(minY, p.Y), max(maxX, p.X), max(maxY, p.Y)
				for _, q := range []image.Point{{p.X + 1, p.Y}, {p.X - 1, p.Y}, {p.X, p.Y + 1}, {p.X, p.Y - 1}} {
					if q.X >= 0 && q.Y >= 0 && q.X < w && q.Y < h && !seen[q.Y*w+q.X] && fg(q.X, q.Y) {
						seen[q.Y*w+q.X] = true
						stack = append(stack, q)
					}
				}
			}
			bw, bh := float32(maxX-minX+1), float32(maxY-minY+1)
			if bw >= tile-2 && bw <= tile+2 && bh >= tile-2 && bh <= tile+2 {
				n++
			}
		}
	}
	return n
}

// sameRGB reports whether a and b have the same 8-bit red, green and blue.
func sameRGB(a, b color.Color) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	return ar>>8 == br>>8 && ag>>8 == bg>>8 && ab>>8 == bb>>8
}

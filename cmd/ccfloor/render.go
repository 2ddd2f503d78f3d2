package main

import (
	"bytes"
	"fmt"
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// painter draws a Scene on an ebiten image. It holds the fonts and a
// reusable path; it decides nothing about what goes where.
type painter struct {
	faces [numFonts]*text.GoTextFace
	path  vector.Path
}

// newPainter loads the Go fonts (built in: no system fonts needed).
func newPainter() (*painter, error) {
	regular, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	bold, err := text.NewGoTextFaceSource(bytes.NewReader(gobold.TTF))
	if err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	p := &painter{}
	for f := range numFonts {
		src := regular
		if fontBoldface(f) {
			src = bold
		}
		p.faces[f] = &text.GoTextFace{Source: src, Size: float64(fontSize(f))}
	}
	return p, nil
}

// paint draws every shape of s on dst, in order.
func (p *painter) paint(dst *ebiten.Image, s *Scene) {
	for i := range s.Shapes {
		p.shape(dst, &s.Shapes[i])
	}
}

func (p *painter) shape(dst *ebiten.Image, sh *Shape) {
	switch sh.Kind {
	case shapeRect:
		if sh.R > 0 {
			p.round(dst, sh)
			return
		}
		vector.FillRect(dst, sh.X, sh.Y, sh.W, sh.H, sh.Color, false)
	case shapeFrame:
		vector.StrokeRect(dst, sh.X+sh.R/2, sh.Y+sh.R/2, sh.W-sh.R, sh.H-sh.R, sh.R, sh.Color, false)
	case shapeDot:
		vector.FillCircle(dst, sh.X, sh.Y, sh.R, sh.Color, true)
	case shapeRing:
		vector.StrokeCircle(dst, sh.X, sh.Y, sh.R, sh.W, sh.Color, true)
	case shapeLine:
		vector.StrokeLine(dst, sh.X, sh.Y, sh.W, sh.H, sh.R, sh.Color, true)
	case shapeText:
		op := &text.DrawOptions{}
		op.GeoM.Translate(float64(sh.X), float64(sh.Y))
		op.ColorScale.ScaleWithColor(sh.Color)
		op.PrimaryAlign = [...]text.Align{text.AlignStart, text.AlignCenter, text.AlignEnd}[sh.Align]
		op.SecondaryAlign = text.AlignCenter
		text.Draw(dst, sh.Text, p.faces[sh.Font], op)
	}
}

// round fills a rectangle with rounded corners.
func (p *painter) round(dst *ebiten.Image, sh *Shape) {
	x, y, w, h := sh.X, sh.Y, sh.W, sh.H
	r := min(sh.R, w/2, h/2)
	p.path.Reset()
	p.path.MoveTo(x+r, y)
	p.path.ArcTo(x+w, y, x+w, y+h, r)
	p.path.ArcTo(x+w, y+h, x, y+h, r)
	p.path.ArcTo(x, y+h, x, y, r)
	p.path.ArcTo(x, y, x+w, y, r)
	p.path.Close()
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(sh.Color)
	vector.FillPath(dst, &p.path, nil, op)
}

// snapshot paints s on a fresh image of the screen's size and returns its pixels.
func (p *painter) snapshot(s *Scene) *image.RGBA {
	img := ebiten.NewImage(screenW, screenH)
	defer img.Deallocate()
	p.paint(img, s)
	out := image.NewRGBA(image.Rect(0, 0, screenW, screenH))
	img.ReadPixels(out.Pix)
	return out
}

package main

import (
	"bytes"
	"fmt"
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// painter draws a Scene on an ebiten image; it decides nothing about what
// goes where. Rectangles and lines are a stretched white pixel, and rounded
// shapes and circles are white sprites drawn once per size, then tinted:
// every shape is then an image draw that ebiten batches, where drawing
// each path anew costs a stencil pass per shape.
type painter struct {
	faces   [numFonts]*text.GoTextFace
	pixel   *ebiten.Image
	sprites map[spriteKey]*ebiten.Image
	path    vector.Path
}

// spriteKey names a white sprite: its kind and size in half pixels.
type spriteKey struct {
	kind          ShapeKind
	w, h, r, line int16
}

// maxSprites bounds the sprite cache; the layout uses a few dozen sizes.
const maxSprites = 1024

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
	p := &painter{pixel: ebiten.NewImage(1, 1), sprites: map[spriteKey]*ebiten.Image{}}
	p.pixel.Fill(image.White.C)
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
	case shapeRect, shapeFrame:
		switch {
		case sh.R > 0:
			p.sprite(dst, sh, sh.X, sh.Y)
		case sh.Kind == shapeRect && sh.Color.A == 0xff && sh.X <= 0 && sh.Y <= 0 &&
			sh.X+sh.W >= float32(dst.Bounds().Dx()) && sh.Y+sh.H >= float32(dst.Bounds().Dy()):
			dst.Fill(sh.Color) // the background: a clear is cheaper than a draw
		case sh.Kind == shapeRect:
			p.fill(dst, sh.X, sh.Y, sh.W, sh.H, sh)
		default:
			l := sh.Line
			p.fill(dst, sh.X, sh.Y, sh.W, l, sh)
			p.fill(dst, sh.X, sh.Y+sh.H-l, sh.W, l, sh)
			p.fill(dst, sh.X, sh.Y+l, l, sh.H-2*l, sh)
			p.fill(dst, sh.X+sh.W-l, sh.Y+l, l, sh.H-2*l, sh)
		}
	case shapeDot, shapeRing:
		d := spriteSide(sh)
		p.sprite(dst, sh, sh.X-d/2, sh.Y-d/2)
	case shapeLine:
		p.line(dst, sh)
	case shapeText:
		op := &text.DrawOptions{}
		op.GeoM.Translate(float64(sh.X), float64(sh.Y))
		op.ColorScale.ScaleWithColor(sh.Color)
		op.PrimaryAlign = [...]text.Align{text.AlignStart, text.AlignCenter, text.AlignEnd}[sh.Align]
		op.SecondaryAlign = text.AlignCenter
		text.Draw(dst, sh.Text, p.faces[sh.Font], op)
	}
}

// fill draws a rectangle in sh's colour: the white pixel stretched.
func (p *painter) fill(dst *ebiten.Image, x, y, w, h float32, sh *Shape) {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(float64(w), float64(h))
	op.GeoM.Translate(float64(x), float64(y))
	op.ColorScale.ScaleWithColor(sh.Color)
	dst.DrawImage(p.pixel, op)
}

// line draws a line as the white pixel stretched along it and turned.
func (p *painter) line(dst *ebiten.Image, sh *Shape) {
	dx, dy := float64(sh.W-sh.X), float64(sh.H-sh.Y)
	w := float64(sh.Line)
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(math.Hypot(dx, dy), w)
	op.GeoM.Translate(0, -w/2)
	op.GeoM.Rotate(math.Atan2(dy, dx))
	op.GeoM.Translate(float64(sh.X), float64(sh.Y))
	op.ColorScale.ScaleWithColor(sh.Color)
	dst.DrawImage(p.pixel, op)
}

// sprite draws the white sprite of sh's shape and size at (x, y), tinted.
func (p *painter) sprite(dst *ebiten.Image, sh *Shape, x, y float32) {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(math.Round(float64(x)), math.Round(float64(y)))
	op.ColorScale.ScaleWithColor(sh.Color)
	dst.DrawImage(p.spriteOf(sh), op)
}

// spriteSide is the side of a circle's sprite: the circle and a pixel around.
func spriteSide(sh *Shape) float32 {
	return float32(math.Ceil(float64(2*sh.R+sh.Line))) + 2
}

// spriteOf returns (making it once) the white sprite for sh.
func (p *painter) spriteOf(sh *Shape) *ebiten.Image {
	half := func(v float32) int16 { return int16(math.Round(float64(v) * 2)) }
	k := spriteKey{kind: sh.Kind, r: half(sh.R), line: half(sh.Line)}
	if sh.Kind == shapeRect || sh.Kind == shapeFrame {
		k.w, k.h = half(float32(math.Round(float64(sh.W)))), half(float32(math.Round(float64(sh.H))))
	}
	if img, ok := p.sprites[k]; ok {
		return img
	}
	if len(p.sprites) >= maxSprites {
		for key, img := range p.sprites {
			img.Deallocate()
			delete(p.sprites, key)
		}
	}
	img := p.draw(sh, k)
	p.sprites[k] = img
	return img
}

// draw renders the white sprite of key k with anti-aliased paths.
func (p *painter) draw(sh *Shape, k spriteKey) *ebiten.Image {
	p.path.Reset()
	var img *ebiten.Image
	var stroke float32
	switch sh.Kind {
	case shapeDot, shapeRing:
		d := spriteSide(sh)
		img = ebiten.NewImage(int(d), int(d))
		p.path.Arc(d/2, d/2, sh.R, 0, 2*math.Pi, vector.Clockwise)
		p.path.Close()
		if sh.Kind == shapeRing {
			stroke = sh.Line
		}
	default:
		w, h := float32(k.w)/2, float32(k.h)/2
		img = ebiten.NewImage(int(w), int(h))
		var in float32
		if sh.Kind == shapeFrame {
			stroke, in = sh.Line, sh.Line/2
		}
		roundRect(&p.path, in, in, w-2*in, h-2*in, sh.R)
	}
	op := &vector.DrawPathOptions{AntiAlias: true}
	if stroke > 0 {
		vector.StrokePath(img, &p.path, &vector.StrokeOptions{Width: stroke}, op)
	} else {
		vector.FillPath(img, &p.path, nil, op)
	}
	return img
}

// roundRect adds a rectangle with corners of radius r to path.
func roundRect(path *vector.Path, x, y, w, h, r float32) {
	r = min(r, w/2, h/2)
	path.MoveTo(x+r, y)
	path.ArcTo(x+w, y, x+w, y+h, r)
	path.ArcTo(x+w, y+h, x, y+h, r)
	path.ArcTo(x, y+h, x, y, r)
	path.ArcTo(x, y, x+w, y, r)
	path.Close()
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

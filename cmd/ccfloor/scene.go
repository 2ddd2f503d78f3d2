package main

import (
	"image/color"
	"unicode/utf8"
)

// ShapeKind is what a Shape draws.
type ShapeKind uint8

// Shape kinds. Coordinates are screen pixels.
const (
	shapeRect  ShapeKind = iota // filled rectangle X, Y, W, H, corners rounded by R
	shapeFrame                  // outline of rectangle X, Y, W, H, corners rounded by R, Line wide
	shapeDot                    // filled circle at X, Y of radius R
	shapeRing                   // circle outline at X, Y of radius R, Line wide
	shapeLine                   // line from X, Y to W, H, Line wide
	shapeText                   // Text aligned at X by Align, its line centred on Y
)

// Font is a text style.
type Font uint8

// Fonts.
const (
	fontSmall Font = iota
	fontBody
	fontBold
	fontTitle
	fontValue
	fontClock
	numFonts
)

// fontSize is the pixel size of f.
func fontSize(f Font) float32 {
	return [...]float32{11, 13, 13, 17, 21, 34}[f]
}

// fontBoldface reports whether f is bold.
func fontBoldface(f Font) bool { return f >= fontBold }

// textWidth estimates the width of s in f (the Go fonts average a little
// over half an em a character); layout uses it only for spacing.
func textWidth(s string, f Font) float32 {
	w := float32(0.54)
	if fontBoldface(f) {
		w = 0.6
	}
	return float32(utf8.RuneCountInString(s)) * fontSize(f) * w
}

// Align is how text sits on its X.
type Align uint8

// Alignments.
const (
	alignLeft Align = iota
	alignCenter
	alignRight
)

// Tag says what a shape stands for, so tests can count and find them.
type Tag uint8

// Tags.
const (
	tagNone    Tag = iota
	tagSeat        // one agent seat tile
	tagBot         // one bot session
	tagWaiting     // one customer waiting for an agent
	tagMove        // a customer arriving or leaving
	tagClock       // the simulated time of day
	tagKPI         // a running figure in the header
	tagHelp        // the key overlay
)

// Shape is one thing to draw.
type Shape struct {
	Kind       ShapeKind
	Tag        Tag
	X, Y, W, H float32
	R          float32 // corner or circle radius
	Line       float32 // line width of outlines and lines
	Color      color.NRGBA
	Text       string
	Font       Font
	Align      Align
}

// Scene is everything to draw for one frame, in painting order.
type Scene struct{ Shapes []Shape }

func (s *Scene) rect(r Rect, radius float32, c color.NRGBA) {
	s.Shapes = append(s.Shapes, Shape{Kind: shapeRect, X: r.X, Y: r.Y, W: r.W, H: r.H, R: radius, Color: c})
}

func (s *Scene) frame(r Rect, radius, width float32, c color.NRGBA) {
	s.Shapes = append(s.Shapes, Shape{Kind: shapeFrame, X: r.X, Y: r.Y, W: r.W, H: r.H, R: radius, Line: width, Color: c})
}

func (s *Scene) dot(x, y, radius float32, c color.NRGBA, tag Tag) {
	s.Shapes = append(s.Shapes, Shape{Kind: shapeDot, Tag: tag, X: x, Y: y, R: radius, Color: c})
}

func (s *Scene) ring(x, y, radius, width float32, c color.NRGBA, tag Tag) {
	s.Shapes = append(s.Shapes, Shape{Kind: shapeRing, Tag: tag, X: x, Y: y, R: radius, Line: width, Color: c})
}

func (s *Scene) line(x0, y0, x1, y1, width float32, c color.NRGBA) {
	s.Shapes = append(s.Shapes, Shape{Kind: shapeLine, X: x0, Y: y0, W: x1, H: y1, Line: width, Color: c})
}

func (s *Scene) text(x, y float32, str string, f Font, a Align, c color.NRGBA) {
	s.Shapes = append(s.Shapes, Shape{Kind: shapeText, X: x, Y: y, Text: str, Font: f, Align: a, Color: c})
}

// tag marks the last shape added.
func (s *Scene) tag(t Tag) { s.Shapes[len(s.Shapes)-1].Tag = t }

// Count is the number of shapes tagged t.
func (s *Scene) Count(t Tag) int {
	n := 0
	for i := range s.Shapes {
		if s.Shapes[i].Tag == t {
			n++
		}
	}
	return n
}

// Find returns the shapes tagged t.
func (s *Scene) Find(t Tag) []Shape {
	var out []Shape
	for _, sh := range s.Shapes {
		if sh.Tag == t {
			out = append(out, sh)
		}
	}
	return out
}

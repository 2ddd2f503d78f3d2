package reports

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"regexp"

	xfont "golang.org/x/image/font"
	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Format is an output format of charts and reports.
type Format string

// Formats.
const (
	PNG  Format = "png"
	SVG  Format = "svg"
	PDF  Format = "pdf"
	HTML Format = "html"
	CSV  Format = "csv"
)

// ImageFormats are the formats every chart is written in.
func ImageFormats() []Format { return []Format{PNG, SVG, PDF} }

// pngDPI is the resolution of PNG charts, dots per inch.
const pngDPI = 96

// Default chart sizes, inches.
const (
	defaultWidth       = 10
	defaultPanelHeight = 3.6
	titleHeight        = 0.45
)

// Render draws c to w as a PNG, SVG or PDF image.
func Render(w io.Writer, c Chart, f Format) error {
	wd, ht := c.size()
	var cv vg.CanvasWriterTo
	switch f {
	case PNG:
		cv = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(wd, ht), vgimg.UseDPI(pngDPI))}
	case SVG:
		cv = vgsvg.New(wd, ht)
	case PDF:
		cv = newPDFCanvas(wd, ht)
	default:
		return fmt.Errorf("reports: chart format %q: want png, svg or pdf", f)
	}
	if err := drawChart(draw.New(cv), c); err != nil {
		return fmt.Errorf("chart %s: %w", c.Name, err)
	}
	if f == PNG {
		_, err := cv.WriteTo(w)
		return err
	}
	var b bytes.Buffer
	if _, err := cv.WriteTo(&b); err != nil {
		return err
	}
	out := fixPDFDates(b.Bytes())
	if f == SVG {
		out = fixSVGFonts(b.Bytes())
	}
	_, err := w.Write(out)
	return err
}

// pdfDate matches the creation and modification dates fpdf stamps with the
// wall clock.
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:\d{14}`)

// fixPDFDates pins a PDF's dates to a fixed value of the same length (so the
// cross-reference offsets stay valid): the same results give the same bytes.
func fixPDFDates(pdf []byte) []byte {
	return pdfDate.ReplaceAllFunc(pdf, func(m []byte) []byte {
		return append(bytes.TrimRight(m[:len(m)-14], "0123456789"), "20000101000000"...)
	})
}

// fixSVGFonts adds fallbacks to the font family gonum/plot names, so that
// viewers without Liberation Sans use the metric-compatible Arial.
func fixSVGFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
}

// size returns the chart's size on paper.
func (c Chart) size() (w, h vg.Length) {
	wd, ht := c.Width, c.Height
	if wd == 0 {
		wd = defaultWidth
	}
	if ht == 0 {
		ht = titleHeight + defaultPanelHeight*float64(c.rows())
	}
	return vg.Length(wd) * vg.Inch, vg.Length(ht) * vg.Inch
}

func (c Chart) cols() int {
	if c.Cols < 1 {
		return 1
	}
	return c.Cols
}

func (c Chart) rows() int {
	return max(1, (len(c.Panels)+c.cols()-1)/c.cols())
}

// drawChart draws the title and the panels of c on dc.
func drawChart(dc draw.Canvas, c Chart) error {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	title := textStyle(14, true)
	title.XAlign, title.YAlign = draw.XCenter, draw.YCenter
	lines := wrap(c.Title, title, dc.Max.X-dc.Min.X-vg.Points(24)) // a long title wraps instead of running off the page
	const lead = 17                                                // points between title lines
	top := vg.Length(titleHeight)*vg.Inch + vg.Length(max(0, len(lines)-1)*lead)
	for i, l := range lines {
		y := dc.Max.Y - top/2 + vg.Length(lead)*(vg.Length(len(lines)-1)/2-vg.Length(i))
		dc.FillText(title, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: y}, l)
	}
	area := dc
	area.Max.Y -= top
	if len(c.Panels) == 0 {
		return nil
	}
	rows, cols := c.rows(), c.cols()
	plots := make([][]*plot.Plot, rows)
	for r := range plots {
		plots[r] = make([]*plot.Plot, cols)
	}
	legends := make([][]legendEntry, len(c.Panels))
	for i, p := range c.Panels {
		pl, leg, err := newPlot(p)
		if err != nil {
			return fmt.Errorf("panel %d: %w", i, err)
		}
		plots[i/cols][i%cols], legends[i] = pl, leg
	}
	pad := vg.Points(6)
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: 4 * pad, PadY: 2 * pad,
		PadLeft: pad, PadRight: 2 * pad, PadBottom: pad, PadTop: pad}
	canvases := plot.Align(plots, tiles, area)
	for i, p := range c.Panels {
		pl, cv := plots[i/cols][i%cols], canvases[i/cols][i%cols]
		if len(legends[i]) == 0 {
			pl.Draw(cv)
			continue
		}
		l := layoutPanel(pl, p, legends[i], cv)
		pl.Draw(l.plot)
		l.draw(cv)
	}
	return nil
}

// textStyle returns black Liberation Sans text of the given size in points,
// the typeface of all chart and report text.
func textStyle(size float64, bold bool) text.Style {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(size)}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: color.Black, Font: f, Handler: text.Plain{Fonts: font.DefaultCache},
		XAlign: draw.XLeft, YAlign: draw.YBottom}
}

// pdfCanvas works around three limits of vgpdf. It embeds every font
// under the same file name, so a document shows only the first font it
// used: text is drawn in the regular face only, bold by overprinting it
// slightly shifted. It writes text bytes as Windows-1252, so text is
// translated to it. And it takes colours' premultiplied components as
// straight ones, which darkens translucent fills, so colours are passed
// with straight components.
type pdfCanvas struct{ *vgpdf.Canvas }

func newPDFCanvas(w, h vg.Length) pdfCanvas { return pdfCanvas{vgpdf.New(w, h)} }

func (c pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	s = toWindows1252(s)
	if f.Font.Weight != xfont.WeightBold {
		c.Canvas.FillString(f, pt, s)
		return
	}
	f.Font.Weight = xfont.WeightNormal
	f = font.DefaultCache.Lookup(f.Font, f.Font.Size)
	c.Canvas.FillString(f, pt, s)
	pt.X += f.Font.Size / 30
	c.Canvas.FillString(f, pt, s)
}

func (c pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.Canvas.SetColor(straight(color.NRGBAModel.Convert(clr).(color.NRGBA)))
}

// straight is a colour whose RGBA method returns non-premultiplied
// components, which is what vgpdf expects.
type straight color.NRGBA

func (s straight) RGBA() (r, g, b, a uint32) {
	x := func(v uint8) uint32 { return uint32(v) * 0x101 }
	return x(s.R), x(s.G), x(s.B), x(s.A)
}

// toWindows1252 encodes s for vgpdf, spelling out what the code page lacks.
func toWindows1252(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if e, ok := charmap.Windows1252.EncodeRune(r); ok {
			b = append(b, e)
			continue
		}
		switch r {
		case '−':
			b = append(b, '-')
		case '√':
			b = append(b, "sqrt"...)
		case '→':
			b = append(b, "->"...)
		case '≥':
			b = append(b, ">="...)
		case '≤':
			b = append(b, "<="...)
		default:
			b = append(b, '?')
		}
	}
	return string(b)
}

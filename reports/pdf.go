package reports

import (
	"bytes"
	"image/color"
	"io"
	"strconv"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PDF page geometry, points: A4 landscape.
const (
	pageW     = 842
	pageH     = 595
	margin    = 40
	footerGap = 22
)

// pdfDoc lays a document out on pages from top to bottom.
type pdfDoc struct {
	cv    pdfCanvas
	dc    draw.Canvas
	y     vg.Length // top of the free space on the page
	x     vg.Length // left edge of text and tables: the margin, or a second column's edge
	page  int
	title string
}

// writePDF writes d as a multi-page PDF: the summary, key figures and
// method notes first, then one chart per page, then the detail tables.
func writePDF(w io.Writer, d document) error {
	p := &pdfDoc{cv: newPDFCanvas(pageW, pageH), title: d.Kind + ": " + d.Title, x: margin}
	p.dc = draw.New(p.cv)
	p.start()
	p.line(d.Kind, textStyle(10, false), 14)
	for _, l := range wrap(d.Title, textStyle(20, true), pageW-2*margin) {
		p.line(l, textStyle(20, true), 26)
	}
	p.y -= 4
	for _, v := range d.Verdict {
		p.paragraphStyle(v, textStyle(11, true), 15)
	}
	// The figures first, side by side when they fit; then the facts.
	tables := []Table{d.KPIs}
	for _, t := range d.More {
		if len(t.Rows) > 0 {
			tables = append(tables, t)
		}
	}
	for len(tables) > 1 && p.sideBySide(tables[0], tables[1]) {
		tables = tables[2:]
	}
	for _, t := range tables {
		p.section(t)
	}
	p.section(d.Facts)
	p.heading("Method")
	for _, n := range d.Notes {
		p.paragraph(n)
	}
	for _, c := range d.Charts {
		p.newPage()
		if err := p.chart(c); err != nil {
			return err
		}
	}
	for i, t := range d.Details {
		if i == 0 {
			p.newPage()
		}
		p.section(t)
	}
	p.footer()
	var b bytes.Buffer
	if _, err := p.cv.WriteTo(&b); err != nil {
		return err
	}
	subject := d.Subject
	if subject == "" {
		subject = d.Title
	}
	_, err := w.Write(setPDFInfo(fixPDFDates(b.Bytes()), d.Kind+": "+d.Title, subject))
	return err
}

// columnGap is the space between two tables side by side, points.
const columnGap = 28

// sideBySide writes tables a and b as sections next to each other if both
// fit across the page and below the cursor; it reports whether it did.
func (p *pdfDoc) sideBySide(a, b Table) bool {
	wa, wb := sectionWidth(a), sectionWidth(b)
	h := headingH + 19 + max(tableH(a), tableH(b))
	if wa+wb+columnGap > pageW-2*margin || p.y-h < margin+footerGap/2 {
		return false
	}
	top := p.y
	p.section(a)
	bottom := p.y
	p.y, p.x = top, margin+wa+columnGap
	p.section(b)
	p.y, p.x = min(bottom, p.y), margin
	return true
}

// sectionWidth is the width of a section: its table, title and caption.
func sectionWidth(t Table) vg.Length {
	w := sum(columnWidths(t, textStyle(9, false), textStyle(9, true)))
	w = max(w, textStyle(14, true).Width(t.Title))
	if t.Caption != "" {
		w = max(w, textStyle(10, false).Width(t.Caption))
	}
	return w
}

func sum(ws []vg.Length) vg.Length {
	var t vg.Length
	for _, w := range ws {
		t += w
	}
	return t
}

// section writes a table under its title and caption, keeping the title
// with the table and a table that fits on a page on one page.
func (p *pdfDoc) section(t Table) {
	p.need(headingH + 19 + min(tableH(t), 3*rowH)) // no heading alone at the foot of a page
	if h := headingH + 19 + tableH(t); h < pageH-2*margin-footerGap {
		p.need(h)
	}
	p.heading(t.Title)
	if t.Caption != "" {
		p.paragraph(t.Caption)
	}
	if len(t.Rows) == 0 {
		p.paragraph("None.")
		return
	}
	p.table(t)
}

func (p *pdfDoc) start() {
	p.page++
	p.y = pageH - margin
}

func (p *pdfDoc) newPage() {
	p.footer()
	p.cv.NextPage()
	p.start()
}

func (p *pdfDoc) footer() {
	sty := textStyle(8, false)
	sty.Color = color.Gray{Y: 110}
	p.dc.FillText(sty, vg.Point{X: margin, Y: margin - 18}, clip("ccsim · "+p.title, sty, pageW-2*margin-60))
	sty.XAlign = draw.XRight
	p.dc.FillText(sty, vg.Point{X: pageW - margin, Y: margin - 18}, "page "+strconv.Itoa(p.page))
}

// need starts a new page unless h points fit above the bottom margin.
func (p *pdfDoc) need(h vg.Length) {
	if p.y-h < margin+footerGap/2 {
		p.newPage()
	}
}

// line writes one line of text and moves down by lead points.
func (p *pdfDoc) line(s string, sty text.Style, lead vg.Length) {
	p.need(lead)
	sty.YAlign = draw.YTop
	p.dc.FillText(sty, vg.Point{X: p.x, Y: p.y}, s)
	p.y -= lead
}

// headingH is the height of a heading, points.
const headingH = 32

func (p *pdfDoc) heading(s string) {
	p.need(60) // keep a heading with what follows
	p.y -= headingH - 22
	p.line(s, textStyle(14, true), 22)
}

// paragraph writes text wrapped to the page width.
func (p *pdfDoc) paragraph(s string) { p.paragraphStyle(s, textStyle(10, false), 14) }

// paragraphStyle writes text in sty wrapped to the page width, lead points apart.
func (p *pdfDoc) paragraphStyle(s string, sty text.Style, lead vg.Length) {
	for _, l := range wrap(s, sty, pageW-margin-p.x) {
		p.line(l, sty, lead)
	}
	p.y -= 5
}

// clip shortens s with an ellipsis to fit width.
func clip(s string, sty text.Style, width vg.Length) string {
	if sty.Width(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && sty.Width(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// wrap splits s into lines no wider than width.
func wrap(s string, sty text.Style, width vg.Length) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if cur != "" && sty.Width(next) > width {
			lines = append(lines, cur)
			next = w
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// Table geometry, points.
const (
	rowH    = 15
	cellPad = 8
)

// tableH is the height of table t on one page.
func tableH(t Table) vg.Length { return vg.Length(len(t.Rows)+1)*rowH + 8 }

// table draws t with a header row repeated on each page it spans.
func (p *pdfDoc) table(t Table) {
	body, head := textStyle(9, false), textStyle(9, true)
	widths := columnWidths(t, body, head)
	header := func() {
		if t.HasHeader() {
			p.row(t, widths, t.Columns, head, color.Gray{Y: 238})
		}
	}
	if h := tableH(t); h < pageH-2*margin-footerGap-60 {
		p.need(h) // keep a table that fits on a page together
	}
	p.need(2 * rowH)
	header()
	for i, r := range t.Rows {
		if p.y-rowH < margin+footerGap/2 {
			p.newPage()
			header()
		}
		var fill color.Color
		if i%2 == 1 {
			fill = color.Gray{Y: 248}
		}
		p.row(t, widths, r, body, fill)
	}
	p.y -= 8
}

// columnWidths fits each column to its widest cell.
func columnWidths(t Table, body, head text.Style) []vg.Length {
	widths := make([]vg.Length, len(t.Columns))
	for j, c := range t.Columns {
		widths[j] = head.Width(c)
		for _, r := range t.Rows {
			if j < len(r) {
				widths[j] = max(widths[j], body.Width(r[j]))
			}
		}
		widths[j] += 2 * cellPad
	}
	return widths
}

// row draws one table row on an optional background and moves down.
func (p *pdfDoc) row(t Table, widths []vg.Length, cells []string, sty text.Style, fill color.Color) {
	x := p.x
	var total vg.Length
	for _, w := range widths {
		total += w
	}
	if fill != nil {
		r := vg.Rectangle{Min: vg.Point{X: x, Y: p.y - rowH}, Max: vg.Point{X: x + total, Y: p.y}}
		p.dc.FillPolygon(fill, corners4(r))
	}
	for j, c := range cells {
		s := sty
		s.YAlign = draw.YCenter
		pt := vg.Point{X: x + cellPad, Y: p.y - rowH/2}
		if t.Numeric && j > 0 {
			s.XAlign, pt.X = draw.XRight, x+widths[j]-cellPad
		}
		p.dc.FillText(s, pt, c)
		x += widths[j]
	}
	p.dc.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 215}, Width: 0.5}, p.x, p.y-rowH, p.x+total, p.y-rowH)
	p.y -= rowH
}

// chart draws c across the page below the cursor, keeping its proportions.
func (p *pdfDoc) chart(c Chart) error {
	w, h := c.size()
	availW, availH := vg.Length(pageW-2*margin), p.y-margin-footerGap
	scale := min(availW/w, availH/h)
	w, h = w*scale, h*scale
	x0 := margin + (availW-w)/2
	dc := p.dc
	dc.Rectangle = vg.Rectangle{Min: vg.Point{X: x0, Y: p.y - h}, Max: vg.Point{X: x0 + w, Y: p.y}}
	p.y -= h
	return drawChart(dc, c)
}

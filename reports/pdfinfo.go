package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// pdfXrefEntry matches one in-use entry of a PDF cross-reference table.
var pdfXrefEntry = regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) n \n`)

// pdfStartXref matches the offset of the cross-reference table at the end.
var pdfStartXref = regexp.MustCompile(`startxref\n(\d+)\n%%EOF`)

// setPDFInfo adds a title and subject to the document information of a PDF
// written by vgpdf (which sets only the producer and dates), shifting the
// cross-reference offsets of the objects after it. A PDF of another shape
// is returned unchanged.
func setPDFInfo(pdf []byte, title, subject string) []byte {
	at := bytes.Index(pdf, []byte("\n/Producer "))
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if at < 0 || xref < at {
		return pdf
	}
	ins := []byte("\n/Title " + pdfText(title) + "\n/Subject " + pdfText(subject))
	delta := len(ins)
	out := make([]byte, 0, len(pdf)+delta)
	out = append(out, pdf[:at]...)
	out = append(out, ins...)
	out = append(out, pdf[at:xref]...)
	tail := pdfXrefEntry.ReplaceAllFunc(pdf[xref:], func(m []byte) []byte {
		off, _ := strconv.Atoi(string(m[:10]))
		if off > at {
			off += delta
		}
		return fmt.Appendf(nil, "%010d%s", off, m[10:])
	})
	tail = pdfStartXref.ReplaceAllFunc(tail, func(m []byte) []byte {
		off, _ := strconv.Atoi(string(pdfStartXref.FindSubmatch(m)[1]))
		return fmt.Appendf(nil, "startxref\n%d\n%%%%EOF", off+delta)
	})
	return append(out, tail...)
}

// pdfText is s as a PDF hex string in UTF-16BE with a byte-order mark.
func pdfText(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

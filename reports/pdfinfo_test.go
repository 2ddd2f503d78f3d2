package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
)

// TestPDFInfo checks that the title and subject are in the document
// information and that every cross-reference offset still points at its
// object after they were inserted.
func TestPDFInfo(t *testing.T) {
	var b bytes.Buffer
	if err := (Report{Results: synthetic(t, 4, 3)}).WritePDF(&b); err != nil {
		t.Fatal(err)
	}
	pdf := b.Bytes()
	if !bytes.Contains(pdf, []byte("/Title "+pdfText("Simulation report: Synthetic day"))) ||
		!bytes.Contains(pdf, []byte("/Subject "+pdfText("Synthetic day"))) {
		t.Error("no title or subject in the document information")
	}
	x := bytes.LastIndex(pdf, []byte("\nxref\n0 "))
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if x < 0 || m == nil {
		t.Fatal("no cross-reference table")
	}
	if at, _ := strconv.Atoi(string(m[1])); at != x+1 {
		t.Errorf("startxref %d, the table is at %d", at, x+1)
	}
	for i, e := range pdfXrefEntry.FindAllSubmatch(pdf[x:], -1) {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("entry %d: offset %d holds %.12q, want %q", i+1, off, pdf[off:], want)
		}
	}
}

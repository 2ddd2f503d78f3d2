package reports

import (
	"bytes"
	"testing"
)

// TestPDFDatesPinned checks that PDF output does not depend on the wall clock:
// fpdf stamps the time of writing, which would make identical results give
// different bytes.
func TestPDFDatesPinned(t *testing.T) {
	in := []byte("<< /Producer (x) /CreationDate (D:20261122134302) /ModDate (D:20261122134310) >>")
	got := fixPDFDates(in)
	want := []byte("<< /Producer (x) /CreationDate (D:20000101000000) /ModDate (D:20000101000000) >>")
	if !bytes.Equal(got, want) {
		t.Errorf("fixPDFDates = %q, want %q", got, want)
	}
	if len(got) != len(in) {
		t.Errorf("length changed from %d to %d: xref offsets would break", len(in), len(got))
	}
}

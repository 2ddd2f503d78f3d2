package records

import (
	"bytes"
	"context"
	"testing"

	"github.com/ccsim/ccsim/sim"
)

// generated returns days of sc as a log in format.
func generated(tb testing.TB, sc *sim.Scenario, days int, format LogFormat) *bytes.Buffer {
	tb.Helper()
	var buf bytes.Buffer
	lw, err := NewLogWriter(&buf, format)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Generate(context.Background(), sc, days, lw, nil); err != nil {
		tb.Fatal(err)
	}
	return &buf
}

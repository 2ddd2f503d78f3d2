package trainer

import (
	"strings"
	"testing"
)

// TestExprDepthLimit checks that deeply nested expressions are load errors
// with the key path, not a stack overflow, and that ordinary nesting loads.
func TestExprDepthLimit(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "mood > 0" + strings.Repeat(close, n)
	}
	tests := []struct {
		name string
		cond string
		want string // "" for no error
	}{
		{"10 parentheses", deep("(", ")", 10), ""},
		{"63 parentheses", deep("(", ")", 63), ""},
		{"100,000 parentheses", deep("(", ")", 100_000), "nested deeper than 64"},
		{"100,000 unclosed parentheses", strings.Repeat("(", 100_000), "nested deeper than 64"},
		{"100,000 nots", strings.Repeat("!", 100_000) + "true", "nested deeper than 64"},
		{"100,000 calls", strings.Repeat("max(", 100_000) + "1" + strings.Repeat(")", 100_000) + " > 0", "nested deeper than 64"},
		{"a chain of 5,000 operators", strings.Repeat("mood + ", 5000) + "1 > 0", "more than 1000 operators"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := testScript()
			sc.Triggers[0].When = tc.cond
			err := sc.Validate()
			if tc.want == "" {
				if err != nil {
					t.Errorf("Validate() = %v, want no error", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want an error containing %q", tc.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || !strings.Contains(msg, "trigger.0.when") {
				t.Errorf("Validate() = %.200s, want %q at trigger.0.when", msg, tc.want)
			}
		})
	}
}

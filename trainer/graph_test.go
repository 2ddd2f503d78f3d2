package trainer

import (
	"strings"
	"testing"
)

func TestGraph(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"dot", []string{`"a" -> "b" [label="verify"]`, `"_anywhere" -> "hangup"`, "doubleoctagon", `"a" [label="a\n(3)"]`}},
		{"mermaid", []string{`n0 -->|"verify"| n1`, "n2([\"happy<br/>[happy]<br/>(0)\"])", "style n4 fill:#f38ba8"}},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			out, err := testScript().Graph(GraphOptions{Format: tc.format, Visits: map[string]int{"a": 3}})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("Graph(%s) lacks %q:\n%s", tc.format, w, out)
				}
			}
		})
	}
	if _, err := testScript().Graph(GraphOptions{Format: "svg"}); err == nil {
		t.Error("Graph(svg) succeeded, want an error")
	}
}

func TestLintTestScript(t *testing.T) {
	got := Lint(testScript())
	for _, f := range got.Errors() {
		t.Errorf("Lint(testScript) error: %s", f)
	}
}

func TestStats(t *testing.T) {
	st := testScript().Stats()
	if st.Nodes != 5 || st.Ends != 3 || st.Replies != 3 || st.Critical != 1 {
		t.Errorf("Stats() = %+v, want 5 nodes, 3 ends, 3 replies, 1 critical rule", st)
	}
}

package scenarios

import "testing"

func TestIndexLines(t *testing.T) {
	src := `name = "x" # comment
[service_level]
threshold = "20s"

[[intents]]
name = "a"
handle_time = { dist = "lognormal", mean = "4m" }

[[intents]]
name = "b"
share = 0.4
multi = """
x = 1
"""
after = 1

[node.handoff]
lines = [ { when = "a", text = "b" },
          { text = "c" } ]
[[node.handoff.reply]]
id = "r1"
[[node.other.reply]]
id = "r2"
[[node.handoff.reply]]
id = "r3"
`
	ix := indexLines(src)
	tests := []struct {
		path string
		want int
	}{
		{"name", 1},
		{"service_level.threshold", 3},
		{"intents.0.name", 6},
		{"intents.0.handle_time.mean", 7},
		{"intents.1.name", 10},
		{"intents.1.share", 11},
		{"intents.share", 11},
		{"intents.name", 6},
		{"intents.1.after", 15},
		{"node.handoff.lines.1.text", 19},
		{"node.handoff.lines.0.when", 18},
		{"node.handoff.reply.0.id", 21},
		{"node.other.reply.0.id", 23},
		{"node.handoff.reply.1.id", 25},
	}
	for _, tc := range tests {
		if got := ix.lookup(tc.path); got != tc.want {
			t.Errorf("lookup(%q) = %d, want %d", tc.path, got, tc.want)
		}
	}
	if _, ok := ix["x"]; ok {
		t.Errorf("key inside a multi-line string was indexed")
	}
}

// TestIndexLinesTerminates feeds malformed text that once made the scanner spin.
func TestIndexLinesTerminates(t *testing.T) {
	for _, src := range []string{
		"profile = [10, 20\n[[intents]]\nhandle_time = { dist = \"e\", mean = \"3m\" }\n",
		"a = [}}}",
		"a = [ { b = 1 ",
		"a = \"\"\"unterminated",
		"[[",
		"x = [[[[",
	} {
		indexLines(src) // must return
	}
}

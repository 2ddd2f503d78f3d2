package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusScript is a small script with rules by example and its own corpus.
const corpusScript = `[scenario]
id = "corpus-mini"
title = "Corpus mini"
version = 1
start = "a"
modes = ["free"]

[rubric]
pass_pct = 50
dims = [ { id = "care", weight = 1, max = 2 } ]

[[rule]]
id = "verify"
kind = "require"
examples = ["can you confirm your date of birth", "I need to verify your identity first"]
before_tag = "money"
dim = "care"
penalty = 1

[node.a]
say = "I want my money back."

[[node.a.reply]]
id = "refund"
label = "Refund"
examples = ["I'll refund the charge now", "you'll get your money back today"]
score = { care = 2 }
goto = "done"

[[node.a.reply]]
id = "ask"
label = "Ask what happened"
examples = ["what happened exactly", "can you tell me what went wrong"]

[node.a.fallback]
say = "What?"

[node.done]
tags = ["money"]
end = "ok"
debrief = "Done."
`

const corpusLines = `
[[corpus]]
text = "I will refund the payment right away"
node = "a"
reply = "refund"
kind = "paraphrase"

[[corpus]]
text = "no need to verify who you are"
node = "a"
fires = ["verify"]
kind = "breach"

[[corpus]]
text = "purple monkey dishwasher banana"
node = "a"
reply = ""
kind = "salad"
`

func TestScriptTestCorpus(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "mini.roleplay.toml")
	if err := os.WriteFile(script, []byte(corpusScript+corpusLines), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.corpus.toml")
	wrong := "[[line]]\ntext = \"tell me what went wrong\"\nnode = \"a\"\nreply = \"refund\"\nkind = \"paraphrase\"\n"
	if err := os.WriteFile(bad, []byte(wrong), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"own corpus passes", []string{"script", "test", script, "--runs", "5"}, 0,
			[]string{"corpus: 3 of 3 lines right", "paraphrase   1 lines, 100% right"}},
		{"--corpus file fails", []string{"script", "test", script, "--runs", "5", "--corpus", bad}, 1,
			[]string{"bad.corpus.toml:1: paraphrase at a", "want reply refund", "got  reply ask", "FAIL corpus paraphrase"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := ccsimIn(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

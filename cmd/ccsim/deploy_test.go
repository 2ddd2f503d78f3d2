package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The Kubernetes manifest is checked with a small reader for the YAML it
// uses (block mappings and sequences, plain and quoted scalars, flow
// sequences of scalars, comments, documents split by ---), so no YAML
// library is needed.

type yline struct {
	indent int
	text   string
	num    int
}

// parseYAML reads the documents of src.
func parseYAML(src string) ([]any, error) {
	var docs []any
	for _, part := range strings.Split("\n"+src, "\n---") {
		var lines []yline
		for i, l := range strings.Split(part, "\n") {
			l = stripComment(l)
			if strings.TrimSpace(l) == "" {
				continue
			}
			lines = append(lines, yline{indent: len(l) - len(strings.TrimLeft(l, " ")), text: strings.TrimSpace(l), num: i})
		}
		if len(lines) == 0 {
			continue
		}
		v, rest, err := yblock(lines, lines[0].indent)
		if err != nil {
			return nil, err
		}
		if len(rest) > 0 {
			return nil, fmt.Errorf("line %q: unexpected indentation", rest[0].text)
		}
		docs = append(docs, v)
	}
	return docs, nil
}

// stripComment removes a # comment outside quotes.
func stripComment(l string) string {
	var quote byte
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || l[i-1] == ' '):
			return strings.TrimRight(l[:i], " ")
		}
	}
	return strings.TrimRight(l, " ")
}

// yblock reads the mapping or sequence starting at lines[0] (at indent).
func yblock(lines []yline, indent int) (any, []yline, error) {
	if strings.HasPrefix(lines[0].text, "- ") || lines[0].text == "-" {
		var seq []any
		for len(lines) > 0 && lines[0].indent == indent && strings.HasPrefix(lines[0].text+" ", "- ") {
			item := strings.TrimSpace(strings.TrimPrefix(lines[0].text, "-"))
			if !strings.Contains(item, ": ") && !strings.HasSuffix(item, ":") {
				seq, lines = append(seq, yscalar(item)), lines[1:]
				continue
			}
			// "- key: value" starts a mapping indented past the dash.
			lines[0] = yline{indent: indent + 2, text: item, num: lines[0].num}
			v, rest, err := yblock(lines, indent+2)
			if err != nil {
				return nil, nil, err
			}
			seq, lines = append(seq, v), rest
		}
		return seq, lines, nil
	}
	m := map[string]any{}
	for len(lines) > 0 && lines[0].indent == indent {
		key, val, ok := strings.Cut(lines[0].text, ":")
		if !ok {
			return nil, nil, fmt.Errorf("line %d %q: want key: value", lines[0].num, lines[0].text)
		}
		key, val = strings.Trim(strings.TrimSpace(key), `"'`), strings.TrimSpace(val)
		lines = lines[1:]
		if val != "" {
			m[key] = yscalar(val)
			continue
		}
		if len(lines) == 0 || lines[0].indent < indent || (lines[0].indent == indent && !strings.HasPrefix(lines[0].text, "-")) {
			m[key] = nil
			continue
		}
		v, rest, err := yblock(lines, lines[0].indent)
		if err != nil {
			return nil, nil, err
		}
		m[key], lines = v, rest
	}
	return m, lines, nil
}

// yscalar reads a plain or quoted scalar, or a flow sequence of them.
func yscalar(s string) any {
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		var out []any
		for _, p := range splitFlow(s[1 : len(s)-1]) {
			out = append(out, yscalar(strings.TrimSpace(p)))
		}
		return out
	}
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// splitFlow splits at commas outside quotes.
func splitFlow(s string) []string {
	var parts []string
	var quote byte
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ',':
			parts, start = append(parts, s[start:i]), i+1
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		parts = append(parts, s[start:])
	}
	return parts
}

// at follows a path of keys and indices; nil if absent.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			s, _ := v.([]any)
			if k >= len(s) {
				return nil
			}
			v = s[k]
		}
	}
	return v
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestParseYAML(t *testing.T) {
	src := "a: 1 # one\nb:\n  - x\n  - k: 'q # not a comment'\n    l: [\"p\", 'r, s']\nc:\n- 3\n---\nd: e\n"
	docs, err := parseYAML(src)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(docs)
	want := "[map[a:1 b:[x map[k:q # not a comment l:[p r, s]]] c:[3]] map[d:e]]"
	if got != want {
		t.Errorf("parseYAML = %s, want %s", got, want)
	}
}

// TestKubernetesManifest checks deploy/kubernetes/sweep-job.yaml: an
// Indexed Job whose completion index is the shard, as many shards as
// completions, parts on a shared volume, and a merge Job that waits for all
// of them. It then runs the manifest's own commands, with its paths
// replaced by temporary ones, for every index and the merge, and checks the
// result against an unsharded sweep.
func TestKubernetesManifest(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "deploy", "kubernetes", "sweep-job.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := parseYAML(string(data))
	if err != nil {
		t.Fatal(err)
	}
	var sweep, merge, pvc any
	for _, d := range docs {
		switch at(d, "kind") {
		case "Job":
			if at(d, "spec", "completionMode") == "Indexed" {
				sweep = d
			} else {
				merge = d
			}
		case "PersistentVolumeClaim":
			pvc = d
		}
	}
	if sweep == nil || merge == nil || pvc == nil {
		t.Fatalf("manifest needs an Indexed Job, a merge Job and a PersistentVolumeClaim; got %d documents", len(docs))
	}
	n, err := strconv.Atoi(fmt.Sprint(at(sweep, "spec", "completions")))
	if err != nil || n < 2 {
		t.Fatalf("completions = %v, want a number of shards", at(sweep, "spec", "completions"))
	}
	if p, _ := strconv.Atoi(fmt.Sprint(at(sweep, "spec", "parallelism"))); p < 1 || p > n {
		t.Errorf("parallelism %d, want 1..%d", p, n)
	}
	claim := at(pvc, "metadata", "name")
	shard := at(sweep, "spec", "template", "spec", "containers", 0)
	cmd := strs(at(shard, "command"))
	if at(shard, "env", 0, "name") != "JOB_COMPLETION_INDEX" ||
		at(shard, "env", 0, "valueFrom", "fieldRef", "fieldPath") != "metadata.annotations['batch.kubernetes.io/job-completion-index']" {
		t.Errorf("the shard container does not take JOB_COMPLETION_INDEX from the completion index annotation")
	}
	if at(sweep, "spec", "template", "spec", "volumes", 1, "persistentVolumeClaim", "claimName") != claim ||
		at(merge, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName") != claim {
		t.Errorf("shards and merge do not share the claim %v", claim)
	}
	wait := strs(at(merge, "spec", "template", "spec", "initContainers", 0, "command"))
	if !strings.Contains(wait[2], fmt.Sprintf("part-*-of-%d.json", n)) || !strings.Contains(wait[2], fmt.Sprintf("-eq %d", n)) {
		t.Errorf("the merge Job does not wait for %d parts: %q", n, wait[2])
	}
	mergeCmd := strs(at(merge, "spec", "template", "spec", "containers", 0, "command"))

	// Run the manifest's commands on the small test sweep.
	dir := t.TempDir()
	swap := func(s string) string {
		s = strings.ReplaceAll(s, "/config/sweep.toml", filepath.Join("testdata", "sweep-small.toml"))
		return strings.ReplaceAll(s, "/parts", dir)
	}
	for i := 0; i < n; i++ {
		var args []string
		for _, a := range cmd[1:] {
			args = append(args, swap(strings.ReplaceAll(a, "$(JOB_COMPLETION_INDEX)", strconv.Itoa(i))))
		}
		if cmd[0] != "ccsim" || args[0] != "sweep" {
			t.Fatalf("shard command %q, want ccsim sweep ...", cmd)
		}
		if _, errs, code := ccsim(t, args...); code != 0 {
			t.Fatalf("index %d: ccsim %s: exit %d: %s", i, strings.Join(args, " "), code, errs)
		}
	}
	fields := strings.Fields(swap(mergeCmd[2]))
	if fields[0] != "ccsim" || fields[1] != "merge" {
		t.Fatalf("merge command %q, want ccsim merge ...", mergeCmd[2])
	}
	var args []string
	for _, f := range fields[1:] {
		if strings.Contains(f, "*") {
			matches, _ := filepath.Glob(f)
			if len(matches) != n {
				t.Fatalf("merge pattern %s matches %d parts, want %d", f, len(matches), n)
			}
			args = append(args, matches...)
			continue
		}
		args = append(args, f)
	}
	if _, errs, code := ccsim(t, args...); code != 0 {
		t.Fatalf("ccsim %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	whole := filepath.Join(t.TempDir(), "whole")
	if _, errs, code := ccsim(t, "sweep", filepath.Join("testdata", "sweep-small.toml"), "--out", whole); code != 0 {
		t.Fatalf("unsharded sweep: %s", errs)
	}
	a, _ := os.ReadFile(filepath.Join(whole, "sweep.csv"))
	b, err := os.ReadFile(filepath.Join(dir, "result", "sweep.csv"))
	if err != nil || !bytes.Equal(a, b) {
		t.Errorf("the Job's merged sweep.csv differs from the unsharded one (%v)", err)
	}
}

package scenarios

import (
	"os"
	"slices"
	"testing"

	"github.com/ccsim/ccsim/trainer"
)

// TestFreshCorpusIDs checks that the held-out corpora in
// testdata/corpus-fresh, testdata/corpus-blind and testdata/corpus-unseen
// parse and name only nodes, replies, rules, variants and variables their
// script has. It deliberately does not run the matcher on the lines: those
// batches are measured, never tuned on.
func TestFreshCorpusIDs(t *testing.T) {
	for _, dir := range []string{"corpus-fresh", "corpus-blind", "corpus-unseen"} {
		t.Run(dir, func(t *testing.T) {
			corpusIDs(t, "testdata/"+dir)
		})
	}
}

// corpusIDs checks every bundled script's corpus file in dir.
func corpusIDs(t *testing.T, dir string) {
	t.Helper()
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			t.Fatalf("BundledRoleplay(%q): %v", name, err)
		}
		lines, err := LoadCorpus(os.DirFS(dir), name+CorpusSuffix)
		if err != nil {
			t.Errorf("LoadCorpus(%q): %v", name, err)
			continue
		}
		for _, l := range lines {
			if msg := freshLineIDs(sc, l); msg != "" {
				t.Errorf("%s: %s", l.Where, msg)
			}
		}
	}
}

// freshLineIDs says what is wrong with the ids a line names; "" when all are
// known, its node offers replies and its reply is one of them.
func freshLineIDs(sc *trainer.Script, l trainer.CorpusLine) string {
	nodes := map[string]*trainer.Node{}
	for _, n := range sc.Nodes {
		nodes[n.ID] = n
	}
	n := nodes[l.Node]
	if n == nil {
		return "unknown node " + l.Node
	}
	ids := offered(n, nodes)
	if len(ids) == 0 {
		return "node " + l.Node + " offers no replies, so nothing can be said there"
	}
	if l.Reply != "" && !slices.Contains(ids, l.Reply) {
		return "reply " + l.Reply + " is not offered at node " + l.Node
	}
	for _, r := range append(slices.Clone(l.Fires), l.Near) {
		if r != "" && !slices.ContainsFunc(sc.Rules, func(x trainer.Rule) bool { return x.ID == r }) {
			return "unknown rule " + r
		}
	}
	if l.Variant != "" && (sc.Handoff == nil ||
		!slices.ContainsFunc(sc.Handoff.Variants, func(v trainer.Variant) bool { return v.Name == l.Variant })) {
		return "unknown variant " + l.Variant
	}
	for k := range l.Set {
		if !slices.ContainsFunc(sc.Vars, func(v trainer.Var) bool { return v.Name == k }) {
			return "unknown variable " + k
		}
	}
	return ""
}

// offered lists the reply ids a node offers, its own and those it includes.
func offered(n *trainer.Node, nodes map[string]*trainer.Node) []string {
	var ids []string
	for _, r := range n.Replies {
		ids = append(ids, r.ID)
	}
	for _, id := range n.IncludeReplies {
		if m := nodes[id]; m != nil {
			for _, r := range m.Replies {
				ids = append(ids, r.ID)
			}
		}
	}
	return ids
}

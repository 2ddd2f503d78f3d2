package trainer

import (
	"slices"
	"strings"
	"testing"
)

// promiseScript has a forbid rule against promising what a dispute team
// will decide, with varied examples and negated near misses, and replies
// that talk about the same dispute without promising.
func promiseScript() *Script {
	sc := meaningScript("en")
	sc.Rules = append(sc.Rules, Rule{ID: "no-promise", Kind: RuleForbid, Dim: "care", Penalty: 1,
		Examples: []string{"I guarantee you'll get it back", "it's guaranteed to be refunded",
			"the refund is a sure thing, I promise", "I promise the team will say yes",
			"I can guarantee the outcome", "you'll definitely get the full amount back",
			"trust me, they always approve these", "a hundred percent you'll have the money by Friday"},
		NearMisses: []string{"I can't guarantee anything", "I can't promise what they'll decide",
			"I won't promise an outcome", "the team will look at it and decide"}})
	sc.Nodes[0].Replies = sc.Nodes[0].Replies[:3]
	return sc
}

// TestRuleModel: a forbid rule's model fires on a breach that no single
// example is close enough to, with the model named as evidence, and not on
// negated near misses of other wording or on the script's replies.
func TestRuleModel(t *testing.T) {
	sc := promiseScript()
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	k := sc.prog.know
	ri := sc.prog.ruleIndex["no-promise"]
	r := sc.prog.rules[ri]
	if r.model == nil {
		t.Fatal("no model trained for a forbid rule with examples")
	}
	for _, breach := range []string{"it'll be approved, I guarantee it", "guaranteed approval, no question"} {
		rd := k.read(breach)
		if s, _, _ := k.nearestAny(rd.views(), r.ex); s >= k.ruleThreshold() {
			t.Fatalf("test line %q is %.2f close to an example: pick one the examples alone miss", breach, s)
		}
		v := k.judge(r, rd)
		if !v.fires || !strings.Contains(v.ev.Matched, "model") {
			t.Errorf("judge(%q) = fires %v, matched %q; want fired by the rule's model", breach, v.fires, v.ev.Matched)
		}
	}
	for _, line := range []string{"I really can't guarantee what the team decides", "I'll refund the charge now",
		"what happened exactly", "the team will decide, I can't promise anything"} {
		if v := k.judge(r, k.read(line)); v.fires {
			t.Errorf("judge(%q) fires %s (%s); want nothing", line, r.r.ID, v.ev.Matched)
		}
	}
}

// TestTrainRuleDeterministic: the same samples give the same weights, so a
// script loads to the same judgements in every session and replay.
func TestTrainRuleDeterministic(t *testing.T) {
	a, b := promiseScript(), promiseScript()
	for _, sc := range []*Script{a, b} {
		if err := sc.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	ma, mb := a.prog.rules[2].model, b.prog.rules[2].model
	if ma.bias != mb.bias || !slices.Equal(ma.word, mb.word) || !slices.Equal(ma.char, mb.char) {
		t.Error("two loads of one script trained different models")
	}
	if ma.bias == 0 || !slices.ContainsFunc(ma.word, func(w float64) bool { return w != 0 }) {
		t.Error("the model learnt nothing")
	}
}

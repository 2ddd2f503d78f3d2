package trainer

import "testing"

// TestRunCorpusSkippedRequirement: a breach line that names a require rule
// counts when saying it moves past the rule's before_tag without saying
// the thing (the rule fires there in a session), and a line that does not
// leave the node does not; near misses are judged on their words alone.
func TestRunCorpusSkippedRequirement(t *testing.T) {
	sc := meaningScript("")
	lines := []CorpusLine{
		{Text: "sure, I will refund that charge for you right now", Node: "a", Fires: []string{"verify"}, Kind: KindBreach},
		{Text: "is it raining over there", Node: "a", Fires: []string{"verify"}, Kind: KindBreach},
		{Text: "sure, I will refund that charge for you right now", Node: "a", Near: "verify", Kind: KindNearMiss},
		{Text: "no need to verify your identity", Node: "a", Fires: []string{"verify"}, Kind: KindBreach},
	}
	rep := RunCorpus(sc, lines)
	byKind := map[string]KindScore{}
	for _, k := range rep.Kinds {
		byKind[k.Kind] = k
	}
	if b := byKind[KindBreach]; b.Lines != 3 || b.Named != 2 || b.Correct != 2 {
		t.Errorf("breaches: %+v, want 3 lines, 2 firing their rule (the skip and the dismissal), 2 correct; failures %+v", b, rep.Failures)
	}
	if n := byKind[KindNearMiss]; n.Fired != 0 || n.Correct != 1 {
		t.Errorf("near miss that moves past the deadline: %+v, want no rule fired (judged on its words)", n)
	}
}

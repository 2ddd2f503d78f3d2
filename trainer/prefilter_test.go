package trainer

import "testing"

func TestPrefilterNeverHidesAMatch(t *testing.T) {
	patterns := []string{`sorry|apologi[sz]e|apologies`, `(i'll|i will|let me) cancel`, `\bverify\b`, `refund(ed)?`,
		`(?i)REFUND`, `x+y`, `a{2,}b`, `(look|check) (at )?(your|the) account`, `\d+ days`, `.*`, `(a|)b`, `pre-?order`}
	texts := []string{"so sorry about that", "i will cancel it", "let me verify you", "refunded today", "refund",
		"xxy", "aab", "let me check the account", "3 days", "", "b", "preorder now", "pre-order"}
	for _, p := range patterns {
		re, err := compileRx(FoldPattern(p))
		if err != nil {
			t.Fatalf("compileRx(%q): %v", p, err)
		}
		for _, text := range texts {
			if re.MatchString(text) && !re.mayMatch(text) {
				t.Errorf("pattern %q matches %q but the prefilter %q rules it out", p, text, re.need)
			}
		}
	}
	re, _ := compileRx(`sorry|apologi[sz]e`)
	if re.mayMatch("let me check the account") {
		t.Errorf("prefilter %q does not rule out a line without any of its words", re.need)
	}
}

package trainer

import (
	"math"
	"slices"
	"testing"
)

// TestExplain checks that an explanation agrees with the understanding,
// marks negated stems, and that each closeness is the weighted sum of its
// word and character parts, closest first.
func TestExplain(t *testing.T) {
	s := mustStart(t, meaningScript(""), newClock().opts(ModeFree))
	x := s.Explain("no need to verify your identity")
	u := s.Understand("no need to verify your identity")
	if x.Reply != u.Reply || len(x.Fires) != len(u.Fires) || len(x.Fires) == 0 || x.Fires[0].Rule != "verify" {
		t.Fatalf("Explain's understanding %+v differs from Understand's %+v", x.Understanding, u)
	}
	if !slices.Contains(x.Terms, negPrefix+"verifi") {
		t.Errorf("terms %v lack the negated stem ¬verifi", x.Terms)
	}
	if len(x.Closest) < 3 {
		t.Fatalf("only %d closest phrasings", len(x.Closest))
	}
	for i, c := range x.Closest {
		if want := wordWeight*c.Word + (1-wordWeight)*c.Char; c.Target[:4] == "rule" && math.Abs(c.Score-want) > 1e-9 {
			t.Errorf("%s: score %.4f, want %.4f from word %.4f and char %.4f", c.Target, c.Score, want, c.Word, c.Char)
		}
		if i > 0 && c.Score > x.Closest[i-1].Score {
			t.Errorf("closest not sorted: %.3f after %.3f", c.Score, x.Closest[i-1].Score)
		}
	}
	var flipped bool
	for _, c := range x.Closest {
		flipped = flipped || c.View == "negated words" && c.Target == "rule verify"
	}
	if !flipped {
		t.Errorf("the negated words were not compared with rule verify's examples: %+v", x.Closest)
	}
}

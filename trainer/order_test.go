package trainer

import (
	"strings"
	"testing"
)

// TestOrderSalad: sentence words in no sentence's order are word salad and
// not understood; the same words as a sentence are understood; short lines
// are never judged by their order.
func TestOrderSalad(t *testing.T) {
	sc := meaningScript("en")
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	s := mustStart(t, sc, newClock().opts(ModeFree))
	tests := []struct {
		text  string
		salad bool
	}{
		{"sure, I will refund that charge for you right now", false},
		{"for now charge I that right refund sure will you, the", true},
		{"could you tell me what went wrong with the order", false},
		{"wrong me the could order went what with tell you", true},
		{"refund the charge now", false}, // too short to judge by order
		{"the 88.40 roaming charge was added on 12.03 at 9.14pm, so I'll look into it within 3-5 days", false},
	}
	for _, tc := range tests {
		u := s.Understand(tc.text)
		if u.Salad != tc.salad {
			sc, _ := OrderScore("en", tc.text)
			t.Errorf("Understand(%q).Salad = %v, want %v (order score %.2f)", tc.text, u.Salad, tc.salad, sc)
		}
		if tc.salad && u.Reply != "" {
			t.Errorf("word salad %q understood as %q", tc.text, u.Reply)
		}
	}
}

// TestParseOrder: the embedded model format is checked line by line.
func TestParseOrder(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{"", "empty model"},
		{"words a b\n", "line 1"},
		{"function a the\na b\n", "line 2"},
		{"function a the\na b x\n", "line 2: count"},
		{"function a the\na b 0\n", "line 2: count"},
	} {
		_, err := parseOrder(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("parseOrder(%q) = %v, want an error with %q", tc.in, err, tc.err)
		}
	}
	m, err := parseOrder(strings.NewReader("function a the\n<s> the 3\nthe C 3\nC </s> 2\n"))
	if err != nil || m.total != 8 || m.from["the"] != 3 || m.to["</s>"] != 2 {
		t.Errorf("parseOrder(valid) = %+v, %v", m, err)
	}
}

// TestOrderNumbers: a number with its separators is one word of class N;
// its dots and colons end no clause.
func TestOrderNumbers(t *testing.T) {
	m := orderFor("en")
	got, words := m.classes("it was 14.99 at 10:30, or 3-5 days")
	want := "<s> it was N at N | or N days </s>"
	if strings.Join(got, " ") != want || words != 8 {
		t.Errorf("classes = %q (%d words), want %q (8 words)", strings.Join(got, " "), words, want)
	}
}

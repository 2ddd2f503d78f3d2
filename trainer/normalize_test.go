package trainer

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestNormalizeFolding(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"case and punctuation", "Hello, WORLD!  How are you?", "hello world how are you"},
		{"curly apostrophe kept in words", "I’ll check – don’t worry", "i'll check don't worry"},
		{"umlauts and sharp s", "Müll Größe STRASSE Straße", "muell groesse strasse strasse"},
		{"umlaut spellings compare equal", "Rückerstattung", "rueckerstattung"},
		{"accents stripped", "café naïve résumé", "cafe naive resume"},
		{"decimal comma", "14,99 € or 14.99$", "14.99 € or 14.99 $"},
		{"percent and pound", "20% off, £5", "20 % off £ 5"},
		{"fullwidth folded (NFKC)", "ＡＢＣ ﬁne", "abc fine"},
		{"hyphen inside word kept", "pre-order — now", "pre-order now"},
		{"empty", " ?! ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got := Normalize(Normalize(tc.in)); got != tc.want {
				t.Errorf("Normalize twice = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFoldPattern(t *testing.T) {
	tests := []struct {
		name, pattern, text string
		want                bool
	}{
		{"\\b next to an umlaut", `\bmüll\b`, "der Müll ist voll", true},
		{"umlaut pattern, ue text", `rückerstattung`, "Rueckerstattung bitte", true},
		{"upper case pattern", `Refund`, "a REFUND now", true},
		{"euro amount", `14,99 €`, "das kostet 14,99 €", true},
		{"exclamation dropped", `stop!`, "STOP!!", true},
		{"escapes kept", `\d+ \S+`, "12 days", true},
		{"quantifier kept", `a{2,3}h`, "aaah", true},
		{"no match", `\bcancel\b`, "cancellation", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			re, err := regexp.Compile(FoldPattern(tc.pattern))
			if err != nil {
				t.Fatalf("FoldPattern(%q) = %q does not compile: %v", tc.pattern, FoldPattern(tc.pattern), err)
			}
			if got := re.MatchString(Normalize(tc.text)); got != tc.want {
				t.Errorf("FoldPattern(%q) = %q on %q: match %v, want %v", tc.pattern, FoldPattern(tc.pattern), Normalize(tc.text), got, tc.want)
			}
		})
	}
}

func TestPatternProblems(t *testing.T) {
	tests := []struct {
		name, pattern string
		want          []string // substrings, one per problem
	}{
		{"clean", `(sorry|apologi[sz]e) for`, nil},
		{"umlaut is folded, no problem", `\bmüll\b`, nil},
		{"semicolon stripped", `wait; no`, []string{"';'"}},
		{"colon and quote", `"ok": yes`, []string{`'"'`, "':'"}},
		{"ascii \\b next to a non-latin letter", `\bпривет\b`, []string{`\b is ASCII-only`}},
		{"lexicon reference", `@apology now`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := PatternProblems(tc.pattern)
			if len(got) != len(tc.want) {
				t.Fatalf("PatternProblems(%q) = %q, want %d problems", tc.pattern, got, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("PatternProblems(%q)[%d] = %q, want it to mention %s", tc.pattern, i, got[i], w)
				}
			}
		})
	}
}

// negated returns the words of text that lie in negation scopes.
func negated(lang *language, text string) []string {
	ts := newLexer(lang, nil).terms(analyse(text))
	var out []string
	for _, t := range ts {
		if t.neg {
			out = append(out, t.surface)
		}
	}
	return out
}

func TestNegationScope(t *testing.T) {
	tests := []struct {
		name string
		lang *language
		text string
		want []string
	}{
		{"cue to the end of the clause", langEN, "no need to verify anything, let's look", []string{"need", "to", "verify", "anything"}},
		{"n't", langEN, "we don't need your date of birth", []string{"we", "need", "your", "dob"}},
		{"skip", langEN, "we can skip the security questions", []string{"the", "verify"}},
		{"but ends the scope", langEN, "I can't refund it but I can verify you", []string{"refund", "it"}},
		{"a verb cue's scope ends at and", langEN, "let's skip verification and just refund it", []string{"verify"}},
		{"until ends the scope", langEN, "I can't refund until I verify you", []string{"refund"}},
		{"idiom negates nothing", langEN, "don't worry I'll verify you", nil},
		{"don't worry about X dismisses X", langEN, "don't worry about the security questions", []string{"the", "verify"}},
		{"predicate reaches back", langEN, "verification is not needed", []string{"verify", "is", "needed"}},
		{"short clause reaches into the one before", langEN, "security questions, not needed", []string{"verify", "needed"}},
		{"German: whole clause", langDE, "Ich muss Sie nicht verifizieren", []string{"ich", "muss", "sie", "verifizieren"}},
		{"German: verb before nicht", langDE, "Wir verifizieren Sie heute nicht, aber ich helfe", []string{"wir", "verifizieren", "sie", "heute"}},
		{"German: ueberspringen", langDE, "die Sicherheitsfragen überspringen wir", []string{"die", "verifizieren", "wir"}},
		{"German: spare", langDE, "das Geburtsdatum spare ich mir", []string{"das", "geburtsdatum", "ich", "mir"}},
		{"German idiom", langDE, "keine Sorge, ich prüfe das", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := negated(tc.lang, tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("negated(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestSalad(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"purple refund banana verify email sorry", true},
		{"week hold week hold week hold", true},
		{"no no no no yes", true},
		{"I'm sorry, let me refund that for you now", false},
		{"Refund of 14.99 done today, confirmation email sent", false},
		{"ok", false},
	}
	for _, tc := range tests {
		if got := langEN.salad(newLexer(langEN, nil).terms(analyse(tc.text))); got != tc.want {
			t.Errorf("salad(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	german := []struct {
		text string
		want bool
	}{
		{"Welche Rufnummer hatte Ihre Mutter?", false},
		{"Sie könnten den Vertrag übernehmen, dann bekommen Sie drei Monate Rabatt.", false},
		{"Ihren Zählerstand trage ich jetzt ein", false},
		{"Zählerstand Rechnung Lastschrift Portal Foto Abschlag", true},
		{"Freitag Euro Freitag Euro Freitag Euro", true},
	}
	for _, tc := range german {
		if got := langDE.salad(newLexer(langDE, nil).terms(analyse(tc.text))); got != tc.want {
			t.Errorf("German salad(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// FuzzNormalize checks that normalising never panics, is idempotent, and
// that the tokens tile the normalised text.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Hello, World!", "Müll 14,99 €", "don’t skip – ok?", "ＡＢＣ ﬁ", "a'-b", "1,2,3", "\u0301e", "한국어", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := analyse(s)
		if again := Normalize(a.norm); again != a.norm {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, a.norm, again)
		}
		for i, tk := range a.toks {
			if a.norm[tk.start:tk.end] != tk.text {
				t.Fatalf("token %d %q does not sit at [%d,%d) of %q", i, tk.text, tk.start, tk.end, a.norm)
			}
		}
		ts := newLexer(langEN, nil).terms(a)
		bags(ts, false)
		_ = PatternProblems(s)
		if re, err := compileRx(FoldPattern(s)); err == nil && re.MatchString(a.norm) && !re.mayMatch(a.norm) {
			t.Fatalf("pattern %q matches %q but its prefilter %q rules it out", s, a.norm, re.need)
		}
	})
}

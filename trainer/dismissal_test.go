package trainer

import (
	"slices"
	"strings"
	"testing"
)

// dismissScript has a verification rule whose examples name what is checked
// (email, postcode, date of birth), a reply that asks for them, and other
// replies that talk about orders and apologies.
func dismissScript(lang string, ex []string) *Script {
	sc := meaningScript(lang)
	sc.Rules[0].Examples = ex
	sc.Nodes[0].Replies = sc.Nodes[0].Replies[:3] // without check2, which lint finds ambiguous on purpose
	return sc
}

var dismissEN = []string{"can you confirm the email on the account", "what's the postcode on the account",
	"could you give me your date of birth", "I need to verify your identity first", "please confirm your email address",
	"for security, what's your postcode"}

var dismissDE = []string{"koennen Sie mir Ihr Geburtsdatum nennen", "wie lautet die Postleitzahl auf dem Konto",
	"ich muss Sie zuerst verifizieren", "bitte bestaetigen Sie Ihre Anschrift", "nennen Sie mir bitte Ihr Geburtsdatum",
	"zur Sicherheit brauche ich Ihre Anschrift"}

// TestDismissals: a require rule fires on a line that says its step is not
// needed, skipped or not bothered with, naming one of its key words; plain
// negations, dismissals of something else and lines that do the step do not
// fire it.
func TestDismissals(t *testing.T) {
	tests := []struct {
		lang, text string
		fires      bool
	}{
		{"en", "we don't need to go through your email or postcode today", true},
		{"en", "I won't bother with the postcode, the order's enough", true},
		{"en", "there's no point me checking your email, the bot did it", true},
		{"en", "you don't have to give me a date of birth", true},
		{"en", "we can skip the identity stuff", true},
		{"en", "never mind the email, let's sort the refund", true},
		{"en", "I'm not going to ask for your postcode", true},
		{"en", "I can't see an email on the account, can you confirm it?", false},
		{"en", "I don't have your postcode here, what is it?", false},
		{"en", "no need to apologise, it's not your fault", false},
		{"en", "I'm not going to rush you", false},
		{"en", "there's no need to repeat the order number, I have it", false},
		{"de", "Die Sicherheitsabfrage lassen wir weg", true},
		{"de", "Das Geburtsdatum brauchen wir heute nicht", true},
		{"de", "Ihre Anschrift muss ich nicht abfragen", true},
		{"de", "Die Postleitzahl sparen wir uns", true},
		{"de", "Das mit der Anschrift lassen wir", true},
		{"de", "Lassen Sie mich kurz Ihre Anschrift prüfen", false},
		{"de", "Ich finde Ihr Geburtsdatum nicht, wie lautet es?", false},
		{"de", "Sie müssen sich nicht entschuldigen", false},
	}
	for _, tc := range tests {
		ex := dismissEN
		if tc.lang == "de" {
			ex = dismissDE
		}
		s := mustStart(t, dismissScript(tc.lang, ex), newClock().opts(ModeFree))
		u := s.Understand(tc.text)
		i := slices.IndexFunc(u.Fires, func(e RuleEvidence) bool { return e.Rule == "verify" })
		if got := i >= 0; got != tc.fires {
			t.Errorf("%s: Understand(%q) fires verify %v, want %v (fires %+v)", tc.lang, tc.text, got, tc.fires, u.Fires)
			continue
		}
		if i >= 0 && (!u.Fires[i].Dismissal || u.Fires[i].Matched == "") {
			t.Errorf("%s: %q: evidence %+v, want a dismissal saying what it matched", tc.lang, tc.text, u.Fires[i])
		}
	}
}

// TestRuleKeys: key words are the rule's own topic words; words of
// obligation, light verbs and words other phrasings use as much are not.
func TestRuleKeys(t *testing.T) {
	own := [][]string{{"confirm", "email"}, {"email", "postcod"}, {"need", "verifi"}, {"need", "verifi", "ask"}, {"ask", "postcod"}}
	others := [][]string{{"confirm", "order"}, {"confirm", "refund"}, {"order", "email"}}
	keys := langEN.ruleKeys(own, own, others)
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	slices.Sort(got)
	if want := "email,postcod,verifi"; strings.Join(got, ",") != want {
		t.Errorf("ruleKeys = %v, want %s", got, want)
	}
}

// TestLintRuleWithoutKeyWords: lint warns about a require rule whose
// examples name nothing the rest of the script does not say as often, and
// Explain lists the key words of the live require rules.
func TestLintRuleWithoutKeyWords(t *testing.T) {
	sc := dismissScript("", []string{"can you tell me that now", "I need to ask you something first"})
	var found bool
	for _, f := range Lint(sc) {
		found = found || f.Path == "rule.0.examples" && f.Severity == SevWarning && strings.Contains(f.Msg, "no key words")
	}
	if !found {
		t.Errorf("Lint: no warning about rule verify without key words: %v", Lint(sc))
	}
	sc = dismissScript("", dismissEN)
	for _, f := range Lint(sc) {
		if strings.Contains(f.Msg, "no key words") {
			t.Errorf("Lint warns %v, though the examples name email and postcode", f)
		}
	}
	s := mustStart(t, sc, newClock().opts(ModeFree))
	if got := strings.Join(s.Explain("hello").Keys["verify"], ","); got != "confirm,email,postcod" {
		t.Errorf("Explain keys of verify = %q, want confirm,email,postcod", got)
	}
}

// TestDeclinedRepetition: declining to ask again, or because the agent
// already has the thing, is not a dismissal.
func TestDeclinedRepetition(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"en", "no need to give me your email again"},
		{"en", "No need for the postcode, I've already got it here."},
		{"de", "Ihre Anschrift liegt mir schon vor, die brauche ich nicht noch mal."},
		{"de", "Das Geburtsdatum brauche ich nicht erneut"},
	} {
		ex := dismissEN
		if tc.lang == "de" {
			ex = dismissDE
		}
		s := mustStart(t, dismissScript(tc.lang, ex), newClock().opts(ModeFree))
		for _, e := range s.Understand(tc.text).Fires {
			if e.Rule == "verify" {
				t.Errorf("%s: Understand(%q) fires verify (%s); declining a repetition is no dismissal", tc.lang, tc.text, e.Matched)
			}
		}
	}
}

// TestDismissalExamples: a require rule fires on a line close to one of its
// dismissals, not on one that says the thing, and a forbid rule with
// dismissals is refused at load.
func TestDismissalExamples(t *testing.T) {
	sc := dismissScript("", dismissEN)
	sc.Rules[0].Dismissals = []string{"let's leave the security side of things", "we can move straight on to the money",
		"I'm not going to bother with all that", "forget the formalities, let's sort it"}
	for _, tc := range []struct {
		text  string
		fires bool
	}{
		{"let's just leave all the security side", true},
		{"forget the formalities, I will sort it out", true},
		{"please confirm your email address for me", false},
		{"I'll refund the charge now", false},
	} {
		s := mustStart(t, sc, newClock().opts(ModeFree))
		u := s.Understand(tc.text)
		i := slices.IndexFunc(u.Fires, func(e RuleEvidence) bool { return e.Rule == "verify" })
		if (i >= 0) != tc.fires {
			t.Errorf("Understand(%q) fires verify %v, want %v (fires %+v)", tc.text, i >= 0, tc.fires, u.Fires)
		}
		if i >= 0 && tc.fires && !strings.Contains(u.Fires[i].Matched, "dismissal example") {
			t.Errorf("%q: matched %q, want the dismissal example", tc.text, u.Fires[i].Matched)
		}
	}
	sc.Rules[1].Dismissals = []string{"whatever"}
	err := sc.Validate()
	if err == nil || !strings.Contains(err.Error(), "rule.1.dismissals") {
		t.Errorf("Validate with dismissals on a forbid rule = %v, want an error at rule.1.dismissals", err)
	}
}

// TestKeyWordsSkipTheCustomersName: examples that greet the customer by
// name make the name frequent in them, but it is no key word: "please
// don't rush, Dana" dismisses nothing.
func TestKeyWordsSkipTheCustomersName(t *testing.T) {
	var ex []string
	for _, e := range dismissEN {
		ex = append(ex, "Dana, "+e)
	}
	sc := dismissScript("en", ex)
	sc.Persona.Name = "Dana Reyes"
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	keys := sc.prog.rules[0].keys
	if keys["dana"] || !keys["postcod"] {
		t.Errorf("key words %v: want the rule's words (postcod) and not the customer's name", sortedKeys(keys))
	}
	s := mustStart(t, sc, newClock().opts(ModeFree))
	if u := s.Understand("please don't feel rushed, Dana, take your time"); len(u.Fires) > 0 {
		t.Errorf("a line naming the customer in a negated clause fired %+v", u.Fires)
	}
}

package trainer

import (
	"strings"
	"testing"
)

// meaningScript is understood by examples only: no patterns anywhere.
func meaningScript(lang string) *Script {
	return &Script{ID: "m", Title: "M", Version: 1, Start: "a", Seed: 1, Lang: lang,
		Synonyms: map[string][]string{"refund": {"pay back the lot"}},
		Rubric:   Rubric{PassPct: 50, Dims: []Dim{{ID: "care", Weight: 1, Max: 2}}},
		Rules: []Rule{
			{ID: "verify", Kind: RuleRequire, BeforeTag: "money", Dim: "care", Penalty: 1,
				Examples: []string{"can you confirm your date of birth", "I need to verify your identity first",
					"koennen Sie Ihr Geburtsdatum bestaetigen", "ich muss Sie zuerst verifizieren"}},
			{ID: "no-blame", Kind: RuleForbid, Dim: "care", Penalty: 1,
				Examples:   []string{"the bot is useless", "our chatbot is rubbish and stupid"},
				NearMisses: []string{"sorry the bot could not help you"}},
		},
		Nodes: []*Node{
			{ID: "a", Enter: Effect{Lines: say("I want my money back.")}, Replies: []*Reply{
				{ID: "refund", Label: "Refund now", Examples: []string{"I'll refund the charge now", "you'll get your money back today"},
					Effect: Effect{Goto: "done"}},
				{ID: "ask", Label: "Ask what happened", Examples: []string{"what happened exactly", "can you tell me what went wrong"}},
				{ID: "check1", Label: "Check the account", Examples: []string{"let me look at the account"}, Effect: Effect{Do: []string{}}},
				{ID: "check2", Label: "Check the billing", Examples: []string{"let me look at the account"}, Effect: Effect{Goto: "done"}},
			}, Fallback: &Effect{Lines: say("What?")}},
			{ID: "done", Tags: []string{"money"}, End: "ok"},
		}}
}

func TestUnderstand(t *testing.T) {
	tests := []struct {
		name, text string
		reply      string   // want Reply
		ambiguous  bool     //
		fires      []string // rules fired, in order
		satisfies  []string
	}{
		{"paraphrase", "sure, I will refund that charge for you right now", "refund", false, nil, nil},
		{"typo survives", "I'll refnud the charge now", "refund", false, nil, nil},
		{"script synonym", "we'll pay back the lot", "refund", false, nil, nil},
		{"question paraphrase", "so what went wrong exactly?", "ask", false, nil, nil},
		{"negated paraphrase is not the reply", "I won't refund the charge", "", false, nil, nil},
		{"word salad", "refund charge money refund charge money", "", false, nil, nil},
		{"off topic", "is it raining over there", "", false, nil, nil},
		{"tie between different effects", "let me look at the account", "", true, nil, nil},
		{"require satisfied", "could you confirm your date of birth please", "", false, nil, []string{"verify"}},
		{"require dismissed", "no need to verify your identity", "", false, []string{"verify"}, nil},
		{"forbid by example", "honestly that bot is useless", "", false, []string{"no-blame"}, nil},
		{"near miss", "I'm sorry the bot could not help", "", false, nil, nil},
		{"negated breach", "I'd never say the bot is useless", "", false, nil, nil},
	}
	sc := meaningScript("")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := mustStart(t, sc, c.opts(ModeFree))
			before := len(s.Transcript())
			u := s.Understand(tc.text)
			if u.Reply != tc.reply || u.Ambiguous != tc.ambiguous {
				t.Errorf("Understand(%q) = reply %q ambiguous %v (best %s %.2f, runner-up %s %.2f), want %q %v",
					tc.text, u.Reply, u.Ambiguous, u.Best, u.Confidence, u.RunnerUp, u.RunnerUpConfidence, tc.reply, tc.ambiguous)
			}
			var fired []string
			for _, e := range u.Fires {
				fired = append(fired, e.Rule)
				if e.Evidence != tc.text || e.Matched == "" {
					t.Errorf("evidence = %q / %q, want the line and what it matched", e.Evidence, e.Matched)
				}
			}
			if strings.Join(fired, ",") != strings.Join(tc.fires, ",") {
				t.Errorf("Understand(%q).Fires = %v, want %v", tc.text, u.Fires, tc.fires)
			}
			if strings.Join(u.Satisfies, ",") != strings.Join(tc.satisfies, ",") {
				t.Errorf("Understand(%q).Satisfies = %v, want %v", tc.text, u.Satisfies, tc.satisfies)
			}
			if got := len(s.Transcript()); got != before || s.Turn() != 0 {
				t.Errorf("Understand changed the session: transcript %d -> %d, turn %d", before, got, s.Turn())
			}
		})
	}
}

func TestUnderstandGerman(t *testing.T) {
	sc := meaningScript(LangGerman)
	for _, tc := range []struct {
		text  string
		fires bool
	}{
		{"Ich muss Sie nicht verifizieren", true},
		{"Die Sicherheitsfragen ueberspringen wir heute", true},
		{"Koennen Sie bitte Ihr Geburtsdatum bestätigen?", false},
	} {
		s := mustStart(t, sc, newClock().opts(ModeFree))
		if got := len(s.Understand(tc.text).Fires) > 0; got != tc.fires {
			t.Errorf("Understand(%q) fires %v, want %v", tc.text, got, tc.fires)
		}
	}
}

func TestSayRecordsUnderstanding(t *testing.T) {
	sc := meaningScript("")
	c := newClock()
	s := mustStart(t, sc, c.opts(ModeFree))
	for _, line := range []string{"is it raining over there", "let me look at the account", "no need to verify you, I'll refund the charge now"} {
		if err := s.Say(line); err != nil {
			t.Fatalf("Say(%q): %v", line, err)
		}
	}
	var agent []Entry
	for _, e := range s.Transcript() {
		if e.Speaker == "agent" {
			agent = append(agent, e)
		}
	}
	if len(agent) != 3 || agent[0].Reply != "" || agent[1].Reply != "" || agent[2].Reply != "refund" || agent[2].Confidence <= 0 {
		t.Fatalf("agent entries = %+v, want replies \"\", \"\", refund with a confidence", agent)
	}
	if got, want := s.Transcript()[4].Text, "Sorry, do you mean"; !strings.HasPrefix(got, want) || !strings.Contains(got, "Check the account") {
		t.Errorf("clarifying line = %q, want it to start %q and name both labels", got, want)
	}
	d := s.Debrief()
	if len(d.Rules) != 1 || d.Rules[0].ID != "verify" || !strings.Contains(d.Rules[0].Evidence, "no need to verify") {
		t.Errorf("rules fired = %+v, want verify with the trainee's words as evidence", d.Rules)
	}
	if got := s.fallbacks[0]; got != 1 {
		t.Errorf("fallbacks = %d, want 1 (a clarifying question is not a fallback)", got)
	}
}

func TestClarifyEffect(t *testing.T) {
	sc := meaningScript("")
	sc.Nodes[0].Clarify = &Effect{Lines: say("Which do you mean?")}
	s := mustStart(t, sc, newClock().opts(ModeFree))
	if err := s.Say("let me look at the account"); err != nil {
		t.Fatal(err)
	}
	if got := lastCustomer(s); got != "Which do you mean?" {
		t.Errorf("customer said %q, want the node's clarify line", got)
	}
}

func TestLeaveOneOutFindsAnExampleThatDoesNotGeneralise(t *testing.T) {
	sc := meaningScript("")
	sc.Nodes[0].Replies[1].Examples = append(sc.Nodes[0].Replies[1].Examples, "purple elephants dancing")
	n, misses, err := LeaveOneOut(sc)
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Errorf("checked %d examples, want 7", n)
	}
	found := false
	for _, m := range misses {
		found = found || m.Example == "purple elephants dancing"
	}
	if !found {
		t.Errorf("misses = %+v, want the odd example among them", misses)
	}
}

func TestPatternsSeeSynonyms(t *testing.T) {
	sc := meaningScript("")
	sc.Rules = []Rule{{ID: "verify", Require: `\bverify\b`, BeforeTag: "money"}}
	sc.Synonyms = map[string][]string{"verify": {"confirm who you are"}}
	for _, tc := range []struct {
		text             string
		fires, satisfies bool
	}{
		{"I won't bother confirming who you are", true, false},
		{"could you confirm who you are", false, true},
		{"let me check the charge", false, false},
	} {
		s := mustStart(t, sc, newClock().opts(ModeFree))
		u := s.Understand(tc.text)
		if got := len(u.Fires) > 0; got != tc.fires {
			t.Errorf("Understand(%q) fires %v, want %v", tc.text, got, tc.fires)
		}
		if got := len(u.Satisfies) > 0; got != tc.satisfies {
			t.Errorf("Understand(%q) satisfies %v, want %v", tc.text, got, tc.satisfies)
		}
	}
}

func TestLineInheritsItsReplysRules(t *testing.T) {
	sc := meaningScript("")
	sc.Rules = []Rule{{ID: "no-blame", Forbid: `\buseless\b`, Dim: "care", Penalty: 1}}
	sc.Nodes[0].Replies = append(sc.Nodes[0].Replies, &Reply{ID: "blame", Label: "Blame the bot",
		Text: "Honestly, the bot is useless.", Examples: []string{"that assistant is worthless", "the bot never works properly"}})
	line := "yeah that assistant is totally worthless"
	s := mustStart(t, sc, newClock().opts(ModeFree))
	u := s.Understand(line)
	if u.Reply != "blame" || len(u.Fires) != 1 || !strings.Contains(u.Fires[0].Matched, `understood as reply "blame"`) {
		t.Fatalf("Understand(%q) = reply %q fires %+v, want blame firing no-blame through the reply's text", line, u.Reply, u.Fires)
	}
	if err := s.Say(line); err != nil {
		t.Fatal(err)
	}
	if d := s.Debrief(); len(d.Rules) != 1 || d.Rules[0].Evidence != line {
		t.Errorf("rules fired = %+v, want no-blame with the trainee's words", d.Rules)
	}
}

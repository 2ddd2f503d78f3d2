package trainer_test

import (
	"fmt"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// ExampleSession_Understand shows what lines would do, without saying them:
// a paraphrase is understood by its similarity to the reply's examples, and
// dismissing a required step fires the rule, with the words as evidence.
func ExampleSession_Understand() {
	sc := &trainer.Script{
		ID: "refund", Title: "Refund", Version: 1, Start: "greet",
		Rubric: trainer.Rubric{PassPct: 50, Dims: []trainer.Dim{{ID: "care", Weight: 1, Max: 1}}},
		Rules: []trainer.Rule{{ID: "verify-first", Kind: trainer.RuleRequire, BeforeTag: "money",
			Examples: []string{"can you confirm the email on the account", "I need to verify your identity"}}},
		Nodes: []*trainer.Node{
			{ID: "greet", Enter: trainer.Effect{Lines: []trainer.Line{{Text: []string{"You charged me twice!"}}}},
				Replies: []*trainer.Reply{
					{ID: "refund", Label: "Refund the charge", Examples: []string{"I'll refund the duplicate charge now", "you'll get the money back"},
						Effect: trainer.Effect{Goto: "done"}},
					{ID: "ask", Label: "Ask what happened", Examples: []string{"what happened exactly?", "can you tell me more"}},
				},
				Fallback: &trainer.Effect{Lines: []trainer.Line{{Text: []string{"Sorry?"}}}}},
			{ID: "done", Tags: []string{"money"}, End: "resolved"},
		},
	}
	at := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Now: func() time.Time { return at }})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range []string{"sure, I will refund that charge", "I won't refund the charge", "no need to verify you"} {
		u := s.Understand(line)
		fmt.Printf("%q: reply %q", line, u.Reply)
		for _, f := range u.Fires {
			fmt.Printf(", fires %s (%s)", f.Rule, f.Evidence)
		}
		fmt.Println()
	}
	// Output:
	// "sure, I will refund that charge": reply "refund"
	// "I won't refund the charge": reply ""
	// "no need to verify you": reply "", fires verify-first (no need to verify you)
}

package trainer_test

import (
	"fmt"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// ExampleStart plays a two-node script in free mode with a fixed clock.
func ExampleStart() {
	lo, hi := int64(-5), int64(5)
	sc := &trainer.Script{
		ID: "refund", Title: "Refund", Version: 1, Start: "greet",
		Vars:    []trainer.Var{{Name: "mood", Type: "int", Init: int64(-1), Min: &lo, Max: &hi}},
		Lexicon: []trainer.LexEntry{{Name: "apology", Patterns: []string{"sorry", "apologi[sz]e"}}},
		Rubric:  trainer.Rubric{PassPct: 50, Dims: []trainer.Dim{{ID: "empathy", Weight: 1, Max: 1}}},
		Nodes: []*trainer.Node{
			{ID: "greet", Enter: trainer.Effect{Lines: []trainer.Line{{Text: []string{"You charged me twice!"}}}},
				Replies: []*trainer.Reply{{ID: "apologise", Label: "Apologise",
					Match:  trainer.Match{Any: []string{"@apology"}},
					Effect: trainer.Effect{Do: []string{"mood += 2"}, Score: map[string]int{"empathy": 1}, Goto: "done"}}},
				Fallback: &trainer.Effect{Lines: []trainer.Line{{Text: []string{"Hello?"}}}}},
			{ID: "done", End: "resolved", Enter: trainer.Effect{Lines: []trainer.Line{{Text: []string{"Thanks. Mood is {mood} now."}}}}},
		},
	}
	at := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Now: func() time.Time { return at }})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = s.Say("what?")
	_ = s.Say("I'm so sorry about that!")
	for _, e := range s.Transcript() {
		fmt.Printf("%s: %s\n", e.Speaker, e.Text)
	}
	sc2 := s.Score()
	fmt.Printf("%s, %.0f%%, pass %v\n", s.Outcome(), sc2.TotalPct, sc2.Pass)
	// Output:
	// customer: You charged me twice!
	// agent: what?
	// customer: Hello?
	// agent: I'm so sorry about that!
	// customer: Thanks. Mood is 1 now.
	// resolved, 100%, pass true
}

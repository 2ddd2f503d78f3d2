package workshop_test

import (
	"fmt"
	"os"
	"time"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
)

// Example runs a room without any transport: a trainee joins, the
// facilitator starts the room, and the debrief counts the outcomes.
func Example() {
	src, _ := os.ReadFile("testdata/quick.roleplay.toml")
	sc, err := scenarios.ParseRoleplay("quick.roleplay.toml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	now := func() time.Time { return time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC) }
	cfg := workshop.Config{Title: "Monday", Mode: "guided", Scripts: []workshop.ScriptSource{{Name: "quick", Source: string(src)}}}
	rm := workshop.New("ABC347", nil, cfg, []*trainer.Script{sc}, now)
	if _, err := rm.Join(workshop.JoinRequest{Name: "Ann"}); err != nil {
		fmt.Println(err)
		return
	}
	rm.Act(workshop.Action{Action: "start"})
	rm.Act(workshop.Action{Action: "end"})
	d := rm.Debrief()
	fmt.Println(d.Room.Title, len(d.Trainees), d.Outcomes)
	// Output:
	// Monday 1 [{quit 1}]
}

// ExampleSummarize scores five respondents' answers to the bundled pulse:
// every trust statement agreed with (4; the reverse-scored ones disagreed
// with, 2) gives a trust index of 75; fear statements answered 3 give 50.
func ExampleSummarize() {
	in, err := scenarios.BundledPulse("")
	if err != nil {
		fmt.Println(err)
		return
	}
	d := workshop.RoundData{Round: workshop.PulseRound{ID: "R1", Team: "Blue"}}
	for r := range 5 {
		a := map[string]int{}
		for _, st := range in.Statements {
			a[st.ID] = 3
			if st.Scale == "trust" {
				a[st.ID] = workshop.Scored(st, 4)
			}
		}
		d.Answers = append(d.Answers, workshop.PulseAnswer{Respondent: fmt.Sprint(r), Phase: "before", Answers: a})
	}
	for _, s := range workshop.Summarize(in, d, "en", workshop.MinGroup).Scales {
		fmt.Printf("%s: %.0f from %d\n", s.Label, s.Before.Mean, s.Before.N)
	}
	// Output:
	// Trust in AI: 75 from 5
	// Fear: 50 from 5
}

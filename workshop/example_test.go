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

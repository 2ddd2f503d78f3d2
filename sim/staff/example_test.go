package staff_test

import (
	"context"
	"fmt"
	"time"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// ExampleSearch staffs a human-only morning whose traffic rises and falls,
// for 80 % of contacts answered within 20 s and at most 5 % abandoning.
// The simulated requirement is about Erlang A's; scheduled headcount adds
// 30 % shrinkage.
func ExampleSearch() {
	sc := &sim.Scenario{
		Name: "morning", Seed: 1, Replications: 20,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals: sim.Arrivals{Open: 8 * time.Hour, Close: 10 * time.Hour, Interval: 30 * time.Minute,
			Profile: []float64{200, 350, 400, 250}},
		Patience: sim.Exponential{MeanS: 120},
		Intents:  []sim.Intent{{Name: "call", Share: 1, HandleTime: sim.Exponential{MeanS: 240}}},
		Groups:   []sim.Group{{Name: "agents", Count: 1, Shrinkage: []float64{0.3}}},
	}
	plan, err := staff.Search(context.Background(), sc, staff.Goals{MaxAbandon: 0.05}, staff.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("start  erlang_a  simulated  scheduled")
	for _, iv := range plan.Intervals {
		fmt.Printf("%s  %8d  %9d  %9d\n", iv.Start, iv.ErlangA, iv.Simulated, iv.Scheduled)
	}
	fmt.Printf("%.0f agent-hours\n", plan.AgentHours)
	// Output:
	// start  erlang_a  simulated  scheduled
	// 08:00        30         29         42
	// 08:30        49         48         69
	// 09:00        55         54         78
	// 09:30        36         36         52
	// 120 agent-hours
}

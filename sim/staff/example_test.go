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
// The goals hold on 95 % bounds that cover the sampling error of the search
// and of the plan's check on 40 fresh replications, so the simulated
// requirement is Erlang A's plus a margin of up to one agent (the first
// interval starts empty and needs fewer); scheduled headcount adds 30 %
// shrinkage.
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
	v := plan.Verification
	fmt.Printf("every goal met in %d of %d intervals on %d fresh replications\n", v.AllMet, v.Intervals, v.Replications)
	// Output:
	// start  erlang_a  simulated  scheduled
	// 08:00        30         29         42
	// 08:30        49         49         70
	// 09:00        55         56         80
	// 09:30        36         37         53
	// 122 agent-hours
	// every goal met in 4 of 4 intervals on 40 fresh replications
}

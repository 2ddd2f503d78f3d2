package sim_test

import (
	"context"
	"fmt"
	"time"

	"github.com/ccsim/ccsim/sim"
)

// ExampleRun simulates the textbook Erlang C case (10 erlangs on 14 agents)
// and prints a three-line summary. The exact answers are P(wait) 0.174 and a
// service level of 0.888.
func ExampleRun() {
	sc := &sim.Scenario{
		Name: "textbook", Seed: 1, Replications: 10,
		Horizon: 100 * time.Hour, Warmup: time.Hour,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals:     sim.Arrivals{Rate: 200},
		Intents:      []sim.Intent{{Name: "call", Share: 1, HandleTime: sim.Exponential{MeanS: 180}}},
		Groups:       []sim.Group{{Name: "agents", Count: 14}},
	}
	res, err := sim.Run(context.Background(), sc, sim.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := res.Metrics
	fmt.Printf("offered %.0f contacts per replication\n", m[sim.MOffered].Mean)
	fmt.Printf("P(wait) %.2f, service level %.2f\n", m[sim.MPWait].Mean, m[sim.MServiceLevel].Mean)
	fmt.Printf("occupancy %.2f\n", m[sim.MOccupancy].Mean)
	// Output:
	// offered 19773 contacts per replication
	// P(wait) 0.17, service level 0.89
	// occupancy 0.71
}

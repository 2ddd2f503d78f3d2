package erlang_test

import (
	"fmt"

	"github.com/ccsim/ccsim/sim/erlang"
)

// The published case: 100 contacts per 30 minutes, 180 s handle time, 14 agents.
func ExampleQueue_Figures() {
	q := erlang.Queue{Rate: 100.0 / 1800, AHT: 180, Agents: 14}
	f := q.Figures()
	fmt.Printf("load %.0f erlangs, P(wait) %.10f, ASA %.6f s, occupancy %.4f\n", q.Load(), f.PWait, f.ASA, f.Occupancy)
	fmt.Printf("service level 20 s: %.10f\n", q.ServiceLevel(20, erlang.Offered))

	q.Patience = 120 // callers give up after 2 minutes on average
	f = q.Figures()
	fmt.Printf("with abandonment: P(wait) %.4f, P(abandon) %.4f, ASA %.2f s\n", f.PWait, f.PAbandon, f.ASA)
	// Output:
	// load 10 erlangs, P(wait) 0.1741319336, ASA 7.835937 s, occupancy 0.7143
	// service level 20 s: 0.8883500192
	// with abandonment: P(wait) 0.1270, P(abandon) 0.0228, ASA 2.35 s
}

func ExampleAgents() {
	q := erlang.Queue{Rate: 100.0 / 1800, AHT: 180}
	c, err := erlang.Agents(q, erlang.Target{Threshold: 20, Level: 0.8})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("agents for 80/20:", c)

	q.Patience = 60
	c, _ = erlang.Agents(q, erlang.Target{Threshold: 20, Level: 0.8, MaxAbandon: 0.01})
	fmt.Println("agents for 80/20 with at most 1 % abandoned:", c)
	// Output:
	// agents for 80/20: 14
	// agents for 80/20 with at most 1 % abandoned: 16
}

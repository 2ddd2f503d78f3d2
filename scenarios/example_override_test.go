package scenarios_test

import (
	"fmt"

	"github.com/ccsim/ccsim/scenarios"
)

// ExampleBundledWith loads the default scenario with two keys overridden,
// as ccsim run --set does, and shows an override the loader rejects.
func ExampleBundledWith() {
	var ovs []scenarios.Override
	for _, s := range []string{"intents.order_status.bot_containment=0.4", "agents.senior.count=25"} {
		o, err := scenarios.ParseOverride(s)
		if err != nil {
			fmt.Println(err)
			return
		}
		ovs = append(ovs, o)
	}
	sc, err := scenarios.BundledWith("default", ovs)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sc.Intents[0].Name, sc.Intents[0].BotContainment)
	fmt.Println(sc.Groups[1].Name, sc.Groups[1].Count, "agents, shifts:", len(sc.Groups[1].Shifts))

	bad, _ := scenarios.ParseOverride("bot.context_transfr=false")
	_, err = scenarios.BundledWith("default", []scenarios.Override{bad})
	fmt.Println(err)
	// Output:
	// order_status 0.4
	// senior 25 agents, shifts: 0
	// override bot.context_transfr=false: unknown key (did you mean "context_transfer"?)
}

package sim

import (
	"time"
)

// dayScenario is a small two-interval day with a bot and two agent groups.
func dayScenario() *Scenario {
	return &Scenario{
		Name: "small day", Seed: 3, Replications: 8,
		ServiceLevel: ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals: Arrivals{Open: 8 * time.Hour, Close: 10 * time.Hour, Interval: 30 * time.Minute,
			Profile: []float64{100, 300, 200, 0}},
		Patience: Exponential{MeanS: 90},
		Bot: &Bot{HandleTime: LogNormal{MeanS: 60, CV: 0.5}, Capacity: 20, HangUp: 0.2, OptOut: 0.1,
			ContextTransfer: true, ContextSaving: 0.2},
		Intents: []Intent{
			{Name: "status", Share: 0.5, BotContainment: 0.6, HandleTime: Gamma{MeanS: 180, CV: 0.8}},
			{Name: "complaint", Share: 0.3, HandleTime: Erlang{MeanS: 400, K: 3}},
			{Name: "other", Share: 0.2, BotContainment: 0.2, HandleTime: Uniform{Min: 60, Max: 300}},
		},
		Groups: []Group{{Name: "a", Counts: []int{5, 12, 8, 2}}, {Name: "b", Count: 2}},
	}
}

package trainer

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Strategy is a blind way of pressing buttons in guided mode: it picks one
// of the choices in the order the session shows them, without judging.
type Strategy struct {
	Name string
	Pick func([]Choice) Choice
}

// BlindStrategies are the strategies a script must not reward: always the
// longest label, the shortest, the first button or the last.
var BlindStrategies = []Strategy{
	{"longest label", func(ch []Choice) Choice { return pickBy(ch, func(a, b int) bool { return a > b }) }},
	{"shortest label", func(ch []Choice) Choice { return pickBy(ch, func(a, b int) bool { return a < b }) }},
	{"first", func(ch []Choice) Choice { return ch[0] }},
	{"last", func(ch []Choice) Choice { return ch[len(ch)-1] }},
}

// pickBy returns the first choice whose label length beats all others by better.
func pickBy(ch []Choice, better func(a, b int) bool) Choice {
	best := ch[0]
	for _, c := range ch[1:] {
		if better(utf8.RuneCountInString(c.Label), utf8.RuneCountInString(best.Label)) {
			best = c
		}
	}
	return best
}

// StrategyResult is how often a blind strategy passed.
type StrategyResult struct {
	Name   string
	Runs   int
	Passed int
}

// String formats the result as "longest label passes 12 of 100".
func (r StrategyResult) String() string {
	return fmt.Sprintf("%s passes %d of %d", r.Name, r.Passed, r.Runs)
}

// PlayStrategies plays sc in guided mode with each blind strategy, runs
// times each (seeds 1 to runs, a trainee per seed, hand-off variants drawn),
// 10 s per turn, and counts the passes. It returns nil for a free-only script.
func PlayStrategies(sc *Script, runs int) ([]StrategyResult, error) {
	if !sc.HasMode(ModeGuided) {
		return nil, nil
	}
	var out []StrategyResult
	for _, st := range BlindStrategies {
		res := StrategyResult{Name: st.Name, Runs: runs}
		for seed := uint64(1); seed <= uint64(runs); seed++ {
			pass, err := playStrategy(sc, seed, st.Pick)
			if err != nil {
				return nil, err
			}
			if pass {
				res.Passed++
			}
		}
		out = append(out, res)
	}
	return out, nil
}

func playStrategy(sc *Script, seed uint64, pick func([]Choice) Choice) (bool, error) {
	clock := &fakeClock{t: epoch}
	s, err := Start(sc, Options{Mode: ModeGuided, Seed: seed, Trainee: fmt.Sprintf("trainee-%d", seed), Now: clock.now})
	if err != nil {
		return false, err
	}
	for step := 0; step < 60 && !s.Ended(); step++ {
		clock.t = clock.t.Add(10 * time.Second)
		if ch := s.Choices(); len(ch) > 0 {
			_ = s.Reply(pick(ch).ID)
		} else {
			s.Tick()
		}
	}
	s.Quit()
	return s.Score().Pass, nil
}

// strategyPlan plays the blind strategies and fails when one passes in half
// the runs or more: the script rewards pressing buttons without judging.
func strategyPlan(sc *Script, runs int) (PlanResult, bool) {
	res := PlanResult{Name: "blind guided strategies", Runs: runs * len(BlindStrategies)}
	results, err := PlayStrategies(sc, runs)
	if err != nil {
		res.fail(textf("%v", err))
		return res, true
	}
	if results == nil {
		return res, false
	}
	for _, r := range results {
		if 2*r.Passed >= r.Runs {
			res.fail(textf("pressing the %s button passes %d of %d sessions, want fewer than half: vary label lengths and make wrong replies tempting", r.Name, r.Passed, r.Runs))
		}
	}
	return res, true
}

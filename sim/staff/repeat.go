package staff

import (
	"context"
	"errors"
	"fmt"

	"github.com/ccsim/ccsim/sim"
)

// Repeat is what one more search of a scenario, on another seed, found:
// the scheduled headcount per interval (all groups) and its agent-hours.
// A repeat is not checked on fresh replications.
type Repeat struct {
	Seed       uint64
	Scheduled  []int
	AgentHours float64
}

// SearchSeed is the seed of search j of a scenario whose first search
// (j = 0) has seed: j = 0 gives seed itself, the others seeds mixed from
// it, so that search j of every variant sees the same customers.
func SearchSeed(seed uint64, j int) uint64 {
	if j == 0 {
		return seed
	}
	return splitmix(seed ^ splitmix(uint64(j)*0xd1b54a32d192ed03))
}

// Repeats runs searches 1, …, n of sc (Search is search 0) on the seeds
// SearchSeed gives, with goals and opts otherwise as given, and returns
// what each found. The spread of the repeats is the search's own sampling
// error: CompareRepeats turns it into confidence intervals.
func Repeats(ctx context.Context, sc *sim.Scenario, goals Goals, opts Options, n int) ([]Repeat, error) {
	var out []Repeat
	for j := 1; j <= n; j++ {
		p, err := prepareSearch(sc, goals, opts)
		if err != nil {
			return nil, err
		}
		p.seed = SearchSeed(p.seed, j)
		found, err := p.search(ctx)
		if err != nil {
			return nil, err
		}
		r := Repeat{Seed: p.seed, Scheduled: make([]int, p.periods)}
		for _, row := range p.scheduled(found) {
			for k, v := range row {
				r.Scheduled[k] += v
				r.AgentHours += float64(v) * p.width / 3600
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// CompareRepeats is Compare, with the Δ agents of every interval and the
// Δ agent-hours given 95 % confidence intervals over the searches:
// repeats[i][j] is search j+1 of variant i, on the same seed for every
// variant, so that the differences are paired search by search (plans
// are search 0).
func CompareRepeats(labels []string, plans []*Plan, repeats [][]Repeat, week Week) (*Comparison, error) {
	c, err := Compare(labels, plans, week)
	if err != nil {
		return nil, err
	}
	if len(repeats) != len(plans) {
		return nil, errors.New("staff: compare needs the repeats of every plan")
	}
	c.Searches = 1 + len(repeats[0])
	for i, rs := range repeats {
		if len(rs) != len(repeats[0]) {
			return nil, fmt.Errorf("staff: %d repeated searches of %s, %d of %s", len(rs), labels[i], len(repeats[0]), labels[0])
		}
		for j, r := range rs {
			if len(r.Scheduled) != len(plans[0].Intervals) || r.Seed != repeats[0][j].Seed {
				return nil, ErrIncomparable
			}
		}
		v := &c.Variants[i]
		hours := []float64{v.DeltaAgentHours}
		for j, r := range rs {
			hours = append(hours, r.AgentHours-repeats[0][j].AgentHours)
		}
		s := sim.Summarize(hours)
		v.SearchDeltaAgentHours = &s
		for k := range v.Intervals {
			d := []float64{float64(v.Intervals[k].DeltaAgents)}
			for j, r := range rs {
				d = append(d, float64(r.Scheduled[k]-repeats[0][j].Scheduled[k]))
			}
			s := sim.Summarize(d)
			v.Intervals[k].SearchDeltaAgents = &s
		}
	}
	return c, nil
}

package schedule_test

import (
	"fmt"
	"time"

	"github.com/ccsim/ccsim/sim/schedule"
)

// ExampleSolve covers four hours of need with three-hour shifts that take a
// half-hour break.
func ExampleSolve() {
	h, m := time.Hour, time.Minute
	rules := &schedule.Rules{
		Starts: schedule.Window{Earliest: 8 * h, Latest: 9 * h, Step: 30 * m},
		Types: []schedule.ShiftType{{Name: "short", Length: 3 * h, MaxShare: 1,
			Breaks: []schedule.Break{{Name: "break", Length: 30 * m, Earliest: h, Latest: 90 * m, Step: 30 * m}}}},
	}
	need := schedule.Need{Groups: []string{"team"}, Open: 8 * h, Interval: h, Agents: [][]int{{1, 2, 2, 1}}, HourCost: []float64{20}}
	s, err := schedule.Solve(need, rules)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sh := range s.Shifts {
		fmt.Printf("%d × %s %s-%s, break %s\n", sh.Count, sh.Type, schedule.Clock(sh.Start), schedule.Clock(sh.End), sh.BreakList())
	}
	fmt.Printf("cost %.0f, lower bound %.0f\n", s.Cost, s.Bound)
	// Output:
	// 1 × short 08:00-11:00, break 09:00+30m
	// 1 × short 08:30-11:30, break 09:30+30m
	// 1 × short 09:00-12:00, break 10:30+30m
	// cost 180, lower bound 160
}

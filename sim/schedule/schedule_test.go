package schedule

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
)

func TestSolveInfeasible(t *testing.T) {
	h := time.Hour
	need := func(agents ...int) Need {
		return Need{Groups: []string{"g"}, Open: 8 * h, Interval: h, Agents: [][]int{agents}, HourCost: []float64{10}}
	}
	capped := smallRules()
	capped.MaxAgents = 2
	shareOnly := smallRules()
	shareOnly.Types[0].Groups = []string{"other"} // only short shifts, at most half of them: impossible
	tests := []struct {
		name  string
		need  Need
		rules *Rules
		want  string
	}{
		{"uncovered", need(1, 1, 1, 1, 1), smallRules(), `interval 12:00: group "g" needs 1 agents on duty at 12:00, but no allowed shift covers it`},
		{"over the cap", need(1, 3, 1, 1), capped, `interval 09:00: group "g" needs 3 agents on duty, more than max_agents = 2`},
		{"shares", need(1, 1, 0, 0), shareOnly, `group "g": no schedule meets the share limits`},
	}
	for _, tc := range tests {
		_, err := Solve(tc.need, tc.rules)
		if !errors.Is(err, ErrInfeasible) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Solve(%s) = %v, want ErrInfeasible with %q", tc.name, err, tc.want)
		}
	}
}

// TestApply checks the scenario a schedule staffs: each group's shifts,
// counts and breaks, and no counts left.
func TestApply(t *testing.T) {
	need := Need{Groups: []string{"g"}, Open: 8 * time.Hour, Interval: time.Hour, Agents: [][]int{{2, 3, 3, 2}}, HourCost: []float64{10}}
	s, err := Solve(need, smallRules())
	if err != nil {
		t.Fatal(err)
	}
	sc := &sim.Scenario{Groups: []sim.Group{{Name: "g", Counts: []int{1, 1, 1, 1}}}}
	out := s.Apply(sc)
	if sc.Groups[0].Counts == nil {
		t.Error("Apply changed its input")
	}
	g := out.Groups[0]
	if g.Counts != nil || len(g.Shifts) != len(s.Shifts) {
		t.Fatalf("applied group: counts %v, %d shifts; want none and %d", g.Counts, len(g.Shifts), len(s.Shifts))
	}
	for i, sh := range g.Shifts {
		w := s.Shifts[i]
		if sh.Start != w.Start || sh.End != w.End || sh.Count != w.Count || len(sh.Breaks) != len(w.Breaks) {
			t.Errorf("shift %d = %+v, want %+v", i, sh, w)
		}
	}
	for _, c := range s.Coverage {
		if c.Least < c.Required {
			t.Errorf("%s: %d on duty at the least, %d required", Clock(c.Start), c.Least, c.Required)
		}
	}
}

// TestSolveTooFine checks that rules with too many break placements are
// refused before they are enumerated.
func TestSolveTooFine(t *testing.T) {
	m := time.Minute
	r := smallRules()
	r.Types[0].Length = 8 * time.Hour
	r.Types[0].Breaks = []Break{
		{Length: m, Earliest: m, Latest: 200 * m, Step: m},
		{Length: m, Earliest: 210 * m, Latest: 400 * m, Step: m},
		{Length: m, Earliest: 410 * m, Latest: 470 * m, Step: m},
	}
	need := Need{Groups: []string{"g"}, Open: 8 * time.Hour, Interval: time.Hour, Agents: [][]int{make([]int, 10)}, HourCost: []float64{1}}
	_, err := Solve(need, r)
	if !errors.Is(err, ErrInfeasible) || !strings.Contains(err.Error(), "placements of its breaks; use coarser break steps") {
		t.Errorf("Solve(too fine) = %v", err)
	}
}

package reports

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/schedule"
)

// ScheduleCoverageChart plots, per interval, the agents a schedule must have
// on duty against those it has (each as steps, summed over groups: the
// fewest on duty at any moment and the interval's average), and the
// difference as bars: over (average above the need) and under (fewest below it).
func ScheduleCoverageChart(title string, cov []schedule.Coverage) Chart {
	starts, req, avg, least := schedule.Totals(cov)
	n := len(starts)
	steps := func(label string, color int, dashed bool, ys []float64) Series {
		s := Series{Label: label, Kind: Step, Color: color, Dashed: dashed}
		for i, y := range ys {
			s.X, s.Y = append(s.X, float64(i)-0.5), append(s.Y, y)
		}
		if n > 0 {
			s.X, s.Y = append(s.X, float64(n)-0.5), append(s.Y, ys[n-1])
		}
		return s
	}
	agents := Panel{Title: "Agents on duty per interval (all groups, breaks taken out)", YLabel: "agents", YMin: ptr(0)}
	agents.Series = []Series{
		steps("required", cRed, false, req),
		steps("scheduled (average over the interval)", cBlue, false, avg),
		steps("scheduled (fewest at any moment)", cBlue, true, least),
	}
	over := Series{Label: "over (average − required)", Kind: Bars, Color: cGreen, Width: 0.8}
	under := Series{Label: "under (fewest − required)", Kind: Bars, Color: cRed, Width: 0.8}
	for i := range starts {
		over.X, over.Y = append(over.X, float64(i)), append(over.Y, max(0, avg[i]-req[i]))
		under.X, under.Y = append(under.X, float64(i)), append(under.Y, min(0, least[i]-req[i]))
	}
	diff := Panel{Title: "Over and under cover", YLabel: "agents", Series: []Series{over, under}}
	panels := []Panel{agents, diff}
	ivs := make([]sim.Interval, n)
	for i, s := range starts {
		ivs[i] = sim.Interval{Start: s}
	}
	for i := range panels {
		intervalAxis(&panels[i], ivs)
	}
	return Chart{Name: "coverage", Title: "Schedule coverage: " + title, Height: 7, Panels: panels}
}

// WriteScheduleCSV writes the schedule's shifts, one row per shift line:
// group, type, start, end, count, paid hours and cost of one shift, and its
// breaks as "HH:MM+length" separated by spaces.
func WriteScheduleCSV(w io.Writer, s *schedule.Schedule) error {
	rows := [][]string{{"group", "type", "start", "end", "count", "paid_hours", "cost", "breaks"}}
	for _, sh := range s.Shifts {
		rows = append(rows, []string{sh.Group, sh.Type, schedule.Clock(sh.Start), schedule.Clock(sh.End), fmt.Sprint(sh.Count),
			csvFloat(sh.PaidHours), csvFloat(sh.Cost), sh.BreakList()})
	}
	cw := csv.NewWriter(w)
	cw.WriteAll(rows)
	return cw.Error()
}

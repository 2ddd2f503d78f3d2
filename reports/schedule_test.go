package reports

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim/schedule"
)

func TestScheduleCoverageChart(t *testing.T) {
	h := time.Hour
	cov := []schedule.Coverage{
		{Group: "a", Start: 8 * h, Required: 3, Scheduled: 3.5, Least: 3},
		{Group: "a", Start: 9 * h, Required: 4, Scheduled: 4, Least: 3},
		{Group: "b", Start: 8 * h, Required: 1, Scheduled: 2, Least: 2},
		{Group: "b", Start: 9 * h, Required: 2, Scheduled: 2, Least: 2},
	}
	c := ScheduleCoverageChart("day", cov)
	req, over, under := c.Panels[0].Series[0], c.Panels[1].Series[0], c.Panels[1].Series[1]
	if got, want := []float64(req.Y), []float64{4, 6, 6}; !slices.Equal(got, want) {
		t.Errorf("required steps = %v, want %v (summed over groups, last step repeated)", got, want)
	}
	if got, want := []float64(over.Y), []float64{1.5, 0}; !slices.Equal(got, want) {
		t.Errorf("over = %v, want %v", got, want)
	}
	if got, want := []float64(under.Y), []float64{0, -1}; !slices.Equal(got, want) {
		t.Errorf("under = %v, want %v", got, want)
	}
	if got := c.Panels[0].XTicks[1].Label; got != "09:00" {
		t.Errorf("second tick = %q, want 09:00", got)
	}
	var svg bytes.Buffer
	if err := Render(&svg, c, SVG); err != nil || !strings.Contains(svg.String(), "Over and under cover") {
		t.Errorf("Render SVG: %v", err)
	}
}

func TestWriteScheduleCSV(t *testing.T) {
	h := time.Hour
	s := &schedule.Schedule{Shifts: []schedule.Shift{{Group: "a", Type: "full", Start: 8 * h, End: 16 * h, Count: 3, Cost: 240, PaidHours: 7.5,
		Breaks: []schedule.BreakAt{{Start: 10 * h, Length: 15 * time.Minute}, {Start: 12 * h, Length: 30 * time.Minute, Unpaid: true}}}}}
	var b bytes.Buffer
	if err := WriteScheduleCSV(&b, s); err != nil {
		t.Fatal(err)
	}
	want := "group,type,start,end,count,paid_hours,cost,breaks\na,full,08:00,16:00,3,7.5,240,\"10:00+15m, 12:00+30m unpaid\"\n"
	if got := b.String(); got != want {
		t.Errorf("WriteScheduleCSV = %q, want %q", got, want)
	}
}

package calibrate

import (
	"math"
	"testing"
)

// TestDayStaff checks the staffing readings of one day by hand: intervals
// of 100 s from 0; services A [10, 150] and B [50, 120] by two agents, C
// [160, 180] by an unnamed agent; one customer waits over [60, 110].
func TestDayStaff(t *testing.T) {
	svc := []service{{10, 150, "ann"}, {50, 120, "bob"}, {160, 180, ""}}
	d := dayStaff(svc, [][2]float64{{60, 110}}, 0, 100, 2)
	want := dayStats{
		busy:       []float64{(90 + 50) / 100.0, (50 + 20 + 20) / 100.0},
		peak:       []float64{2, 2},
		distinct:   []float64{2, 2},
		queuedTime: []float64{40, 10},
		queuedBusy: []float64{2 * 40, 2 * 10},
	}
	for name, pair := range map[string][2][]float64{
		"busy": {d.busy, want.busy}, "peak": {d.peak, want.peak}, "distinct": {d.distinct, want.distinct},
		"queuedTime": {d.queuedTime, want.queuedTime}, "queuedBusy": {d.queuedBusy, want.queuedBusy},
	} {
		for k := range pair[1] {
			if math.Abs(pair[0][k]-pair[1][k]) > 1e-12 {
				t.Errorf("%s[%d] = %g, want %g", name, k, pair[0][k], pair[1][k])
			}
		}
	}
}

// TestDayStaffBoundaries feeds times on awkward interval boundaries (0.1 s
// intervals do not add up exactly in binary) and checks the sweep ends.
func TestDayStaffBoundaries(t *testing.T) {
	var svc []service
	for i := range 100 {
		a := float64(i) * 0.1
		svc = append(svc, service{a, a + 0.1, ""})
	}
	d := dayStaff(svc, nil, 0, 0.1, 100)
	total := 0.0
	for _, b := range d.busy {
		total += b
	}
	if math.Abs(total-100) > 1e-6 {
		t.Errorf("busy sums to %g, want 100 (one service per interval)", total)
	}
}

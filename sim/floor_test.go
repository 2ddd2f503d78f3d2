package sim

import (
	"testing"
	"time"
)

// TestFloor checks the live picture against the run's own counts.
func TestFloor(t *testing.T) {
	sc := dayScenario()
	r := NewRun(sc, 1, 0)
	var f Floor
	for _, at := range []time.Duration{10 * time.Minute, 40 * time.Minute, 75 * time.Minute} {
		r.RunUntil(at)
		r.Floor(&f)
		snap := r.Snapshot()
		if f.Now != at || len(f.Waiting) != snap.Waiting || len(f.InBot) != snap.InBot {
			t.Fatalf("at %v: floor has %d waiting, %d in the bot; snapshot %d, %d", at, len(f.Waiting), len(f.InBot), snap.Waiting, snap.InBot)
		}
		busy, idle := 0, 0
		for _, a := range f.Agents {
			switch a.State {
			case SeatBusy:
				busy++
				if a.Intent < 0 {
					t.Errorf("at %v: a busy seat shows no intent", at)
				}
			case SeatIdle:
				idle++
			}
		}
		if want := snap.Busy[0] + snap.Busy[1]; busy != want {
			t.Errorf("at %v: %d busy seats, snapshot says %d", at, busy, want)
		}
		if want := snap.OnDuty[0] + snap.OnDuty[1]; busy+idle != want {
			t.Errorf("at %v: %d seats on duty, snapshot says %d", at, busy+idle, want)
		}
		for _, w := range f.Waiting {
			if w.Waited < 0 || w.Waited > at.Seconds() {
				t.Errorf("at %v: a contact has waited %v s", at, w.Waited)
			}
		}
		if f.KPIs[MOffered] != float64(snap.Offered) {
			t.Errorf("at %v: KPIs offered %v, snapshot %d", at, f.KPIs[MOffered], snap.Offered)
		}
	}
}

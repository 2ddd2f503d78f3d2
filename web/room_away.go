package web

import "time"

// awayGrace is how long a room with PauseAway runs on after its last
// facilitator page closes (a reload should not pause anyone).
const awayGrace = time.Minute

// facilitatorLeft arms the away timer when the last facilitator has gone.
func (h *hub) facilitatorLeft() {
	if !h.Config.PauseAway || len(h.facils) > 0 || !h.State.Started || h.State.Ended || h.State.Paused {
		return
	}
	h.awayTimer.Reset(awayGrace)
}

// facilitatorBack disarms the away timer and resumes a room the timer paused.
func (h *hub) facilitatorBack() {
	h.awayTimer.Stop()
	h.AutoResume()
}

// awayFired pauses the room: no facilitator has been back for awayGrace.
func (h *hub) awayFired() {
	if len(h.facils) > 0 || !h.State.Started || h.State.Ended || h.State.Paused {
		return
	}
	h.AutoPause()
	h.log.Info("room paused: no facilitator for a minute")
}

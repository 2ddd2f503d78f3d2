package web

import "time"

// awayGrace is how long a room with PauseAway runs on after its last
// facilitator page closes (a reload should not pause anyone).
const awayGrace = time.Minute

// facilitatorLeft arms the away timer when the last facilitator has gone.
func (h *hub) facilitatorLeft() {
	if !h.cfg.PauseAway || len(h.facils) > 0 || !h.st.Started || h.st.Ended || h.st.Paused {
		return
	}
	h.awayTimer.Reset(awayGrace)
}

// facilitatorBack disarms the away timer and resumes a room the timer paused.
func (h *hub) facilitatorBack() {
	h.awayTimer.Stop()
	if h.st.AutoPaused && h.st.Paused {
		h.act(action{Action: "resume"})
	}
}

// awayFired pauses the room: no facilitator has been back for awayGrace.
func (h *hub) awayFired() {
	if len(h.facils) > 0 || !h.st.Started || h.st.Ended || h.st.Paused {
		return
	}
	h.act(action{Action: "pause"})
	h.st.AutoPaused = true
	h.saveState()
	h.log.Info("room paused: no facilitator for a minute")
}

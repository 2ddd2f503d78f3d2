package web

import (
	"github.com/ccsim/ccsim/trainer"
	"github.com/ccsim/ccsim/workshop"
)

// Thresholds of the facilitator grid's attention flags.
const (
	hangUpLeftMS = 15000 // the customer hangs up within this many ms (node time-out)
	lowPatience  = 0.25  // patience at or below this share of its range
	stuckMS      = 60000 // ms without a line from the trainee or the customer
)

// attention lists why a running seat needs the facilitator's eye: the
// customer close to hanging up, the trainee stuck or offline, a rule
// broken. The page re-checks the time-based flags between grid pushes
// from timeout_left_ms and idle_ms.
func attention(s *workshop.Seat, r *gridRow, online int) []string {
	sess := s.Session
	if sess == nil || sess.Ended() || s.Extra.Removed {
		return nil
	}
	var out []string
	if (r.TimeoutLeftMS > 0 && r.TimeoutLeftMS <= hangUpLeftMS) || patienceLow(sess) {
		out = append(out, "hanging up")
	}
	if !sess.Paused() && r.IdleMS >= stuckMS {
		out = append(out, "stuck")
	}
	if online == 0 {
		out = append(out, "offline")
	}
	if len(r.Rules) > 0 {
		out = append(out, "rule broken")
	}
	return out
}

// patienceLow reports whether the customer's patience is at or below lowPatience of its range.
func patienceLow(sess *trainer.Session) bool {
	for _, v := range sess.Vars() {
		if v.Name == "patience" && v.Min != nil && v.Max != nil && *v.Max > *v.Min {
			return float64(v.Int-*v.Min) <= lowPatience*float64(*v.Max-*v.Min)
		}
	}
	return false
}

// idleMS is the session's active time since its last transcript line, in ms.
func idleMS(sess *trainer.Session, elapsed int64) int64 {
	tr := sess.Transcript()
	if len(tr) == 0 {
		return elapsed
	}
	return max(0, elapsed-tr[len(tr)-1].AtMS)
}

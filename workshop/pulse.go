package workshop

import "errors"

// PulseItems are the statements of the trust pulse, answered 1 (disagree) to 5 (agree).
var PulseItems = []string{
	"I trust the AI bot to hand customers over with the right information.",
	"I am confident handling a customer the bot has frustrated.",
	"AI tools make my work easier rather than harder.",
	"I know what to do when a customer is angry about an automated answer.",
	"I would recommend our bot to a friend who is a customer.",
}

// answerPulse records the seat's pulse answers for phase "before" or
// "after": once per phase, and only while that phase is asked (PulseNeed).
func (rm *Room) answerPulse(s *Seat, phase string, answers []int) error {
	if phase != "before" && phase != "after" || len(answers) != len(PulseItems) {
		return errors.New("malformed pulse answers")
	}
	if s.Extra.Pulse[phase] != nil {
		return errors.New("you have already answered these statements")
	}
	if rm.PulseNeed(s) != phase {
		return errors.New("these statements are not asked now")
	}
	for _, a := range answers {
		if a < 0 || a > 5 {
			return errors.New("pulse answers are 1 to 5")
		}
	}
	if s.Extra.Pulse == nil {
		s.Extra.Pulse = map[string][]int{}
	}
	s.Extra.Pulse[phase] = answers
	rm.GridChanged = true
	return nil
}

// PulseNeed is the pulse the seat's trainee is asked to answer now:
// "before" until answered, even once their session has started (it stays on
// top of the conversation), as long as the conversation and the workshop go
// on; "after" once the conversation (or the workshop) has ended; "" otherwise,
// for a removed seat, or when the room has no pulse.
func (rm *Room) PulseNeed(s *Seat) string {
	if !rm.Config.Pulse || s.Extra.Removed {
		return ""
	}
	ended := rm.State.Ended || (s.Session != nil && s.Session.Ended())
	switch {
	case s.Extra.Pulse["before"] == nil && !ended:
		return "before"
	case s.Extra.Pulse["after"] == nil && ended:
		return "after"
	}
	return ""
}

// PulseResult is one pulse statement before and after.
type PulseResult struct {
	Item    string  `json:"item"`
	Before  float64 `json:"before"` // mean of answers 1-5; 0 when none
	After   float64 `json:"after"`
	NBefore int     `json:"n_before"`
	NAfter  int     `json:"n_after"`
}

// PulseResults averages the room's pulse answers before and after, per
// statement; skipped answers (0) and removed trainees are left out.
func (rm *Room) PulseResults() []PulseResult {
	out := make([]PulseResult, len(PulseItems))
	for i, item := range PulseItems {
		r := PulseResult{Item: item}
		var sb, sa int
		for _, s := range rm.Seats {
			if s.Extra.Removed {
				continue
			}
			if a := s.Extra.Pulse["before"]; i < len(a) && a[i] > 0 {
				sb += a[i]
				r.NBefore++
			}
			if a := s.Extra.Pulse["after"]; i < len(a) && a[i] > 0 {
				sa += a[i]
				r.NAfter++
			}
		}
		if r.NBefore > 0 {
			r.Before = float64(sb) / float64(r.NBefore)
		}
		if r.NAfter > 0 {
			r.After = float64(sa) / float64(r.NAfter)
		}
		out[i] = r
	}
	return out
}

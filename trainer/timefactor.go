package trainer

import "time"

// DefaultFreeTimeFactor is the factor by which free mode stretches a
// script's timers when the script sets no free_time_factor. A typed turn
// takes about 45 s where a spoken or clicked one takes about 10 s. Measured
// on the bundled scripts, their model plays typed at 45 s per turn end in a
// hang-up in 6 of 8 scripts with factor 1, 1 of 8 with 1.5 and none with 2;
// 2.5 leaves a margin for slower typists.
const DefaultFreeTimeFactor = 2.5

// TimeFactor returns the factor by which sc's timers (node timeout_s, tick
// every_s and time_limit_s) are stretched in mode m: 1 in guided mode,
// FreeTimeFactor (or DefaultFreeTimeFactor) in free mode.
func (sc *Script) TimeFactor(m Mode) float64 {
	if m != ModeFree {
		return 1
	}
	if sc.FreeTimeFactor > 0 {
		return sc.FreeTimeFactor
	}
	return DefaultFreeTimeFactor
}

// scaled converts a script duration in seconds to the session's active
// time, stretched by the mode's time factor and rounded to milliseconds.
func (s *Session) scaled(sec int) time.Duration {
	f := s.sc.TimeFactor(s.mode)
	return (time.Duration(float64(sec) * f * float64(time.Second))).Round(time.Millisecond)
}

// TimeLimit returns the session's time limit in active time, stretched by the
// mode's time factor; 0 when the script has none.
func (s *Session) TimeLimit() time.Duration { return s.scaled(s.sc.TimeLimitS) }

// tickEvery returns the period of tick i in active time, stretched by the mode's time factor.
func (s *Session) tickEvery(i int) time.Duration {
	f := s.sc.TimeFactor(s.mode)
	return time.Duration(float64(s.p.ticks[i].every) * f).Round(time.Millisecond)
}

// scriptSeconds is elapsed_s: the active time in the script's own seconds,
// that is divided by the mode's time factor, so that a condition such as
// elapsed_s >= 360 comes at the same point of the call as the stretched
// timers do.
func (s *Session) scriptSeconds() int64 {
	return int64(float64(s.clock) / s.sc.TimeFactor(s.mode) / float64(time.Second))
}

package workshop

import (
	"strings"
	"unicode"
)

// CleanName is a typed name or trainee id as stored: trimmed, with Unicode
// bidirectional controls (which would reverse the text around the name
// wherever it is shown or exported) and other control and format
// characters removed, and runs of spaces made one.
func CleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case isBidiControl(r), unicode.Is(unicode.Cf, r):
			return -1
		case unicode.IsControl(r), unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isBidiControl reports whether r is a Unicode bidirectional control:
// embeddings, overrides, isolates and marks.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// seatByName is the seat with name and trainee id (compared without case), or nil.
func (rm *Room) seatByName(name, trainee string) *Seat {
	for _, s := range rm.Seats {
		if strings.EqualFold(s.Participant.Name, name) && strings.EqualFold(s.Participant.Trainee, trainee) {
			return s
		}
	}
	return nil
}

// rejoin gives seat s a new resume token, voiding the old one.
func (rm *Room) rejoin(s *Seat) (Joined, error) {
	if s.Extra.Removed {
		return Joined{}, ErrRemoved
	}
	tok := NewToken()
	s.Participant.TokenHash = HashToken(tok)
	rm.pdirty[s] = true
	rm.Changed[s] = true
	rm.GridChanged = true
	return Joined{ID: s.Participant.ID, Token: tok, Code: rm.Code, Rejoined: true}, nil
}

// StripBidi removes Unicode bidirectional controls from s, for exports
// that cannot isolate text (CSV).
func StripBidi(s string) string {
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

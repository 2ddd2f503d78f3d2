package workshop

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/ccsim/ccsim/scenarios"
)

// MaxPulseText is the longest free-text pulse answer, in characters.
const MaxPulseText = 500

var errTextLong = errors.New("the free-text answer has at most 500 characters")

// checkAnswers maps answers (one per statement, 1 to 5, 0 for skipped) to
// the statements' ids.
func checkAnswers(in *scenarios.Instrument, answers []int) (map[string]int, error) {
	if len(answers) != len(in.Statements) {
		return nil, errors.New("malformed pulse answers")
	}
	out := map[string]int{}
	for i, v := range answers {
		if v < 0 || v > 5 {
			return nil, errors.New("pulse answers are 1 to 5")
		}
		if v > 0 {
			out[in.Statements[i].ID] = v
		}
	}
	return out, nil
}

// PulseForm is what a trainee is asked: the statements, the labels of
// answers 1 to 5 and the free-text question, in one language.
type PulseForm struct {
	Phase   string    `json:"phase"`
	Items   []string  `json:"items"`
	Anchors [5]string `json:"anchors"`
	Free    string    `json:"free,omitempty"`
}

// Form returns the instrument's questions in language lang (its first
// language when it has not lang) for phase.
func Form(in *scenarios.Instrument, phase, lang string) PulseForm {
	lang = in.Lang(lang)
	f := PulseForm{Phase: phase, Anchors: in.Anchors[lang]}
	for _, st := range in.Statements {
		f.Items = append(f.Items, st.Text[lang])
	}
	if in.FreeText != nil {
		f.Free = in.FreeText.Text[lang]
	}
	return f
}

// Instrument parses the pulse instrument of a configuration: its own text,
// or the bundled default when it has none.
func (c Config) instrument() (*scenarios.Instrument, error) {
	if c.Instrument == "" {
		return scenarios.BundledPulse("")
	}
	return scenarios.ParsePulse("instrument"+scenarios.PulseSuffix, []byte(c.Instrument))
}

// Instrument is the room's pulse instrument; nil for a room without a
// pulse, or whose stored instrument no longer parses (it then asks none).
func (rm *Room) Instrument() *scenarios.Instrument {
	if rm.inst == nil && rm.Config.Pulse {
		rm.inst, _ = rm.Config.instrument()
	}
	return rm.inst
}

// RespondentKey is the respondent key of the trainee holding resume token
// tok in room: a hash the store cannot link to the trainee (it keeps only
// another hash of the token), which the trainee's own token recreates after
// a restart, so that their before and after stay paired.
func RespondentKey(room, tok string) string {
	h := sha256.Sum256([]byte("ccsim pulse respondent\x00" + room + "\x00" + tok))
	return hex.EncodeToString(h[:12])
}

// SetRespondent gives seat s the respondent key of its resume token tok.
func (rm *Room) SetRespondent(s *Seat, tok string) { s.respondent = RespondentKey(rm.Code, tok) }

// newRespondent is a random respondent key, for a seat whose token the room
// was not told.
func newRespondent() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// answerPulse records the seat's answers for phase "before" or "after":
// once per phase, and only while that phase is asked (PulseNeed). The
// answers go to the round's anonymous record, not to the seat, which only
// notes that the phase is done.
func (rm *Room) answerPulse(s *Seat, phase string, answers []int, text string) error {
	in := rm.Instrument()
	if phase != "before" && phase != "after" || in == nil {
		return errors.New("malformed pulse answers")
	}
	if s.pulseDone(phase) {
		return errors.New("you have already answered these statements")
	}
	if rm.PulseNeed(s) != phase {
		return errors.New("these statements are not asked now")
	}
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > MaxPulseText {
		return errTextLong
	}
	given, err := checkAnswers(in, answers)
	if err != nil {
		return err
	}
	a := PulseAnswer{Round: rm.Code, Phase: phase, Answers: given}
	if s.respondent == "" {
		s.respondent = newRespondent()
	}
	a.Respondent = s.respondent
	rm.recordPulse(a, text)
	if s.Extra.PulseDone == nil {
		s.Extra.PulseDone = map[string]bool{}
	}
	s.Extra.PulseDone[phase] = true
	rm.pdirty[s] = true
	rm.GridChanged = true
	return nil
}

// recordPulse keeps an answer (and its free text) in the room and adds it,
// with the round's row, to the batch.
func (rm *Room) recordPulse(a PulseAnswer, text string) {
	rm.pulse.Answers = append(rm.pulse.Answers, a)
	rm.batch.PulseRounds = append(rm.batch.PulseRounds, rm.PulseRound())
	rm.batch.PulseAnswers = append(rm.batch.PulseAnswers, a)
	if text != "" {
		t := PulseText{Round: rm.Code, Phase: a.Phase, Text: text}
		rm.pulse.Texts = append(rm.pulse.Texts, t)
		rm.batch.PulseTexts = append(rm.batch.PulseTexts, t)
	}
}

// dropPulse deletes the ratings of a removed seat, when the room knows its
// respondent key (it does once the trainee has connected since the server
// started). Free texts are kept apart from any key and stay.
func (rm *Room) dropPulse(s *Seat) {
	if s.respondent == "" {
		return
	}
	kept := rm.pulse.Answers[:0]
	for _, a := range rm.pulse.Answers {
		if a.Respondent != s.respondent {
			kept = append(kept, a)
		}
	}
	rm.pulse.Answers = kept
	rm.batch.PulseDrops = append(rm.batch.PulseDrops, PulseAnswer{Round: rm.Code, Respondent: s.respondent})
}

// PulseRound is the room's round of the team's pulse history.
func (rm *Room) PulseRound() PulseRound {
	r := PulseRound{ID: rm.Code, Team: rm.Config.Team, Kind: KindWorkshop, Title: rm.Config.Title, CreatedMS: rm.CreatedMS}
	if in := rm.Instrument(); in != nil {
		r.Instrument = in.Source
	}
	return r
}

// pulseDone reports whether the seat has answered phase (also in the
// answers-on-the-seat form of rooms stored before the anonymous record).
func (s *Seat) pulseDone(phase string) bool {
	return s.Extra.PulseDone[phase] || s.Extra.Pulse[phase] != nil
}

// PulseNeed is the pulse the seat's trainee is asked to answer now:
// "before" until answered, even once their session has started (it stays on
// top of the conversation), as long as the conversation and the workshop go
// on; "after" once the conversation (or the workshop) has ended; "" otherwise,
// for a removed seat, or when the room has no pulse.
func (rm *Room) PulseNeed(s *Seat) string {
	if rm.Instrument() == nil || s.Extra.Removed {
		return ""
	}
	ended := rm.State.Ended || (s.Session != nil && s.Session.Ended())
	switch {
	case !s.pulseDone("before") && !ended:
		return "before"
	case !s.pulseDone("after") && ended:
		return "after"
	}
	return ""
}

// PulseSummary is what may be shown of the room's pulse in language lang
// under the room's anonymity threshold; nil for a room without a pulse.
func (rm *Room) PulseSummary(lang string) *RoundSummary {
	in := rm.Instrument()
	if in == nil {
		return nil
	}
	d := rm.pulse
	d.Round = rm.PulseRound()
	s := Summarize(in, d, lang, rm.Config.MinGroup)
	return &s
}

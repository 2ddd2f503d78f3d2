package workshop

import (
	"crypto/sha256"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ccsim/ccsim/scenarios"
)

// Kinds of pulse round.
const (
	KindWorkshop   = "workshop"   // a workshop room with role-plays
	KindStandalone = "standalone" // a stand-alone pulse shared by code or link
	KindTerminal   = "terminal"   // ccsim train --pulse sessions
)

// PulseRound is one occasion on which a team answered the pulse: a workshop
// room, a stand-alone pulse or terminal sessions. It records the
// instrument's text so that old rounds read as they were asked.
type PulseRound struct {
	ID         string `json:"id"`
	Team       string `json:"team"`
	Kind       string `json:"kind"`
	Title      string `json:"title"`
	CreatedMS  int64  `json:"created_ms"`
	Instrument []byte `json:"-"` // the instrument's TOML text
}

// PulseAnswer is one respondent's answers in one phase ("before" or
// "after"). Respondent is a random key that links a person's before and
// after within one round and nothing else: no name, no seat, no time.
type PulseAnswer struct {
	Round      string         `json:"-"`
	Respondent string         `json:"-"`
	Phase      string         `json:"-"`
	Answers    map[string]int `json:"-"` // statement id → 1 to 5; skipped statements left out
}

// PulseText is one free-text answer, stored apart from any respondent key
// so that it cannot be joined to that person's ratings.
type PulseText struct {
	Round string
	Phase string
	Text  string
}

// PulsePhases are the phases of a round, in order. A stand-alone pulse
// asks once and records it as "before": the team's state at that time.
var PulsePhases = []string{"before", "after"}

// RoundData is what a round's summary is computed from.
type RoundData struct {
	Round   PulseRound
	Answers []PulseAnswer
	Texts   []PulseText
}

// shuffleTexts orders texts by a hash of round and text: an order unrelated
// to who answered when, the same on every reading.
func shuffleTexts(round string, texts []string) []string {
	key := func(s string) string {
		h := sha256.Sum256([]byte(round + "\x00" + s))
		return string(h[:])
	}
	out := slices.Clone(texts)
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(key(a), key(b)) })
	return out
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// NewStandalone is a new stand-alone pulse round of team, asked with in,
// opened at createdMS (Unix milliseconds), with a fresh code as its id.
func NewStandalone(team, title string, in *scenarios.Instrument, createdMS int64) PulseRound {
	if title == "" {
		title = "Pulse"
	}
	return PulseRound{ID: NewCode(), Team: team, Kind: KindStandalone, Title: title, CreatedMS: createdMS, Instrument: in.Source}
}

// StandaloneAnswer checks one person's answers to a stand-alone pulse (one
// per statement of in, 0 for skipped, and a free text of at most
// MaxPulseText characters) and returns the batch that records them under a
// new respondent key, as the round's only ("before") phase.
func StandaloneAnswer(r PulseRound, in *scenarios.Instrument, answers []int, text string) (*Batch, error) {
	a, err := checkAnswers(in, answers)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > MaxPulseText {
		return nil, errTextLong
	}
	b := &Batch{PulseAnswers: []PulseAnswer{{Round: r.ID, Respondent: newRespondent(), Phase: "before", Answers: a}}}
	if text != "" {
		b.PulseTexts = []PulseText{{Round: r.ID, Phase: "before", Text: text}}
	}
	return b, nil
}

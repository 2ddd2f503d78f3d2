package workshop

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/ccsim/ccsim/scenarios"
)

// History is a team's pulse over its rounds, oldest first, every figure
// under the anonymity threshold Min.
type History struct {
	Team   string         `json:"team"`
	Min    int            `json:"min_group"`
	Rounds []RoundSummary `json:"rounds"`
	Trend  []ScaleTrend   `json:"trend"`
}

// ScaleTrend is the drift of one scale's index across rounds: the
// least-squares slope of the "before" index (the team's state as each round
// began) in index points per round, over the Rounds rounds that show it.
type ScaleTrend struct {
	Scale  string   `json:"scale"`
	Label  string   `json:"label"`
	Rounds int      `json:"rounds"`
	Slope  *float64 `json:"slope,omitempty"` // nil with fewer than 2 rounds
	First  *float64 `json:"first,omitempty"` // the earliest shown "before" index
	Last   *float64 `json:"last,omitempty"`  // the latest
}

// BuildHistory summarises a team's rounds (any order; sorted by creation
// time, then id) in language lang under the threshold least. Each round is
// read with the instrument it was asked with.
func BuildHistory(team string, rounds []RoundData, lang string, least int) (History, error) {
	least = max(least, MinGroup)
	h := History{Team: team, Min: least, Rounds: []RoundSummary{}, Trend: []ScaleTrend{}}
	rounds = slices.Clone(rounds)
	slices.SortStableFunc(rounds, func(a, b RoundData) int {
		if a.Round.CreatedMS != b.Round.CreatedMS {
			return map[bool]int{true: -1, false: 1}[a.Round.CreatedMS < b.Round.CreatedMS]
		}
		return strings.Compare(a.Round.ID, b.Round.ID)
	})
	var scales []scenarios.PulseScale
	var lastLang string
	for _, d := range rounds {
		in, err := scenarios.ParsePulse(d.Round.ID+scenarios.PulseSuffix, d.Round.Instrument)
		if err != nil {
			return h, fmt.Errorf("pulse round %s: %w", d.Round.ID, err)
		}
		h.Rounds = append(h.Rounds, Summarize(in, d, lang, least))
		lastLang = in.Lang(lang)
		for _, sc := range in.Scales {
			if i := slices.IndexFunc(scales, func(s scenarios.PulseScale) bool { return s.ID == sc.ID }); i >= 0 {
				scales[i] = sc // the latest label
			} else {
				scales = append(scales, sc)
			}
		}
	}
	for _, sc := range scales {
		h.Trend = append(h.Trend, trend(sc.ID, sc.Label[lastLang], h.Rounds))
	}
	return h, nil
}

// trend fits the least-squares line through the shown "before" indices of
// scale, at x = the round's position in the history.
func trend(scale, label string, rounds []RoundSummary) ScaleTrend {
	t := ScaleTrend{Scale: scale, Label: label}
	var xs, ys []float64
	for i, r := range rounds {
		for _, s := range r.Scales {
			if s.Scale == scale && s.Before != nil {
				xs, ys = append(xs, float64(i)), append(ys, s.Before.Mean)
			}
		}
	}
	t.Rounds = len(xs)
	if len(xs) == 0 {
		return t
	}
	t.First, t.Last = &ys[0], &ys[len(ys)-1]
	if len(xs) < 2 {
		return t
	}
	var mx, my float64
	for i := range xs {
		mx, my = mx+xs[i], my+ys[i]
	}
	mx, my = mx/float64(len(xs)), my/float64(len(xs))
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	slope := sxy / sxx
	t.Slope = &slope
	return t
}

// LoadRounds reads the rounds of team ("" for every team) with their
// answers from a store.
func LoadRounds(ctx context.Context, db PulseReader, team string) ([]RoundData, error) {
	rounds, err := db.PulseRounds(ctx, team)
	if err != nil {
		return nil, err
	}
	out := make([]RoundData, 0, len(rounds))
	for _, r := range rounds {
		as, ts, err := db.PulseResponses(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, RoundData{Round: r, Answers: as, Texts: ts})
	}
	return out, nil
}

// Teams lists the teams of rounds, sorted, with how many rounds each has.
// Rounds without a team label belong to no history and are left out.
func Teams(rounds []PulseRound) []TeamCount {
	n := map[string]int{}
	for _, r := range rounds {
		if r.Team != "" {
			n[r.Team]++
		}
	}
	var out []TeamCount
	for _, t := range sortedKeys(n) {
		out = append(out, TeamCount{Team: t, Rounds: n[t]})
	}
	return out
}

// TeamCount is a team and its number of pulse rounds.
type TeamCount struct {
	Team   string `json:"team"`
	Rounds int    `json:"rounds"`
}

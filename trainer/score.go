package trainer

import "math"

// DimScore is the result on one rubric dimension.
type DimScore struct {
	ID      string  `json:"id"`
	Label   string  `json:"label,omitempty"`
	Weight  int     `json:"weight"`
	Earned  int     `json:"earned"`  // points before penalties (or the auto formula's value)
	Penalty int     `json:"penalty"` // points taken off by rules
	Points  int     `json:"points"`  // earned - penalty, clamped to [0, max]
	Max     int     `json:"max"`
	Pct     float64 `json:"pct"`
}

// Score is the rubric applied to a session.
type Score struct {
	Dims     []DimScore `json:"dims"`
	TotalPct float64    `json:"total_pct"` // weighted, 0-100, one decimal
	PassPct  int        `json:"pass_pct"`
	Pass     bool       `json:"pass"`
	Band     string     `json:"band,omitempty"`   // highest band reached; "" for none
	Capped   bool       `json:"capped,omitempty"` // a critical rule capped the total below the pass mark
	// Void says why the session cannot pass whatever it scored: the script
	// failed (a runtime error, too many redirects); "" otherwise.
	Void string `json:"void,omitempty"`
}

// Score applies the rubric to the session as it stands: earned points (or
// each dimension's auto formula), minus rule penalties, clamped to [0, max],
// weighted into a percentage. A fired critical rule caps the total just below
// the pass mark. A session with a script error never passes (Void says why).
func (s *Session) Score() Score {
	r := s.sc.Rubric
	sc := Score{PassPct: r.PassPct}
	penalty := make([]int, len(r.Dims))
	critical := false
	for _, h := range s.hits {
		if i, ok := s.p.dimIndex[h.Dim]; ok {
			penalty[i] += h.Penalty
		}
		critical = critical || h.Critical
	}
	var sum, wsum float64
	for i, d := range r.Dims {
		earned := s.points[i]
		if f := s.p.dims[i]; f != nil {
			earned = int(f(s).Int())
		}
		pts := max(0, min(d.Max, earned-penalty[i]))
		pct := 100 * float64(pts) / float64(max(1, d.Max))
		sc.Dims = append(sc.Dims, DimScore{ID: d.ID, Label: d.Label, Weight: d.Weight, Earned: earned,
			Penalty: penalty[i], Points: pts, Max: d.Max, Pct: round1(pct)})
		sum += float64(d.Weight) * pct
		wsum += float64(d.Weight)
	}
	if wsum > 0 {
		sc.TotalPct = round1(sum / wsum)
	}
	if critical && sc.TotalPct >= float64(r.PassPct) {
		sc.TotalPct = math.Max(0, float64(r.PassPct)-1)
		sc.Capped = true
	}
	sc.Void = s.voidReason()
	sc.Pass = sc.TotalPct >= float64(r.PassPct) && !critical && sc.Void == ""
	best := -1
	for _, b := range r.Bands {
		if sc.TotalPct >= float64(b.MinPct) && b.MinPct > best {
			sc.Band, best = b.Name, b.MinPct
		}
	}
	return sc
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// voidReason says why a session cannot pass: a script error ended it or
// happened during it, so its score does not measure the trainee.
func (s *Session) voidReason() string {
	if len(s.errs) == 0 && s.outcome != "error" {
		return ""
	}
	switch {
	case s.outcome == "error" && len(s.errs) > 0:
		return s.msg.Sprintf("the session ended in a script error: %s; the score does not count", s.errs[0])
	case s.outcome == "error":
		return s.msg.Sprintf("the session ended in a script error; the score does not count")
	}
	return s.msg.Sprintf("the script had an error during the session: %s; the score does not count", s.errs[0])
}

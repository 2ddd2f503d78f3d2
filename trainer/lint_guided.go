package trainer

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// longestShare is the share of decision points at which the best reply
// having the longest label makes lint warn that "press the longest button"
// passes; minDecisions is how many decision points it needs to judge.
const (
	longestShare = 0.6
	minDecisions = 3
)

// longestLabel warns when, at most decision points, the best reply (the one
// that scores most) also has the longest label: trainees learn to press the
// longest button instead of judging. Choices are shuffled, so position
// gives nothing away; length still can.
func (l *linter) longestLabel() {
	if !l.s.HasMode(ModeGuided) {
		return
	}
	var decisions int
	var longest []string
	for _, c := range l.p.nodes {
		if c == nil || len(c.replies) < 2 {
			continue
		}
		best, ok := bestReply(c.replies)
		if !ok {
			continue
		}
		decisions++
		if isLongest(best, c.replies) {
			longest = append(longest, c.n.ID)
		}
	}
	if decisions >= minDecisions && float64(len(longest)) >= longestShare*float64(decisions) {
		l.p.warnf("node."+longest[0], "the best reply has the longest label at %d of %d decision points (%s): "+
			"pressing the longest button passes; vary the label lengths", len(longest), decisions, strings.Join(longest, ", "))
	}
}

// bestReply returns the reply that scores most, if one scores strictly more than the others.
func bestReply(rs []*creply) (*creply, bool) {
	var best *creply
	bestPts, tie := 0, false
	for _, r := range rs {
		pts := 0
		for _, v := range r.r.Score {
			pts += v
		}
		switch {
		case best == nil || pts > bestPts:
			best, bestPts, tie = r, pts, false
		case pts == bestPts:
			tie = true
		}
	}
	return best, best != nil && !tie && bestPts > 0
}

func isLongest(r *creply, rs []*creply) bool {
	n := utf8.RuneCountInString(r.r.Label)
	for _, o := range rs {
		if o != r && utf8.RuneCountInString(o.r.Label) >= n {
			return false
		}
	}
	return true
}

// endNotes warns about endings without a debrief note: the trainee learns
// from the debrief why the call ended as it did.
func (l *linter) endNotes() {
	for _, n := range l.s.Nodes {
		if n.End != "" && n.Debrief == "" {
			l.p.warnf("node."+n.ID, "ending %q has no debrief note: say why the call ended this way", n.End)
		}
	}
}

// criticalRules makes a critical rule that can never fire an error: its
// condition can never hold, or its before_tag names no node's tag.
func (l *linter) criticalRules(never map[string]bool) {
	for i, r := range l.s.Rules {
		if !r.Critical {
			continue
		}
		path := fmt.Sprintf("rule.%d", i)
		switch {
		case never[path+".when"]:
			l.p.errorf(path+".when", "critical rule %q can never fire: its condition can never hold", r.ID)
		case r.BeforeTag != "" && !l.p.tags[r.BeforeTag]:
			l.p.errorf(path+".before_tag", "critical rule %q can never fire: no node has tag %q", r.ID, r.BeforeTag)
		case r.Forbid != "" && never[path+".forbid"]:
			l.p.errorf(path+".forbid", "critical rule %q can never fire: its pattern can never match normalised text", r.ID)
		}
	}
}

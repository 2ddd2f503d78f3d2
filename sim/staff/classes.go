package staff

import (
	"slices"

	"github.com/ccsim/ccsim/sim"
)

// nearGroups reports, for each pair of groups of sc, whether they share a
// skill, so that a removal in one shows in the other's figures (overflow).
// A group is near itself.
func nearGroups(sc *sim.Scenario, skills []string) [][]bool {
	near := make([][]bool, len(sc.Groups))
	for g := range near {
		near[g] = make([]bool, len(sc.Groups))
		for h := range near[g] {
			near[g][h] = g == h || shareSkill(groupSkills(sc, g, skills), groupSkills(sc, h, skills))
		}
	}
	return near
}

// shareSkill reports whether two skill lists have a skill in common.
func shareSkill(a, b []sim.Skill) bool {
	for _, x := range a {
		if slices.ContainsFunc(b, func(y sim.Skill) bool { return y.Name == x.Name }) {
			return true
		}
	}
	return false
}

// trimClasses partitions the groups into the classes a trimming round
// takes agents from together: no two groups of a class are near each
// other or near a common group, so a miss in any group is near at most one
// group of the round, whose removal it points at (see culprit). Groups
// take the first class they fit, in group order; when all groups are near
// each other, every group is a class of its own.
func trimClasses(near [][]bool) [][]int {
	var classes [][]int
	for g := range near {
		placed := false
		for c, members := range classes {
			if !slices.ContainsFunc(members, func(h int) bool { return within2(near, g, h) }) {
				classes[c] = append(classes[c], g)
				placed = true
				break
			}
		}
		if !placed {
			classes = append(classes, []int{g})
		}
	}
	return classes
}

// within2 reports whether groups g and h are near each other or near a common group.
func within2(near [][]bool, g, h int) bool {
	for x := range near {
		if near[g][x] && near[x][h] {
			return true
		}
	}
	return false
}

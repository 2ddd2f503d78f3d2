package staff

import (
	"reflect"
	"testing"
)

// TestCulprit: a miss points at the latest removal in its period or
// before, of its own group when there is one, else of a group near it.
func TestCulprit(t *testing.T) {
	cand := []cell{{0, 1}, {0, 3}, {1, 2}, {1, 5}, {2, 2}}
	near := [][]bool{{true, true, false}, {true, true, false}, {false, false, true}}
	tests := []struct {
		name       string
		miss, want cell
	}{
		{"own period", cell{0, 3}, cell{0, 3}},
		{"the period before", cell{0, 4}, cell{0, 3}},
		{"own group before another's later removal", cell{0, 2}, cell{0, 1}},
		{"a near group's removal when its own has none before", cell{1, 1}, cell{0, 1}},
		{"a near group's removal before a far group's later one", cell{2, 1}, cell{0, 1}},
		{"before every removal", cell{0, 0}, cell{0, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := culprit(cand, tc.miss, near); got != tc.want {
				t.Errorf("culprit(%v) = %v, want %v", tc.miss, got, tc.want)
			}
		})
	}
}

// TestTrimClasses: groups trimmed in one round share no skill, not even
// through a third group.
func TestTrimClasses(t *testing.T) {
	ring := func(n int) [][]bool { // group g shares a skill with g−1 and g+1
		near := make([][]bool, n)
		for g := range near {
			near[g] = make([]bool, n)
			for _, h := range []int{(g + n - 1) % n, g, (g + 1) % n} {
				near[g][h] = true
			}
		}
		return near
	}
	tests := []struct {
		name string
		near [][]bool
		want [][]int
	}{
		{"two groups sharing a skill", [][]bool{{true, true}, {true, true}}, [][]int{{0}, {1}}},
		{"three groups sharing none", [][]bool{{true, false, false}, {false, true, false}, {false, false, true}}, [][]int{{0, 1, 2}}},
		{"a chain through a third group", [][]bool{{true, true, false}, {true, true, true}, {false, true, true}}, [][]int{{0}, {1}, {2}}},
		{"a ring of 8", ring(8), [][]int{{0, 3}, {1, 4}, {2, 5}, {6}, {7}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := trimClasses(tc.near); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("trimClasses = %v, want %v", got, tc.want)
			}
		})
	}
}

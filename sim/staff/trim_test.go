package staff

import "testing"

// TestCulprit: a miss points at the latest removal in its period or
// before, of its own group when there is one.
func TestCulprit(t *testing.T) {
	cand := []cell{{0, 1}, {0, 3}, {1, 2}, {1, 5}}
	tests := []struct {
		name       string
		miss, want cell
	}{
		{"own period", cell{0, 3}, cell{0, 3}},
		{"the period before", cell{0, 4}, cell{0, 3}},
		{"own group before another's later removal", cell{0, 2}, cell{0, 1}},
		{"another group's removal when its own has none before", cell{1, 1}, cell{0, 1}},
		{"before every removal", cell{0, 0}, cell{0, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := culprit(cand, tc.miss); got != tc.want {
				t.Errorf("culprit(%v) = %v, want %v", tc.miss, got, tc.want)
			}
		})
	}
}

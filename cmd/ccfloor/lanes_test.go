package main

import "testing"

func TestSubRow(t *testing.T) {
	track := Rect{0, 0, 100, 30}
	tests := []struct {
		name string
		n    int
		want []float32 // y of sub-rows 0, 1, …
	}{
		{"one", 1, []float32{15}},
		{"two", 2, []float32{7.5, 22.5}},
		{"three", 3, []float32{15, 5, 25}},
		{"four", 4, []float32{11.25, 3.75, 18.75, 26.25}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			seen := map[float32]bool{}
			for k, want := range tc.want {
				got := subRow(track, k, tc.n)
				if got != want || seen[got] {
					t.Errorf("subRow(k=%d, n=%d) = %v, want %v (each row once)", k, tc.n, got, want)
				}
				seen[got] = true
			}
		})
	}
}

package calibrate_test

import (
	"fmt"

	"github.com/ccsim/ccsim/calibrate"
)

// ExampleKaplanMeier estimates patience from six waits: three customers hung
// up (events), three were answered first (censored).
func ExampleKaplanMeier() {
	obs := []calibrate.Observation{{T: 10, Event: true}, {T: 20}, {T: 30, Event: true}, {T: 40}, {T: 50, Event: true}, {T: 60}}
	for _, s := range calibrate.KaplanMeier(obs) {
		fmt.Printf("t=%2.0f at risk %d  S=%.3f\n", s.T, s.AtRisk, s.S)
	}
	// Output:
	// t=10 at risk 6  S=0.833
	// t=20 at risk 5  S=0.833
	// t=30 at risk 4  S=0.625
	// t=40 at risk 3  S=0.625
	// t=50 at risk 2  S=0.312
	// t=60 at risk 1  S=0.312
}

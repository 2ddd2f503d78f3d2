package simtest_test

import (
	"fmt"

	"github.com/ccsim/ccsim/sim/simtest"
)

// ExampleKnownDay shows the shape of the shared round-trip day.
func ExampleKnownDay() {
	sc := simtest.KnownDay()
	fmt.Println(sc.Intervals(), "intervals,", sc.ExpectedContacts(), "expected contacts,", len(sc.Intents), "intents")
	// Output: 12 intervals, 1490 expected contacts, 2 intents
}

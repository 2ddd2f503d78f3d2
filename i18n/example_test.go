package i18n_test

import (
	"fmt"

	"github.com/ccsim/ccsim/i18n"
)

func ExampleCatalog_Printer() {
	german := i18n.Catalog{"Score: %.1f%%\n": "Punkte: %.1f %%\n"}
	for _, header := range []string{"en-GB,en;q=0.9", "de-DE,de;q=0.9,en;q=0.5"} {
		german.Printer(i18n.FromAcceptLanguage(header)).Printf("Score: %.1f%%\n", 92.5)
	}
	fmt.Println(i18n.Parse("fr"))
	// Output:
	// Score: 92.5%
	// Punkte: 92,5 %
	//  i18n: unknown language "fr": want en or de
}

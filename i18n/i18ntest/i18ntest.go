// Package i18ntest checks a package's message catalogue in its tests.
package i18ntest

import (
	"testing"

	"github.com/ccsim/ccsim/i18n"
)

// Check fails tb for every key the sources in dirs print without a German
// translation, every translation nothing prints and every translation whose
// verbs differ from its key's (i18n.Check).
func Check(tb testing.TB, c i18n.Catalog, dirs ...string) {
	tb.Helper()
	problems, err := i18n.Check(c, dirs...)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range problems {
		tb.Error(p)
	}
}

package main

import (
	"testing"

	"github.com/ccsim/ccsim/i18n/i18ntest"
)

// TestMessages fails when a text the command line prints through its
// catalogue has no German translation, or a translation is for a text
// nothing prints.
func TestMessages(t *testing.T) {
	i18ntest.Check(t, messages, ".")
}

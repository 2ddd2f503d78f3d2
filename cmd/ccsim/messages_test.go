package main

import (
	"testing"

	"github.com/ccsim/ccsim/i18n"
)

// TestMessages fails when a text the command line prints through its
// catalogue has no German translation, or a translation is for a text
// nothing prints.
func TestMessages(t *testing.T) {
	problems, err := i18n.Check(messages, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

package main

import (
	"fmt"

	"github.com/ccsim/ccsim/i18n"
	"github.com/ccsim/ccsim/trainer"
)

// langFlag reads a --lang value for cmd; "" falls back to def (a script's
// lang, itself "" for English).
func langFlag(cmd, value, def string) (i18n.Lang, error) {
	if value == "" {
		value = def
	}
	l, err := i18n.Parse(value)
	if err != nil {
		return "", usageError{fmt.Errorf("%s: --lang must be en or de, not %q", cmd, value)}
	}
	return l, nil
}

// modeName is a mode as the trainee reads it.
func (t *terminal) modeName(m trainer.Mode) string {
	if m == trainer.ModeFree {
		return t.p.Sprintf("free")
	}
	return t.p.Sprintf("guided")
}

// varName is a watched variable's name as the trainee reads it: the usual
// three in the trainer's language, others as the script names them.
func (t *terminal) varName(name string) string {
	switch name {
	case "mood":
		return t.p.Sprintf("mood")
	case "trust":
		return t.p.Sprintf("trust")
	case "patience":
		return t.p.Sprintf("patience")
	}
	return name
}

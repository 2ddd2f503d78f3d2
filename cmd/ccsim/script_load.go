package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/ccsim/ccsim/scenarios"
	"github.com/ccsim/ccsim/trainer"
)

// roleplaySource returns the text of a role-play given as a file path or a bundled name,
// and the name to use in messages.
func roleplaySource(arg string) (name string, data []byte, err error) {
	if data, err := os.ReadFile(arg); err == nil {
		return arg, data, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", nil, err
	}
	base := strings.TrimSuffix(arg, ".roleplay.toml")
	if data, ok := scenarios.RoleplaySource(base); ok {
		return base + ".roleplay.toml", data, nil
	}
	return "", nil, usageError{fmt.Errorf("%s: no such file or bundled role-play (bundled: %s)",
		arg, strings.Join(scenarios.RoleplayNames(), ", "))}
}

// loadRoleplay loads and validates a role-play given as a file path or a bundled name.
func loadRoleplay(arg string) (*trainer.Script, error) {
	name, data, err := roleplaySource(arg)
	if err != nil {
		return nil, err
	}
	sc, err := scenarios.ParseRoleplay(name, data)
	if err != nil {
		return nil, usageError{err}
	}
	return sc, nil
}

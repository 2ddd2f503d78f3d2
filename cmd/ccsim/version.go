package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// buildVersion is set at link time by make build (-X main.buildVersion=…,
// from git describe); empty in other builds.
var buildVersion string

// version is the program's version: the module version when built from a
// tagged module, else "devel", with the commit and a "+dirty" mark when the
// build's source control information says so.
func version() string {
	if buildVersion != "" {
		return "ccsim " + buildVersion
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "ccsim devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " (" + rev + dirty + ")"
	}
	return "ccsim " + v
}

// runVersion prints the version.
func runVersion(_ context.Context, e env, args []string) error {
	fs := newFlags("version", "version", e.stderr)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, "no arguments"); err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, version())
	return err
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsim/ccsim/scenarios"
)

// runExamples lists the bundled scenarios and role-plays, or shows one.
func runExamples(ctx context.Context, e env, args []string) error {
	fs := newFlags("examples", "examples [--roleplay] | examples show NAME", e.stderr)
	onlyRoleplay := fs.Bool("roleplay", false, "list only the role-play scripts")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		if pos[0] != "show" || len(pos) != 2 {
			return usageError{fmt.Errorf("usage: ccsim examples show NAME")}
		}
		if src, ok := scenarios.Source(pos[1]); ok {
			_, err := e.stdout.Write(src)
			return err
		}
		if src, ok := scenarios.RoleplaySource(pos[1]); ok {
			_, err := e.stdout.Write(src)
			return err
		}
		return usageError{fmt.Errorf("no bundled scenario or role-play named %q (see 'ccsim examples')", pos[1])}
	}
	if !*onlyRoleplay {
		fmt.Fprintln(e.stdout, "Simulation scenarios (ccsim run NAME):")
		for _, n := range scenarios.Names() {
			src, _ := scenarios.Source(n)
			fmt.Fprintf(e.stdout, "  %-16s %s\n", n, describe(src))
		}
		fmt.Fprintln(e.stdout)
	}
	fmt.Fprintln(e.stdout, "Role-play scripts (ccsim train NAME):")
	for _, n := range scenarios.RoleplayNames() {
		src, _ := scenarios.RoleplaySource(n)
		fmt.Fprintf(e.stdout, "  %-28s %s\n", n, describe(src))
	}
	fmt.Fprintln(e.stdout, "\nShow one with: ccsim examples show NAME")
	return nil
}

// describe returns a file's title: its name or title key, else its first comment line.
func describe(src []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(src))
	comment := ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		for _, key := range []string{"name", "title"} {
			if v, ok := strings.CutPrefix(line, key+" = "); ok {
				if u, err := strconv.Unquote(v); err == nil {
					return u // a basic TOML string: its escapes are Go's
				}
				return strings.Trim(v, `"'`)
			}
		}
		if c, ok := strings.CutPrefix(line, "# "); ok && comment == "" {
			comment = c
		}
	}
	return comment
}

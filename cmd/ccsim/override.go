package main

import (
	"strings"

	"github.com/ccsim/ccsim/scenarios"
)

// overrideFlag collects repeated --set key=value flags.
type overrideFlag []scenarios.Override

func (f *overrideFlag) String() string {
	parts := make([]string, len(*f))
	for i, o := range *f {
		parts[i] = o.String()
	}
	return strings.Join(parts, " ")
}

// Set parses one key=value.
func (f *overrideFlag) Set(s string) error {
	o, err := scenarios.ParseOverride(s)
	if err != nil {
		return err
	}
	*f = append(*f, o)
	return nil
}

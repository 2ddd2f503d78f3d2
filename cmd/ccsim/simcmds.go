package main

import (
	"context"
	"errors"
)

func runValidate(ctx context.Context, e env, args []string) error {
	return errors.New("validate: not built yet")
}
func runErlang(ctx context.Context, e env, args []string) error {
	return errors.New("erlang: not built yet")
}
func runExamples(ctx context.Context, e env, args []string) error {
	return errors.New("examples: not built yet")
}

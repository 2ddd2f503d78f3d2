package main

import (
	"context"
	"errors"
)

// runTrain plays a role-play in the terminal (issue 3 replaces this stub).
func runTrain(ctx context.Context, e env, args []string) error {
	return errors.New("train: not built yet")
}

// runScript runs the role-play authoring tools (issue 3 replaces this stub).
func runScript(ctx context.Context, e env, args []string) error {
	return errors.New("script: not built yet")
}

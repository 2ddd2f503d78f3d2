// Package trainer is the role-play engine: scripts, sessions, scoring and workshop rooms.
package trainer

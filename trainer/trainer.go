// Package trainer is the role-play engine: a compiled Script, a Session (a
// pure state machine on an injected clock), understanding of free text,
// scoring, rules and the debrief of one session. It imports nothing of the
// project: scripts are loaded from TOML by package scenarios, and workshop
// rooms of many sessions live in package workshop.
package trainer

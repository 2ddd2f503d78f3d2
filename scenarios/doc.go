// Package scenarios holds the TOML formats: simulation scenarios, sweeps,
// overrides, role-play scripts and pulse instruments, decoded strictly with
// file:line errors, and the bundled examples. Open is the one loader every
// command uses. It is the only importer of the TOML library; contact
// records are read by package records and fitted by package calibrate.
package scenarios

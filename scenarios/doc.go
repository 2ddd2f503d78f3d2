// Package scenarios loads simulation scenarios and role-play scripts from TOML, strictly, with file:line errors.
package scenarios

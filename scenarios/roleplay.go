package scenarios

// RoleplayNames lists the bundled role-play scripts by name (issue 3 fills this in).
func RoleplayNames() []string { return nil }

// RoleplaySource returns the TOML text of the bundled role-play name.
func RoleplaySource(name string) ([]byte, bool) { return nil, false }

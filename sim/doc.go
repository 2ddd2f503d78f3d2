// Package sim is a discrete-event simulator of contact centers where an AI bot
// and human agents share the work.
//
// A Scenario describes demand, intents, the bot front end and agent groups.
// Run simulates its replications on a pool of workers and merges them in
// replication order into Results (means with 95 % confidence intervals, in
// total, per interval, per intent and per agent group). NewRun gives one
// replication that can be stepped with RunUntil for live views.
//
// The package is pure: no I/O, no wall clock, no global random state. Every
// random process has its own PCG stream derived from (seed, replication,
// purpose), and a contact's random attributes are drawn when it arrives, so
// scenarios that differ only in staffing see the same customers.
//
// MetricTable is the one table of metric names, definitions, units and
// labels that every report, table and page uses. Subpackages: erlang (exact
// Erlang B, C and A), oracle (the simulator checked against erlang) and
// staff (staffing search, schedules and staffing curves).
package sim

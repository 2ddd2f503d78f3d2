package sim

// Unit is what a metric's values count or measure.
type Unit string

// Units of metrics.
const (
	UnitContacts   Unit = "contacts"    // a count of contacts
	UnitShare      Unit = "share"       // a share in [0, 1], shown as a percentage
	UnitSeconds    Unit = "seconds"     // a time in seconds
	UnitAgents     Unit = "agents"      // a time-average number of agents
	UnitAgentHours Unit = "agent-hours" // agent time in hours
	UnitScore      Unit = "score"       // a satisfaction score from 0 to 10
	UnitMoney      Unit = "money"       // in the scenario's currency
)

// MetricInfo describes one metric: what it measures and how every table,
// chart and page shows it.
type MetricInfo struct {
	Name       string `json:"name"`       // as in results JSON and CSV, e.g. "abandon_rate"
	Definition string `json:"definition"` // what it measures, with its denominator
	Unit       Unit   `json:"unit"`
	Label      string `json:"label"`  // in summaries and comparisons: "abandon rate"
	Short      string `json:"short"`  // as a narrow column header: "abandon"
	Axis       string `json:"axis"`   // on a chart axis, with the unit: "abandonment (%)"
	Format     string `json:"format"` // how a value is printed: "pct" (a share as %), or a fmt verb such as "%.1f"
}

// Scale is the factor from stored values to shown values: 100 for shares
// (shown as %), 1 otherwise.
func (m MetricInfo) Scale() float64 {
	if m.Unit == UnitShare {
		return 100
	}
	return 1
}

// metricTable is the one table of metric definitions and labels.
var metricTable = []MetricInfo{
	{MOffered, "contacts that arrived", UnitContacts, "contacts offered", "offered", "offered (contacts)", "%.0f"},
	{MServiceLevel, "answered within the threshold / the scenario's definition's denominator (offered: reached the human queue)", UnitShare, "service level", "SL", "service level (%)", "pct"},
	{MPWait, "human-queue contacts that found no free agent / reached the human queue", UnitShare, "P(wait)", "P(wait)", "P(wait) (%)", "pct"},
	{MASA, "mean wait of answered contacts (callbacks left out)", UnitSeconds, "ASA (s)", "ASA s", "ASA (s)", "%.1f"},
	{MAbandonRate, "abandoned / reached the human queue", UnitShare, "abandon rate", "abandon", "abandonment (%)", "pct"},
	{MOccupancy, "busy agent time / on-duty agent time", UnitShare, "occupancy", "occupancy", "occupancy (%)", "pct"},
	{MBotContainment, "resolved by the bot / sent to the bot (opt-outs and overflows included)", UnitShare, "contained per contact sent to the bot", "contained/sent", "contained per contact sent to the bot (%)", "pct"},
	{MContainedPerSession, "resolved by the bot / bot sessions (what the input bot_containment sets)", UnitShare, "contained per bot session", "contained/session", "contained per bot session (%)", "pct"},
	{MEscalationRate, "(escalated + opted out + overflow) / sent to the bot", UnitShare, "escalation rate", "escalated", "escalation rate (%)", "pct"},
	{MToHuman, "contacts that reached the human queue", UnitContacts, "reached the human queue", "to human", "reached human queue (contacts)", "%.0f"},
	{MAnswered, "answered by an agent", UnitContacts, "answered", "answered", "answered (contacts)", "%.0f"},
	{MAbandoned, "hung up while waiting for an agent", UnitContacts, "abandoned", "abandoned", "abandoned (contacts)", "%.0f"},
	{MSentToBot, "bot-eligible arrivals", UnitContacts, "sent to the bot", "to bot", "sent to the bot (contacts)", "%.0f"},
	{MContained, "resolved by the bot", UnitContacts, "contained", "contained", "contained (contacts)", "%.0f"},
	{MEscalatedCtx, "escalated from the bot with context", UnitContacts, "escalated with context", "esc ctx", "escalated with context (contacts)", "%.0f"},
	{MEscalatedNoCtx, "escalated from the bot without context", UnitContacts, "escalated without context", "esc no ctx", "escalated without context (contacts)", "%.0f"},
	{MOptedOut, "asked the bot for a human at once", UnitContacts, "opted out", "opted out", "opted out (contacts)", "%.0f"},
	{MBotHangup, "hung up in the bot, unresolved", UnitContacts, "bot hang-ups", "bot hangup", "bot hang-ups (contacts)", "%.0f"},
	{MBotOverflow, "found the bot full and went to the human queue", UnitContacts, "bot overflow", "overflow", "bot overflow (contacts)", "%.0f"},
	{MWaitP50, "median wait of answered contacts", UnitSeconds, "wait p50 (s)", "p50 s", "wait p50 (s)", "%.1f"},
	{MWaitP80, "80th percentile of the wait of answered contacts", UnitSeconds, "wait p80 (s)", "p80 s", "wait p80 (s)", "%.1f"},
	{MWaitP90, "90th percentile of the wait of answered contacts", UnitSeconds, "wait p90 (s)", "p90 s", "wait p90 (s)", "%.1f"},
	{MWaitP95, "95th percentile of the wait of answered contacts", UnitSeconds, "wait p95 (s)", "p95 s", "wait p95 (s)", "%.1f"},
	{MWaitP99, "99th percentile of the wait of answered contacts", UnitSeconds, "wait p99 (s)", "p99 s", "wait p99 (s)", "%.1f"},
	{MQueueLength, "time-average number waiting for an agent", UnitContacts, "mean queue length", "queue", "mean queue length (contacts)", "%.2f"},
	{MAgents, "time-average agents on duty", UnitAgents, "agents on duty", "agents", "agents on duty (time average)", "%.1f"},
	{MMeanHandle, "mean human handle time of answered contacts", UnitSeconds, "human handle time (s)", "AHT s", "human handle time (s)", "%.0f"},
	{MAbandonWait, "mean wait of abandoned contacts before hanging up", UnitSeconds, "wait before abandoning (s)", "abandon wait s", "wait before abandoning (s)", "%.1f"},
	{MRetrials, "arrivals that are new attempts after abandoning", UnitContacts, "retrials", "retrials", "retrials (contacts)", "%.0f"},
	{MCallbacksOffered, "waiting voice contacts offered a callback", UnitContacts, "callbacks offered", "cb offered", "callbacks offered (contacts)", "%.0f"},
	{MCallbacks, "contacts answered by calling back", UnitContacts, "answered by callback", "callbacks", "answered by callback (contacts)", "%.0f"},
	{MEmotionalShare, "emotionally charged share of arrivals (of work, for groups)", UnitShare, "emotionally charged", "emotional", "emotionally charged (%)", "pct"},
	{MSatisfaction, "mean satisfaction score (0-10) of contacts that left", UnitScore, "satisfaction (0-10)", "satisfaction", "satisfaction (0-10)", "%.2f"},
	{MDetractors, "contacts scoring below the detractor mark / scored contacts", UnitShare, "detractors", "detractors", "detractors (%)", "pct"},
	{MFCR, "1 − repeat contacts / (answered + contained)", UnitShare, "first-contact resolution", "FCR", "first-contact resolution (%)", "pct"},
	{MRepeats, "repeat contacts caused", UnitContacts, "repeat contacts", "repeats", "repeat contacts (contacts)", "%.0f"},
	{MScheduled, "time-average agents scheduled (before breaks and shrinkage)", UnitAgents, "agents scheduled", "scheduled", "agents scheduled (time average)", "%.1f"},
	{MBusy, "time-average agents busy", UnitAgents, "agents busy", "busy", "agents busy (time average)", "%.1f"},
	{MComplexShare, "groups: complex share of the contacts handled", UnitShare, "complex share", "complex", "complex share (%)", "pct"},
	{MAgentHours, "scheduled agent-hours", UnitAgentHours, "agent-hours", "agent-h", "agent-hours", "%.1f"},
	{MCost, "cost_agents + cost_bot + cost_abandoned", UnitMoney, "cost", "cost", "cost", "%.2f"},
	{MCostAgents, "agent-hours × each group's hourly cost", UnitMoney, "agent cost", "agents cost", "agent cost", "%.2f"},
	{MCostBot, "bot sessions × cost per session", UnitMoney, "bot cost", "bot cost", "bot cost", "%.2f"},
	{MCostAbandoned, "abandoned contacts × cost per abandoned contact", UnitMoney, "cost of abandoned contacts", "abandon cost", "cost of abandoned contacts", "%.2f"},
	{MCostPerContact, "cost / offered", UnitMoney, "cost per contact", "per contact", "cost per contact", "%.2f"},
}

// MetricTable returns every metric's description, in display order
// (that of MetricNames).
func MetricTable() []MetricInfo { return append([]MetricInfo(nil), metricTable...) }

// Metric returns the description of metric name; ok is false for an
// unknown name, whose description then shows the name itself.
func Metric(name string) (m MetricInfo, ok bool) {
	for _, m := range metricTable {
		if m.Name == name {
			return m, true
		}
	}
	return MetricInfo{Name: name, Label: name, Short: name, Axis: name, Format: "%g"}, false
}

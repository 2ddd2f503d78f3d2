package sim

import (
	"fmt"
	"math"
)

// Costs are a scenario's money figures, all in one currency unit (say EUR).
type Costs struct {
	AgentHour  float64 // AgentHour is the cost of one scheduled agent-hour, for groups without their own CostPerHour.
	BotSession float64 // BotSession is the cost of one bot session, whatever its outcome (opt-outs and overflows hold none).
	Abandoned  float64 // Abandoned is the cost of one contact that hung up waiting for an agent (lost business).
	Currency   string  // Currency labels the amounts in outputs, e.g. "EUR"; empty: none.
}

// Cost metrics, present when the scenario has Costs. Agent-hours are
// scheduled (paid) hours during opening hours, breaks and shrinkage included.
const (
	MAgentHours     = "agent_hours"      // scheduled agent-hours
	MCost           = "cost"             // cost_agents + cost_bot + cost_abandoned
	MCostAgents     = "cost_agents"      // agent-hours × each group's hourly cost
	MCostBot        = "cost_bot"         // bot sessions × cost per session
	MCostAbandoned  = "cost_abandoned"   // abandoned contacts × cost per abandoned contact
	MCostPerContact = "cost_per_contact" // cost / offered
)

// CostMetricNames lists the cost metrics in display order.
func CostMetricNames() []string {
	return []string{MAgentHours, MCost, MCostAgents, MCostBot, MCostAbandoned, MCostPerContact}
}

// HourCost returns the cost of one scheduled agent-hour of group g: its
// own CostPerHour, else Costs.AgentHour, else 0.
func (s *Scenario) HourCost(g int) float64 {
	if c := s.Groups[g].CostPerHour; c > 0 {
		return c
	}
	if s.Costs != nil {
		return s.Costs.AgentHour
	}
	return 0
}

// costValues adds the agent-hours and, with a cost model, the cost figures
// of a cell total and its time integrals to v.
func costValues(v Values, c *cell, sp *span, sc *Scenario) {
	hours, staff := 0.0, 0.0
	for g := range sp.scheduled {
		h := sp.scheduled[g] / 3600
		hours += h
		staff += h * sc.HourCost(g)
	}
	v[MAgentHours] = hours
	if sc.Costs == nil {
		return
	}
	sessions := float64(c.contained + c.botHangup + c.escCtx + c.escNoCtx)
	bot := sessions * sc.Costs.BotSession
	abandoned := float64(c.abandoned) * sc.Costs.Abandoned
	v[MCost] = staff + bot + abandoned
	v[MCostAgents] = staff
	v[MCostBot] = bot
	v[MCostAbandoned] = abandoned
	v[MCostPerContact] = ratio(staff+bot+abandoned, float64(c.offered))
}

// groupCostValues adds group g's agent-hours and, with a cost model, its staff cost to v.
func groupCostValues(v Values, sp *span, g int, sc *Scenario) {
	h := sp.scheduled[g] / 3600
	v[MAgentHours] = h
	if sc.Costs != nil {
		v[MCostAgents] = h * sc.HourCost(g)
	}
}

// validateCosts checks that every cost is a non-negative amount.
func (s *Scenario) validateCosts(v *validator) {
	amount := func(key string, x float64) {
		if !(x >= 0) || math.IsInf(x, 0) {
			v.add(key, "must be a non-negative amount, got %g", x)
		}
	}
	if c := s.Costs; c != nil {
		amount("costs.agent_hour", c.AgentHour)
		amount("costs.bot_session", c.BotSession)
		amount("costs.abandoned", c.Abandoned)
	}
	for i, g := range s.Groups {
		amount(fmt.Sprintf("agents.%d.cost_per_hour", i), g.CostPerHour)
	}
}

package sim

import "math"

// Metric names, as they appear in results JSON and CSV. The first eight are the
// stable core of DESIGN.md.
const (
	MOffered        = "offered"         // contacts that arrived
	MServiceLevel   = "service_level"   // share answered within the threshold, by the scenario's definition
	MPWait          = "p_wait"          // share of human-queue contacts that found no free agent
	MASA            = "asa_seconds"     // mean wait of answered contacts
	MAbandonRate    = "abandon_rate"    // abandoned / reached the human queue
	MOccupancy      = "occupancy"       // busy agent time / on-duty agent time
	MBotContainment = "bot_containment" // resolved by the bot / sent to the bot: contained per contact sent to the bot (opt-outs and overflows count)
	// MContainedPerSession is resolved by the bot / bot sessions held: the
	// figure an intent's input bot_containment (a session's probability of
	// resolving the contact) predicts.
	MContainedPerSession = "contained_per_session"
	MEscalationRate      = "escalation_rate" // (escalated + opted out + overflow) / sent to the bot
	MToHuman             = "to_human"        // contacts that reached the human queue
	MAnswered            = "answered"        // answered by an agent
	MAbandoned           = "abandoned"       // hung up while waiting for an agent
	MSentToBot           = "sent_to_bot"     // bot-eligible arrivals
	MContained           = "contained"       // resolved by the bot
	MEscalatedCtx        = "escalated_with_context"
	MEscalatedNoCtx      = "escalated_without_context"
	MOptedOut            = "opted_out"        // asked for a human at once
	MBotHangup           = "bot_hangup"       // hung up in the bot, unresolved
	MBotOverflow         = "bot_overflow"     // found the bot full and went to the human queue
	MWaitP50             = "wait_p50_seconds" // wait quantiles of answered contacts
	MWaitP80             = "wait_p80_seconds"
	MWaitP90             = "wait_p90_seconds"
	MWaitP95             = "wait_p95_seconds"
	MWaitP99             = "wait_p99_seconds"
	MQueueLength         = "queue_length"         // time-average number waiting for an agent
	MAgents              = "agents"               // time-average agents on duty
	MMeanHandle          = "handle_seconds"       // mean human handle time of answered contacts
	MAbandonWait         = "abandon_wait_seconds" // mean wait of abandoned contacts before hanging up
	MRetrials            = "retrials"             // arrivals that are new attempts after abandoning
	MCallbacksOffered    = "callbacks_offered"    // waiting voice contacts offered a callback
	MCallbacks           = "callbacks"            // contacts answered by calling back
	MEmotionalShare      = "emotional_share"      // emotionally charged share of arrivals (of work, for groups)
	MComplexShare        = "complex_share"        // groups: complex share of the contacts handled
	MSatisfaction        = "satisfaction"         // mean satisfaction score (0-10) of contacts that left
	MDetractors          = "detractors"           // share of contacts scoring below the detractor mark
	MFCR                 = "fcr"                  // first-contact resolution: resolved contacts needing no repeat contact
	MRepeats             = "repeat_contacts"      // repeat contacts caused
	MScheduled           = "scheduled_agents"     // time-average agents scheduled (before breaks and shrinkage)
	MBusy                = "busy_agents"          // time-average agents busy
)

// MetricNames lists every metric in display order.
func MetricNames() []string {
	return []string{
		MOffered, MServiceLevel, MPWait, MASA, MAbandonRate, MOccupancy, MBotContainment, MContainedPerSession, MEscalationRate,
		MToHuman, MAnswered, MAbandoned, MSentToBot, MContained, MEscalatedCtx, MEscalatedNoCtx,
		MOptedOut, MBotHangup, MBotOverflow,
		MWaitP50, MWaitP80, MWaitP90, MWaitP95, MWaitP99, MQueueLength, MAgents, MMeanHandle, MAbandonWait,
		MRetrials, MCallbacksOffered, MCallbacks, MEmotionalShare, MSatisfaction, MDetractors, MFCR, MRepeats,
		MScheduled, MBusy, MComplexShare,
		MAgentHours, MCost, MCostAgents, MCostBot, MCostAbandoned, MCostPerContact,
	}
}

// ratio is a/b, NaN when b is zero (the metric is undefined, e.g. no contacts).
func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// values computes a replication's metrics from a cell total and, when the
// figures are not per intent, the time integrals of the same period.
func values(c *cell, sp *span, def Definition) Values {
	v := make(Values, 48) // every metric below without growing the map
	v[MOffered] = float64(c.offered)
	c.queue().AddTo(v, def)
	v[MPWait] = ratio(float64(c.waited), float64(c.toHuman))
	v[MSentToBot] = float64(c.sentToBot)
	v[MContained] = float64(c.contained)
	v[MEscalatedCtx] = float64(c.escCtx)
	v[MEscalatedNoCtx] = float64(c.escNoCtx)
	v[MOptedOut] = float64(c.optedOut)
	v[MBotHangup] = float64(c.botHangup)
	v[MBotOverflow] = float64(c.overflow)
	v[MBotContainment] = ratio(float64(c.contained), float64(c.sentToBot))
	v[MContainedPerSession] = ratio(float64(c.contained), float64(c.contained+c.botHangup+c.escCtx+c.escNoCtx))
	v[MEscalationRate] = ratio(float64(c.escCtx+c.escNoCtx+c.optedOut+c.overflow), float64(c.sentToBot))
	v[MMeanHandle] = ratio(c.sumHandle, float64(c.answered))
	v[MRetrials] = float64(c.retrials)
	v[MCallbacksOffered] = float64(c.callbacksOffered)
	v[MCallbacks] = float64(c.callbacks)
	v[MEmotionalShare] = ratio(float64(c.emotional), float64(c.offered))
	v[MSatisfaction] = ratio(c.satSum, float64(c.satN))
	v[MDetractors] = ratio(float64(c.detractors), float64(c.satN))
	v[MFCR] = 1 - ratio(float64(c.repeats), float64(c.answered+c.contained))
	v[MRepeats] = float64(c.repeats)
	var qs [len(waitQuantiles)]float64
	if c.hist != nil {
		c.hist.quantiles(&qs)
	}
	for i, wq := range waitQuantiles {
		v[wq.name] = math.NaN()
		if c.hist != nil {
			v[wq.name] = qs[i]
		}
	}
	if sp != nil {
		busy, duty := 0.0, 0.0
		for g := range sp.busy {
			busy += sp.busy[g]
			duty += sp.onDuty[g]
		}
		sched := 0.0
		for g := range sp.scheduled {
			sched += sp.scheduled[g]
		}
		v[MOccupancy] = ratio(busy, duty)
		v[MQueueLength] = ratio(sp.queueArea, sp.seconds)
		v[MAgents] = ratio(duty, sp.seconds)
		v[MScheduled] = ratio(sched, sp.seconds)
		v[MBusy] = ratio(busy, sp.seconds)
	}
	return v
}

// queue returns the cell's human-queue counts (queue length comes from a span).
func (c *cell) queue() QueueCounts {
	return QueueCounts{ToHuman: float64(c.toHuman), Answered: float64(c.answered), AnsweredWithin: float64(c.answeredWithin),
		Abandoned: float64(c.abandoned), AbandonedAfter: float64(c.abandonedAfter), Callbacks: float64(c.callbacks),
		SumWait: c.sumWait, SumAbandonWait: c.sumAbandonWait}
}

// groupValues computes one agent group's figures from a span.
func groupValues(sp *span, g int) Values {
	return Values{
		MOccupancy:      ratio(sp.busy[g], sp.onDuty[g]),
		MAgents:         ratio(sp.onDuty[g], sp.seconds),
		MScheduled:      ratio(sp.scheduled[g], sp.seconds),
		MBusy:           ratio(sp.busy[g], sp.seconds),
		MAnswered:       float64(sp.handled[g]),
		MEmotionalShare: ratio(float64(sp.emotional[g]), float64(sp.handled[g])),
		MComplexShare:   ratio(float64(sp.complex[g]), float64(sp.handled[g])),
	}
}

package sim

// QueueCounts are the counts of a human queue over a period. Its metrics
// (AddTo) are defined once, here: the simulator computes its figures from
// them, and the back-test of recorded contacts (package calibrate) computes
// the recorded figures with the same code.
type QueueCounts struct {
	ToHuman        float64 // contacts that reached the human queue
	Answered       float64 // answered by an agent (callbacks included)
	AnsweredWithin float64 // answered within the service-level threshold
	Abandoned      float64 // hung up while waiting
	AbandonedAfter float64 // of which after the threshold
	Callbacks      float64 // answered by calling back (they did not wait on the line)
	SumWait        float64 // waits of answered contacts (callbacks left out), seconds
	SumAbandonWait float64 // waits of abandoned contacts, seconds
	QueueArea      float64 // contact-seconds spent waiting in the period
	Seconds        float64 // length of the period; 0: no queue length
}

// AddTo sets the queue's metrics in v: to_human, answered, abandoned,
// service_level (by def), asa_seconds, abandon_rate, abandon_wait_seconds
// and, when Seconds > 0, queue_length.
func (q QueueCounts) AddTo(v Values, def Definition) {
	v[MToHuman] = q.ToHuman
	v[MAnswered] = q.Answered
	v[MAbandoned] = q.Abandoned
	v[MASA] = ratio(q.SumWait, q.Answered-q.Callbacks)
	v[MAbandonRate] = ratio(q.Abandoned, q.ToHuman)
	v[MAbandonWait] = ratio(q.SumAbandonWait, q.Abandoned)
	v[MServiceLevel] = q.ServiceLevel(def)
	if q.Seconds > 0 {
		v[MQueueLength] = ratio(q.QueueArea, q.Seconds)
	}
}

// ServiceLevel applies a definition to the counts. Callbacks are left out:
// their customers did not wait on the line.
func (q QueueCounts) ServiceLevel(def Definition) float64 {
	switch def {
	case Answered:
		return ratio(q.AnsweredWithin, q.Answered-q.Callbacks)
	case ExclShortAbandons:
		return ratio(q.AnsweredWithin, q.Answered-q.Callbacks+q.AbandonedAfter)
	default:
		return ratio(q.AnsweredWithin, q.ToHuman-q.Callbacks)
	}
}

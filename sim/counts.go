package sim

import "context"

// PeriodCounts are one replication's counts of one period (reporting
// interval, or the whole run without intervals): its human queue in total,
// per skill (in Scenario.SkillNames order) and per channel (in
// Results.Channels order, answered within each channel's threshold), and
// each agent group's time. QueueArea and Seconds are left out. The figures
// they give (QueueCounts.ServiceLevel, ratios of Busy and OnDuty) are those
// of Replication.Details, to the last bit.
type PeriodCounts struct {
	Total    QueueCounts
	Skills   []QueueCounts
	Channels []QueueCounts
	Busy     []float64 // per group: agent-seconds busy
	OnDuty   []float64 // per group: agent-seconds on duty
}

// Counts are one replication's counts, one PeriodCounts per period.
type Counts []PeriodCounts

// RunCounts simulates the replications of scs like RunAll, on one pool of
// workers, but keeps only each replication's counts: res[i][rep] are those
// of replication rep of scs[i], identical for any worker count. It skips
// the metrics, wait quantiles and merging that RunAll computes, so a search
// that reads a few figures of many simulations runs faster and keeps less.
// Options.Details is ignored.
func RunCounts(ctx context.Context, scs []*Scenario, opts Options) ([][]Counts, error) {
	runs, err := prepareRuns(scs, opts)
	if err != nil {
		return nil, err
	}
	out := make([][]Counts, len(runs))
	for i := range runs {
		out[i] = make([]Counts, runs[i].Replications)
	}
	err = replicate(ctx, runs, opts, func(j repJob, _ *histFree) {
		sc := &runs[j.sc]
		r := NewRun(sc, sc.Seed, j.rep)
		r.noWaits = true
		r.settleBots()
		if r = runToEnd(ctx, r, opts); r != nil {
			out[j.sc][j.rep] = r.counts()
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelDefinition is the service-level definition of channel ch: its own
// [channels.*] definition, else the scenario's.
func (s *Scenario) ChannelDefinition(ch Channel) Definition { return s.channelDefinition(ch) }

// counts are the counts of a finished replication.
func (r *Runner) counts() Counts {
	sc := r.sc
	skill := make([]int, len(sc.Intents)) // per intent: its skill's index
	names := sc.SkillNames()
	chans := sc.channels()
	channel := make([]int, len(sc.Intents))
	for i, in := range sc.Intents {
		for k, n := range names {
			if n == in.Skill {
				skill[i] = k
			}
		}
		for k, ch := range chans {
			if ch == in.Channel {
				channel[i] = k
			}
		}
	}
	out := make(Counts, len(r.stats.cells))
	for b, cells := range r.stats.cells {
		pc := PeriodCounts{Skills: make([]QueueCounts, len(names)), Channels: make([]QueueCounts, len(chans))}
		for i := range cells {
			q := cells[i].queue()
			pc.Total.add(q)
			pc.Skills[skill[i]].add(q)
			pc.Channels[channel[i]].add(q)
		}
		sp := &r.stats.spans[b]
		pc.Busy = append([]float64(nil), sp.busy...)
		pc.OnDuty = append([]float64(nil), sp.onDuty...)
		out[b] = pc
	}
	return out
}

// add adds o's counts (not QueueArea and Seconds) to q, in the order cell.add adds them.
func (q *QueueCounts) add(o QueueCounts) {
	q.ToHuman += o.ToHuman
	q.Answered += o.Answered
	q.AnsweredWithin += o.AnsweredWithin
	q.Abandoned += o.Abandoned
	q.AbandonedAfter += o.AbandonedAfter
	q.Callbacks += o.Callbacks
	q.SumWait += o.SumWait
	q.SumAbandonWait += o.SumAbandonWait
}

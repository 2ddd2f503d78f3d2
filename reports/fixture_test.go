package reports

import (
	"fmt"
	"math"
	"testing"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/staff"
)

// synthetic returns deterministic results of a day with n half-hour
// intervals from 08:00, reps replications, three intents, two agent groups,
// two channels and a bot. Figures follow smooth curves so that charts are easy to read.
// An interval with index 3 has no contacts reaching agents (undefined metrics)
// when n > 3.
func synthetic(tb testing.TB, n, reps int) *sim.Results {
	tb.Helper()
	res := &sim.Results{
		Scenario: "Synthetic day", Seed: 42, Replications: reps, Definition: sim.Offered,
		Threshold: 20, Target: 0.8, Events: 123456,
	}
	intents := []string{"billing", "orders", "complaint"}
	groups := []string{"general", "senior"}
	for r := 0; r < reps; r++ {
		rep := sim.Replication{Index: r}
		for i := 0; i < n; i++ {
			rep.Intervals = append(rep.Intervals, syntheticValues(i, r, n))
		}
		rep.Metrics = sumValues(rep.Intervals)
		res.PerReplication = append(res.PerReplication, rep)
	}
	for i := 0; i < n; i++ {
		iv := sim.Interval{Start: clock(i), Metrics: merged(res.PerReplication, func(r sim.Replication) sim.Values { return r.Intervals[i] })}
		for k, name := range intents {
			iv.Intents = append(iv.Intents, sim.Named{Name: name, Metrics: scaled(iv.Metrics, []float64{0.5, 0.3, 0.2}[k])})
		}
		for g, name := range groups {
			iv.Groups = append(iv.Groups, sim.Named{Name: name, Metrics: groupStats(i, g, reps)})
		}
		res.Intervals = append(res.Intervals, iv)
	}
	if reps > 0 {
		res.Metrics = merged(res.PerReplication, func(r sim.Replication) sim.Values { return r.Metrics })
	}
	for k, name := range intents {
		res.Intents = append(res.Intents, sim.Named{Name: name, Metrics: scaled(res.Metrics, []float64{0.5, 0.3, 0.2}[k])})
	}
	for g, name := range groups {
		res.Groups = append(res.Groups, sim.Named{Name: name, Metrics: groupStats(n/2, g, reps)})
	}
	for k, name := range []string{"voice", "chat"} {
		res.Channels = append(res.Channels, sim.Named{Name: name, Metrics: scaled(res.Metrics, []float64{0.7, 0.3}[k])})
	}
	res.WaitHistogram = syntheticHistogram(n)
	return res
}

func clock(i int) string { return fmt.Sprintf("%02d:%02d", 8+i/2, 30*(i%2)) }

// syntheticValues are replication r's figures in interval i of n.
func syntheticValues(i, r, n int) sim.Values {
	x := float64(i) / math.Max(1, float64(n-1))
	load := 100 + 200*math.Sin(math.Pi*x) + 3*float64(r)
	toHuman := 0.6 * load
	v := sim.Values{
		sim.MOffered: load, sim.MToHuman: toHuman, sim.MSentToBot: 0.7 * load,
		sim.MContained: 0.35 * load, sim.MBotHangup: 0.05 * load, sim.MOptedOut: 0.06 * load,
		sim.MEscalatedCtx: 0.24 * load, sim.MEscalatedNoCtx: 0, sim.MBotOverflow: 0,
		sim.MAnswered: 0.95 * toHuman, sim.MAbandoned: 0.05 * toHuman,
		sim.MServiceLevel: 0.9 - 0.2*math.Sin(math.Pi*x) + 0.01*float64(r),
		sim.MASA:          5 + 10*math.Sin(math.Pi*x) + float64(r),
		sim.MAbandonRate:  0.02 + 0.04*math.Sin(math.Pi*x) + 0.002*float64(r),
		sim.MOccupancy:    0.7 + 0.2*math.Sin(math.Pi*x),
		sim.MQueueLength:  0.5 + 2*math.Sin(math.Pi*x) + 0.1*float64(r),
		sim.MAgents:       20 + 30*math.Sin(math.Pi*x),
		sim.MMeanHandle:   300 + 10*float64(r),
		sim.MPWait:        0.3, sim.MBotContainment: 0.5, sim.MEscalationRate: 0.43,
	}
	if i == 3 && n > 3 {
		for _, k := range []string{sim.MServiceLevel, sim.MASA, sim.MAbandonRate} {
			v[k] = math.NaN()
		}
	}
	return v
}

// sumValues totals counts and averages the rest over intervals, ignoring NaN.
func sumValues(ivs []sim.Values) sim.Values {
	out := sim.Values{}
	counts := map[string]bool{sim.MOffered: true, sim.MToHuman: true, sim.MSentToBot: true, sim.MContained: true,
		sim.MBotHangup: true, sim.MOptedOut: true, sim.MEscalatedCtx: true, sim.MEscalatedNoCtx: true,
		sim.MBotOverflow: true, sim.MAnswered: true, sim.MAbandoned: true}
	if len(ivs) == 0 {
		return out
	}
	for k := range ivs[0] {
		sum, n := 0.0, 0
		for _, v := range ivs {
			if !math.IsNaN(v[k]) {
				sum += v[k]
				n++
			}
		}
		if counts[k] {
			out[k] = sum
		} else if n > 0 {
			out[k] = sum / float64(n)
		} else {
			out[k] = math.NaN()
		}
	}
	return out
}

// merged summarizes one set of values per replication, as sim does.
func merged(reps []sim.Replication, get func(sim.Replication) sim.Values) sim.Metrics {
	m := sim.Metrics{}
	if len(reps) == 0 {
		return m
	}
	for k := range get(reps[0]) {
		var xs []float64
		for _, r := range reps {
			if x := get(r)[k]; !math.IsNaN(x) {
				xs = append(xs, x)
			}
		}
		m[k] = sim.Summarize(xs)
	}
	return m
}

// scaled is m with every count-like mean multiplied by f (a share of an intent).
func scaled(m sim.Metrics, f float64) sim.Metrics {
	out := sim.Metrics{}
	for k, s := range m {
		if k == sim.MOffered || k == sim.MToHuman {
			s.Mean, s.CI95 = f*s.Mean, [2]float64{f * s.CI95[0], f * s.CI95[1]}
		}
		out[k] = s
	}
	return out
}

func groupStats(i, g, reps int) sim.Metrics {
	occ := 0.75 + 0.01*float64(i%7) - 0.05*float64(g)
	agents := 10 + float64(i%5) + 5*float64(1-g)
	return sim.Metrics{
		sim.MOccupancy: {Mean: occ, CI95: [2]float64{occ - 0.02, occ + 0.02}, N: reps},
		sim.MAgents:    {Mean: agents, CI95: [2]float64{agents, agents}, N: reps},
	}
}

// syntheticHistogram has sim's bin layout: zero waits, then log-spaced bins.
func syntheticHistogram(n int) sim.Histogram {
	if n == 0 {
		return sim.Histogram{}
	}
	h := sim.Histogram{Edges: []float64{0}, Counts: []uint64{uint64(500 * n)}}
	for e := 1.0 / 128; e < 200; e = upperEdge(upperEdge(upperEdge(e))) {
		h.Edges = append(h.Edges, e)
		h.Counts = append(h.Counts, uint64(1+40*math.Exp(-e/15)))
	}
	return h
}

// fixtures are the results every chart must render: none, one interval, a
// day and two days' worth of intervals.
func fixtures(tb testing.TB) []struct {
	name string
	res  *sim.Results
} {
	return []struct {
		name string
		res  *sim.Results
	}{
		{"empty", &sim.Results{}},
		{"single interval", synthetic(tb, 1, 1)},
		{"24 intervals", synthetic(tb, 24, 5)},
		{"48 intervals", synthetic(tb, 48, 3)},
	}
}

// testStaffing is a staffing curve with fixed simulated points.
func testStaffing() staff.Curve {
	st := staff.Curve{
		Interval:  "busiest interval 10:30",
		Threshold: 20, Target: 0.8, Definition: sim.Offered, Staffed: 53,
	}
	st.Queue.Rate, st.Queue.AHT, st.Queue.Patience = 482.0/3600, 405.8, 180
	for n := 48; n <= 64; n += 4 {
		gap := float64(n - 48)
		st.Points = append(st.Points, staff.CurvePoint{Agents: n, Metrics: sim.Metrics{
			sim.MServiceLevel: {Mean: 0.5 + gap/40, CI95: [2]float64{0.45 + gap/40, 0.55 + gap/40}, N: 4},
			sim.MASA:          {Mean: 30 - gap*1.5, CI95: [2]float64{25 - gap*1.5, 35 - gap*1.5}, N: 4},
			sim.MAbandonRate:  {Mean: 0.12 - gap/160, CI95: [2]float64{0.1 - gap/160, 0.14 - gap/160}, N: 4},
		}})
	}
	return st
}

package sim

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"
)

// Values are one replication's metrics by name. NaN marks a metric that is
// undefined for the period (no contacts to measure); JSON writes it as null.
type Values map[string]float64

// Stat is a metric over replications: the mean and its 95 % Student-t
// confidence interval. NaN fields (JSON null) mean undefined, or for CI95 a
// single replication.
type Stat struct {
	Mean float64    `json:"mean"`
	CI95 [2]float64 `json:"ci95"`
	N    int        `json:"n"` // replications in which the metric was defined
}

// Metrics are merged statistics by metric name.
type Metrics map[string]Stat

// Get returns metric name, or an undefined Stat (NaN mean and interval)
// when m lacks it.
func (m Metrics) Get(name string) Stat {
	if s, ok := m[name]; ok {
		return s
	}
	nan := math.NaN()
	return Stat{Mean: nan, CI95: [2]float64{nan, nan}}
}

// Named are metrics of a named part: an intent or an agent group.
type Named struct {
	Name    string  `json:"name"`
	Metrics Metrics `json:"metrics"`
}

// Interval are the metrics of one reporting interval.
type Interval struct {
	Start   string  `json:"start"` // "08:30" in a day; "+1h0m0s" after warm-up in a steady state
	Metrics Metrics `json:"metrics"`
	Intents []Named `json:"intents"`
	Groups  []Named `json:"groups"`
}

// Replication holds one replication's own figures, for tidy exports.
type Replication struct {
	Index     int      `json:"replication"`
	Metrics   Values   `json:"metrics"`
	Intervals []Values `json:"intervals"`
	// Details are the figures per interval (one entry for the whole run
	// when there are no intervals) by skill and agent group, kept only when
	// Options.Details is set; they are not written to JSON.
	Details []Detail `json:"-"`
}

// Detail is one replication's figures of one period: in total, per skill
// (in Scenario.SkillNames order), per agent group and per channel (in
// Results.Channels order, each with its channel's threshold and definition).
type Detail struct {
	Total    Values
	Skills   []Values
	Groups   []Values
	Channels []Values
}

// Histogram is the distribution of waits of answered contacts over all
// replications: bins with lower edges in seconds (the first bin starts at 0
// and holds waits under 8 ms) and counts.
type Histogram struct {
	Edges  []float64 `json:"edges"`
	Counts []uint64  `json:"counts"`
}

// Results are the merged figures of all replications of a scenario.
type Results struct {
	Scenario       string        `json:"scenario"`
	Seed           uint64        `json:"seed"`
	Replications   int           `json:"replications"`
	Definition     Definition    `json:"service_level_definition"`
	Threshold      float64       `json:"service_level_threshold_seconds"`
	Target         float64       `json:"service_level_target"`
	Warmup         float64       `json:"warmup_seconds"`
	Horizon        float64       `json:"horizon_seconds"`      // steady state; 0 for a day
	Provenance     *Provenance   `json:"provenance,omitempty"` // the scenario's source, hash and overrides
	Currency       string        `json:"currency,omitempty"`   // of the cost metrics (money unit); empty without a cost model or currency
	Events         uint64        `json:"events"`
	Metrics        Metrics       `json:"metrics"`
	Intervals      []Interval    `json:"intervals"`
	Intents        []Named       `json:"intents"`
	Groups         []Named       `json:"groups"`
	Channels       []Named       `json:"channels"` // per channel the scenario uses
	WaitHistogram  Histogram     `json:"wait_histogram"`
	PerReplication []Replication `json:"per_replication"`
}

// repFigures are the metrics of one replication in every breakdown.
type repFigures struct {
	total     Values
	channels  []Values // per channel in Scenario.channels() order
	intervals []Values
	intents   []Values
	groups    []Values
	ivIntents [][]Values
	ivGroups  [][]Values
	hist      histogram
	events    uint64
	details   []Detail // per bucket; only when the run keeps details
}

// figures computes a finished replication's metrics.
func (r *Runner) figures() *repFigures {
	sc, t := r.sc, r.stats
	def := sc.definition()
	nI, nG := len(sc.Intents), len(sc.Groups)
	f := &repFigures{events: r.events}
	var lent []*histogram // the sums' histograms, from and back to r.hists
	defer func() { r.hists.put(lent) }()
	var all cell
	r.hists.lend(&all, &lent)
	allSpan := newSpan(nG)
	byIntent := make([]cell, nI)
	for i := range byIntent {
		r.hists.lend(&byIntent[i], &lent)
	}
	for b := range t.cells {
		var iv cell
		r.hists.lend(&iv, &lent)
		var ivIntents []Values
		for i := range t.cells[b] {
			c := &t.cells[b][i]
			iv.add(c)
			byIntent[i].add(c)
			ivIntents = append(ivIntents, values(c, nil, def))
		}
		sp := &t.spans[b]
		allSpan.add(sp)
		all.add(&iv)
		ivTotal := values(&iv, sp, def)
		costValues(ivTotal, &iv, sp, sc)
		f.intervals = append(f.intervals, ivTotal)
		f.ivIntents = append(f.ivIntents, ivIntents)
		var ivGroups []Values
		for g := 0; g < nG; g++ {
			gv := groupValues(sp, g)
			groupCostValues(gv, sp, g, sc)
			ivGroups = append(ivGroups, gv)
		}
		f.ivGroups = append(f.ivGroups, ivGroups)
		if r.details {
			f.details = append(f.details, Detail{Total: ivTotal, Skills: r.skillValues(t.cells[b], def), Groups: ivGroups,
				Channels: r.channelValues(t.cells[b])})
		}
	}
	f.total = values(&all, &allSpan, def)
	costValues(f.total, &all, &allSpan, sc)
	for i := range byIntent {
		f.intents = append(f.intents, values(&byIntent[i], nil, def))
	}
	for _, ch := range sc.channels() {
		var c cell
		r.hists.lend(&c, &lent)
		for i, in := range sc.Intents {
			if in.Channel == ch {
				c.add(&byIntent[i])
			}
		}
		f.channels = append(f.channels, values(&c, nil, sc.channelDefinition(ch)))
	}
	for g := 0; g < nG; g++ {
		gv := groupValues(&allSpan, g)
		groupCostValues(gv, &allSpan, g, sc)
		f.groups = append(f.groups, gv)
	}
	if all.hist != nil {
		f.hist = *all.hist
	}
	return f
}

// merge combines replications, in replication order, into Results.
func merge(sc *Scenario, seed uint64, reps []*repFigures) *Results {
	res := &Results{
		Scenario: sc.Name, Seed: seed, Replications: len(reps), Definition: sc.definition(),
		Threshold: sc.ServiceLevel.Threshold.Seconds(), Target: sc.ServiceLevel.Target, Provenance: sc.Provenance,
	}
	if sc.Costs != nil {
		res.Currency = sc.Costs.Currency
	}
	if !sc.Arrivals.Day() {
		res.Warmup, res.Horizon = sc.Warmup.Seconds(), sc.Horizon.Seconds()
	}
	pick := func(get func(*repFigures) Values) Metrics {
		vs := make([]Values, len(reps))
		for i, f := range reps {
			vs[i] = get(f)
		}
		return mergeValues(vs)
	}
	res.Metrics = pick(func(f *repFigures) Values { return f.total })
	for i, in := range sc.Intents {
		res.Intents = append(res.Intents, Named{in.Name, pick(func(f *repFigures) Values { return f.intents[i] })})
	}
	for g, gr := range sc.Groups {
		res.Groups = append(res.Groups, Named{gr.Name, pick(func(f *repFigures) Values { return f.groups[g] })})
	}
	for k, ch := range sc.channels() {
		res.Channels = append(res.Channels, Named{ch.String(), pick(func(f *repFigures) Values { return f.channels[k] })})
	}
	for b := 0; b < sc.Intervals(); b++ {
		iv := Interval{Start: sc.IntervalStart(b), Metrics: pick(func(f *repFigures) Values { return f.intervals[b] })}
		for i, in := range sc.Intents {
			iv.Intents = append(iv.Intents, Named{in.Name, pick(func(f *repFigures) Values { return f.ivIntents[b][i] })})
		}
		for g, gr := range sc.Groups {
			iv.Groups = append(iv.Groups, Named{gr.Name, pick(func(f *repFigures) Values { return f.ivGroups[b][g] })})
		}
		res.Intervals = append(res.Intervals, iv)
	}
	var hist histogram
	for i, f := range reps {
		res.Events += f.events
		hist.add(&f.hist)
		rep := Replication{Index: i, Metrics: f.total, Details: f.details}
		if sc.Intervals() > 0 {
			rep.Intervals = f.intervals
		}
		res.PerReplication = append(res.PerReplication, rep)
	}
	res.WaitHistogram.Edges, res.WaitHistogram.Counts = hist.bins()
	return res
}

// mergeValues turns per-replication values into mean and 95 % CI per
// metric, each interval within its metric's range (SummarizeMetric).
func mergeValues(vs []Values) Metrics {
	m := Metrics{}
	if len(vs) == 0 {
		return m
	}
	for name := range vs[0] {
		xs := make([]float64, 0, len(vs))
		for _, v := range vs {
			if x := v[name]; !math.IsNaN(x) {
				xs = append(xs, x)
			}
		}
		m[name] = SummarizeMetric(name, xs)
	}
	return m
}

// Summarize returns the mean and 95 % Student-t confidence interval of xs.
func Summarize(xs []float64) Stat {
	n := len(xs)
	s := Stat{Mean: math.NaN(), CI95: [2]float64{math.NaN(), math.NaN()}, N: n}
	if n == 0 {
		return s
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	s.Mean = sum / float64(n)
	if n < 2 {
		return s
	}
	ss := 0.0
	for _, x := range xs {
		ss += (x - s.Mean) * (x - s.Mean)
	}
	half := t975(n-1) * math.Sqrt(ss/float64(n-1)/float64(n))
	s.CI95 = [2]float64{s.Mean - half, s.Mean + half}
	return s
}

// HalfWidth is half the width of the confidence interval (NaN if unknown).
func (s Stat) HalfWidth() float64 { return (s.CI95[1] - s.CI95[0]) / 2 }

// jsonFloat writes v as a JSON number with the shortest exact representation, or null for NaN/Inf.
func jsonFloat(b *bytes.Buffer, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		b.WriteString("null")
		return
	}
	b.Write(strconv.AppendFloat(nil, v, 'g', -1, 64))
}

// MarshalJSON writes undefined values as null.
func (s Stat) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"mean":`)
	jsonFloat(&b, s.Mean)
	b.WriteString(`,"ci95":[`)
	jsonFloat(&b, s.CI95[0])
	b.WriteByte(',')
	jsonFloat(&b, s.CI95[1])
	b.WriteString(`],"n":`)
	b.WriteString(strconv.Itoa(s.N))
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads null as NaN.
func (s *Stat) UnmarshalJSON(data []byte) error {
	var raw struct {
		Mean *float64    `json:"mean"`
		CI95 [2]*float64 `json:"ci95"`
		N    int         `json:"n"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	s.Mean, s.CI95, s.N = orNaN(raw.Mean), [2]float64{orNaN(raw.CI95[0]), orNaN(raw.CI95[1])}, raw.N
	return nil
}

// MarshalJSON writes values in name order, undefined ones as null.
func (v Values) MarshalJSON() ([]byte, error) {
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(k))
		b.WriteByte(':')
		jsonFloat(&b, v[k])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads null as NaN.
func (v *Values) UnmarshalJSON(data []byte) error {
	var raw map[string]*float64
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*v = make(Values, len(raw))
	for k, x := range raw {
		(*v)[k] = orNaN(x)
	}
	return nil
}

func orNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

package sim

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
)

// Diff is the change of one metric from a baseline run to a variant run.
type Diff struct {
	Baseline Stat // the baseline's mean and 95 % CI
	Variant  Stat // the variant's
	// Paired is variant − baseline replication by replication: both runs
	// used the same seed, so replication r of each saw the same customers
	// (common random numbers) and the noise they share cancels.
	Paired Stat
	// Independent is the variant run with another seed − the baseline,
	// with the Welch CI of independent samples: what the difference would
	// look like without common random numbers. NaN without such a run.
	Independent Stat
}

// Narrowing is the width of the independent CI over the paired CI's: how
// many times sharper common random numbers make the comparison (NaN if
// either is unknown, +Inf if the paired differences do not vary).
func (d Diff) Narrowing() float64 {
	p, i := d.Paired.HalfWidth(), d.Independent.HalfWidth()
	if math.IsNaN(p) || math.IsNaN(i) {
		return math.NaN()
	}
	return i / p
}

// MarshalJSON writes the four statistics and the narrowing (null when undefined).
func (d Diff) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	for i, f := range []struct {
		name string
		s    Stat
	}{{"baseline", d.Baseline}, {"variant", d.Variant}, {"paired", d.Paired}, {"independent", d.Independent}} {
		if i == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		js, _ := f.s.MarshalJSON()
		b.WriteString(strconv.Quote(f.name) + ":")
		b.Write(js)
	}
	b.WriteString(`,"narrowing":`)
	jsonFloat(&b, d.Narrowing())
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Comparison is every metric's Diff in total and per interval.
type Comparison struct {
	Metrics   map[string]Diff `json:"metrics"`
	Intervals []IntervalDiff  `json:"intervals"`
}

// IntervalDiff are the Diffs of one interval.
type IntervalDiff struct {
	Start   string          `json:"start"`
	Metrics map[string]Diff `json:"metrics"`
}

// Compare compares variant with baseline, two runs with the same seed and
// number of replications; independent, if not nil, is the variant run with
// another seed. Metrics missing from either run are left out.
func Compare(baseline, variant, independent *Results) (*Comparison, error) {
	if baseline.Seed != variant.Seed || baseline.Replications != variant.Replications {
		return nil, fmt.Errorf("sim: compare: runs are not paired (seeds %d and %d, %d and %d replications)",
			baseline.Seed, variant.Seed, baseline.Replications, variant.Replications)
	}
	if len(baseline.Intervals) != len(variant.Intervals) {
		return nil, fmt.Errorf("sim: compare: %d and %d intervals", len(baseline.Intervals), len(variant.Intervals))
	}
	total := func(r Replication) Values { return r.Metrics }
	c := &Comparison{Metrics: diffs(baseline.Metrics, variant.Metrics, baseline, variant, independent, total)}
	for k := range baseline.Intervals {
		ivs := func(r Replication) Values {
			if k < len(r.Intervals) {
				return r.Intervals[k]
			}
			return nil
		}
		c.Intervals = append(c.Intervals, IntervalDiff{Start: baseline.Intervals[k].Start,
			Metrics: diffs(baseline.Intervals[k].Metrics, variant.Intervals[k].Metrics, baseline, variant, independent, ivs)})
	}
	return c, nil
}

// diffs computes the Diff of every metric both a and b have.
func diffs(a, b Metrics, ra, rb, ri *Results, get func(Replication) Values) map[string]Diff {
	names := make([]string, 0, len(a))
	for name := range a {
		if _, ok := b[name]; ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	out := make(map[string]Diff, len(names))
	for _, name := range names {
		xa, xb := replicationValues(ra, name, get), replicationValues(rb, name, get)
		d := Diff{Baseline: a[name], Variant: b[name], Paired: PairedDiff(xa, xb)}
		d.Independent = Summarize(nil)
		if ri != nil {
			d.Independent = WelchDiff(xa, replicationValues(ri, name, get))
		}
		out[name] = d
	}
	return out
}

// replicationValues returns metric name of every replication of res (NaN where undefined or missing).
func replicationValues(res *Results, name string, get func(Replication) Values) []float64 {
	xs := make([]float64, len(res.PerReplication))
	for i, r := range res.PerReplication {
		xs[i] = math.NaN()
		if v := get(r); v != nil {
			if x, ok := v[name]; ok {
				xs[i] = x
			}
		}
	}
	return xs
}

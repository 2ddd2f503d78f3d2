package sim

import (
	"context"
	"math"
	"reflect"
	"testing"
	"time"
)

// TestRunCountsMatchesDetails: the counts of RunCounts give, to the last
// bit, the figures Run keeps in Details (per skill, group, channel and in
// total), for any number of workers.
func TestRunCountsMatchesDetails(t *testing.T) {
	sc := dayScenario()
	sc.Intents[1].Skill, sc.Intents[2].Channel = "care", Chat
	sc.Groups[1].Skills = []Skill{{Name: "care", Priority: 1}, {Name: "", Priority: 2}}
	sc.Channels = map[Channel]ServiceLevel{Chat: {Threshold: time.Minute, Target: 0.8, Definition: Answered}}
	res := mustRun(t, sc, Options{Details: true})
	var first []Counts
	for _, w := range []int{1, 3} {
		cs, err := RunCounts(context.Background(), []*Scenario{sc, sc}, Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = cs[0]
		} else if !reflect.DeepEqual(cs[0], first) || !reflect.DeepEqual(cs[1], first) {
			t.Errorf("counts with %d workers differ from 1 worker's", w)
		}
	}
	same := func(what string, got, want float64) {
		t.Helper()
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("%s: counts give %v, details %v", what, got, want)
		}
	}
	chans := sc.channels()
	for r, rep := range res.PerReplication {
		for k, d := range rep.Details {
			pc := first[r][k]
			same("total service level", pc.Total.ServiceLevel(Offered), d.Total[MServiceLevel])
			for s, v := range d.Skills {
				q := pc.Skills[s]
				same("skill service level", q.ServiceLevel(Offered), v[MServiceLevel])
				same("skill abandonment", ratio(q.Abandoned, q.ToHuman), v[MAbandonRate])
				same("skill to human", q.ToHuman, v[MToHuman])
			}
			for g, v := range d.Groups {
				same("group occupancy", ratio(pc.Busy[g], pc.OnDuty[g]), v[MOccupancy])
			}
			for c, v := range d.Channels {
				q := pc.Channels[c]
				same("channel service level", q.ServiceLevel(sc.ChannelDefinition(chans[c])), v[MServiceLevel])
				same("channel ASA", ratio(q.SumWait, q.Answered-q.Callbacks), v[MASA])
			}
		}
	}
	if len(first) != len(res.PerReplication) || len(first[0]) != len(res.Intervals) {
		t.Fatalf("counts of %d replications × %d periods, want %d × %d", len(first), len(first[0]), len(res.PerReplication), len(res.Intervals))
	}
}

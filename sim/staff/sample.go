package staff

import (
	"math"

	"github.com/ccsim/ccsim/sim"
)

// layout says where each figure the goals need sits among the figures of
// one replication in one period: per skill its service level, abandonment
// and contacts that reached humans, per group its occupancy, the period's
// total service level and abandonment, then per channel its service level,
// ASA and abandonment.
type layout struct{ skills, groups, channels int }

// Figures of a skill, at layout.skill(s, f).
const (
	fSL = iota
	fAb
	fToHuman
	perSkill
)

// Figures of a channel, at layout.channel(c, f).
const (
	cSL = iota
	cASA
	cAb
	perChannel
)

func (l layout) width() int           { return l.skills*perSkill + l.groups + 2 + l.channels*perChannel }
func (l layout) skill(s, f int) int   { return s*perSkill + f }
func (l layout) group(g int) int      { return l.skills*perSkill + g }
func (l layout) total(f int) int      { return l.skills*perSkill + l.groups + f } // f is fSL or fAb
func (l layout) channel(c, f int) int { return l.total(2) + c*perChannel + f }
func (p *problem) layout() layout {
	return layout{skills: len(p.skills), groups: len(p.orig.Groups), channels: len(channels(p.orig))}
}
func (p *problem) newSample() sample { return sample{periods: p.periods, width: p.layout().width()} }

// sample holds the figures of some replications: v[(r·periods + k)·width + i]
// is figure i of replication r in period k. It is all a search keeps of a
// simulation, so that many can be cached and extended cheaply.
type sample struct {
	reps, periods, width int
	v                    []float64
}

// add appends the replications of res, which must carry Details.
func (s *sample) add(res *sim.Results, l layout) {
	for _, rep := range res.PerReplication {
		for k := 0; k < s.periods; k++ {
			d := &rep.Details[k]
			row := make([]float64, s.width)
			for sk := range l.skills {
				v := d.Skills[sk]
				row[l.skill(sk, fSL)] = figure(v, sim.MServiceLevel)
				row[l.skill(sk, fAb)] = figure(v, sim.MAbandonRate)
				row[l.skill(sk, fToHuman)] = figure(v, sim.MToHuman)
			}
			for g := range l.groups {
				row[l.group(g)] = figure(d.Groups[g], sim.MOccupancy)
			}
			row[l.total(fSL)] = figure(d.Total, sim.MServiceLevel)
			row[l.total(fAb)] = figure(d.Total, sim.MAbandonRate)
			for c := range l.channels {
				v := d.Channels[c]
				row[l.channel(c, cSL)] = figure(v, sim.MServiceLevel)
				row[l.channel(c, cASA)] = figure(v, sim.MASA)
				row[l.channel(c, cAb)] = figure(v, sim.MAbandonRate)
			}
			s.v = append(s.v, row...)
		}
		s.reps++
	}
}

// addCounts appends the replications of cs, counts of sc's periods.
func (s *sample) addCounts(cs []sim.Counts, l layout, sc *sim.Scenario) {
	def := sc.ServiceLevel.Definition
	if def == "" {
		def = sim.Offered
	}
	chans := channels(sc)
	for _, rep := range cs {
		for k := 0; k < s.periods; k++ {
			pc := &rep[k]
			row := make([]float64, s.width)
			for sk := range l.skills {
				q := pc.Skills[sk]
				row[l.skill(sk, fSL)] = q.ServiceLevel(def)
				row[l.skill(sk, fAb)] = countRatio(q.Abandoned, q.ToHuman)
				row[l.skill(sk, fToHuman)] = q.ToHuman
			}
			for g := range l.groups {
				row[l.group(g)] = countRatio(pc.Busy[g], pc.OnDuty[g])
			}
			row[l.total(fSL)] = pc.Total.ServiceLevel(def)
			row[l.total(fAb)] = countRatio(pc.Total.Abandoned, pc.Total.ToHuman)
			for c := range l.channels {
				q := pc.Channels[c]
				row[l.channel(c, cSL)] = q.ServiceLevel(sc.ChannelDefinition(chans[c]))
				row[l.channel(c, cASA)] = countRatio(q.SumWait, q.Answered-q.Callbacks)
				row[l.channel(c, cAb)] = countRatio(q.Abandoned, q.ToHuman)
			}
			s.v = append(s.v, row...)
		}
		s.reps++
	}
}

// countRatio is a/b, NaN when b is zero (as the simulator's figures).
func countRatio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// figure is v[name], NaN when absent.
func figure(v sim.Values, name string) float64 {
	if x, ok := v[name]; ok {
		return x
	}
	return math.NaN()
}

// join concatenates the replications of samples with the same layout.
func join(bs []sample) sample {
	if len(bs) == 1 {
		return bs[0]
	}
	out := sample{periods: bs[0].periods, width: bs[0].width}
	for _, b := range bs {
		out.reps += b.reps
		out.v = append(out.v, b.v...)
	}
	return out
}

// series returns figure i of period k in every replication, in buf.
func (s sample) series(k, i int, buf []float64) []float64 {
	buf = buf[:0]
	for r := 0; r < s.reps; r++ {
		buf = append(buf, s.v[(r*s.periods+k)*s.width+i])
	}
	return buf
}

// batchSeed is the seed of batch b of a staffing's replications: batch 0
// uses the search's seed, later batches seeds mixed from it, so adding a
// batch adds independent replications and every candidate sees the same
// ones (common random numbers).
func batchSeed(seed uint64, b int) uint64 {
	if b == 0 {
		return seed
	}
	return splitmix(seed ^ splitmix(uint64(b)*0x9e3779b97f4a7c15))
}

// verifySeed is the default seed of the out-of-sample check, independent
// of every batch of the search.
func verifySeed(seed uint64) uint64 { return splitmix(seed ^ 0x5bd1e9955bd1e995) }

// splitmix is the SplitMix64 finaliser, a bijective mixer of 64-bit values.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
